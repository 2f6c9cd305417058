import { Unknown, symKey } from '../../../src/model/symbolic.js';
import { entityKey, idToKey } from '../../../src/model/keys.js';
import type { EvalValue } from '../../../src/sources/eval-value.js';
import { accessIndex, accessMember, callTemplateFunction, type FunctionEnv } from '../../../src/sources/functions/index.js';

const env: FunctionEnv = {};
const call = (name: string, ...args: EvalValue[]) => callTemplateFunction(name, args, env);
const rgId = () => accessMember(call('resourceGroup'), 'id');
const u = (expr: string) => new Unknown(expr, 'test');
const exprOf = (v: EvalValue) => (v instanceof Unknown ? v.expr : `known:${JSON.stringify(v)}`);

describe('string functions', () => {
  it.each<[string, EvalValue[], EvalValue]>([
    ['concat', ['a', 'b', 1], 'ab1'],
    ['concat', [[1], [2, 3]], [1, 2, 3]],
    ['format', ['{0}-{1}', 'a', 2], 'a-2'],
    ['format', ['{0:D3} {{x}}', 7], '007 {x}'],
    ['string', [true], 'True'],
    ['string', [{ a: 1 }], '{"a":1}'],
    ['string', [5], '5'],
    ['toLower', ['AbC'], 'abc'],
    ['TOUPPER', ['abc'], 'ABC'],
    ['trim', ['  a '], 'a'],
    ['replace', ['a-b-c', '-', '/'], 'a/b/c'],
    ['split', ['a,b', ','], ['a', 'b']],
    ['split', ['a,b;c', [',', ';']], ['a', 'b', 'c']],
    ['startsWith', ['Hello', 'he'], true],
    ['endsWith', ['Hello', 'LO'], true],
    ['indexOf', ['abcdef', 'CD'], 2],
    ['substring', ['hello', 1, 3], 'ell'],
    ['substring', ['hello', 2], 'llo'],
    ['padLeft', ['7', 3, '0'], '007'],
    ['padLeft', [7, 3, '0'], '007'],
    ['join', [['a', 'b'], ','], 'a,b'],
    ['base64', ['one'], 'b25l'],
    ['base64ToString', ['b25l'], 'one'],
    ['lastIndexOf', ['abcabc', 'BC'], 4],
    ['uriComponent', ['a b'], 'a%20b'],
    ['uriComponentToString', ['a%20b'], 'a b'],
    ['uri', ['http://contoso.org/firstpath', 'myscript.sh'], 'http://contoso.org/myscript.sh'],
    ['endsWith', ['abc', 'x'], false],
  ])('%s(%j) = %j', (name, args, expected) => {
    expect(callTemplateFunction(name, args, env)).toEqual(expected);
  });

  it('keeps known pieces of concat/format around an unknown', () => {
    const us = call('uniqueString', rgId());
    expect(exprOf(us)).toBe('uniquestring(resourcegroup().id)');
    const name = call('concat', us, '-vnet');
    expect(name).toBeInstanceOf(Unknown);
    expect((name as Unknown).parts).toEqual([us, '-vnet']);
    expect(exprOf(call('format', '{0}-vnet', us))).toBe(exprOf(name));
  });
  it('toLower keeps an unknown symbolic', () => {
    const us = call('uniqueString', rgId());
    expect(exprOf(call('toLower', call('concat', us, '-VNet')))).toBe('{uniquestring(resourcegroup().id)}-vnet');
    expect(exprOf(call('toLower', u("parameters('x')")))).toBe("tolower(parameters('x'))");
  });
  it('splits only known pieces of a symbolic string', () => {
    const s = call('concat', u("parameters('v')"), '/default');
    const parts = call('split', s, '/') as EvalValue[];
    expect(parts.map((p) => symKey(p as string | Unknown))).toEqual(["{parameters('v')}", 'default']);
  });
  it('join of unknown items keeps them', () => {
    expect(exprOf(call('join', [u('x'), 'b'], '-'))).toBe('{x}-b');
  });
  it('generated values are Unknown with canonical exprs', () => {
    expect(exprOf(call('guid', 'a', rgId()))).toBe("guid('a',resourcegroup().id)");
    expect(exprOf(call('newGuid'))).toBe('newguid()');
    expect(exprOf(call('utcNow'))).toBe('utcnow()');
  });
  it('substring out of range is an Unknown with a reason, not a throw', () => {
    const r = call('substring', 'abc', 2, 5);
    expect(r).toBeInstanceOf(Unknown);
    expect((r as Unknown).reason).toMatch(/out of range/);
  });
});

describe('collection functions', () => {
  it.each<[string, EvalValue[], EvalValue]>([
    ['createArray', [1, 'a'], [1, 'a']],
    ['createObject', ['a', 1, 'b', [2]], { a: 1, b: [2] }],
    ['array', ['x'], ['x']],
    ['array', [[1]], [1]],
    ['first', [[1, 2]], 1],
    ['last', [[1, 2]], 2],
    ['first', ['abc'], 'a'],
    ['take', [[1, 2, 3], 2], [1, 2]],
    ['skip', [[1, 2, 3], 2], [3]],
    ['take', ['abc', 2], 'ab'],
    ['length', [[1, 2, 3]], 3],
    ['length', ['abcd'], 4],
    ['length', [{ a: 1 }], 1],
    ['empty', [[]], true],
    ['empty', [''], true],
    ['empty', [{}], true],
    ['empty', [null], true],
    ['empty', [[1]], false],
    ['contains', ['OneTwo', 'Two'], true],
    ['contains', ['OneTwo', 'two'], false],
    ['contains', [[1, 2], 2], true],
    ['contains', [{ Alpha: 1 }, 'alpha'], true],
    ['union', [{ a: 1, n: { x: 1 } }, { b: 2, n: { y: 2 } }], { a: 1, b: 2, n: { x: 1, y: 2 } }],
    ['union', [[1, 2], [2, 3]], [1, 2, 3]],
    ['intersection', [[1, 2, 3], [2, 3, 4]], [2, 3]],
    ['intersection', [{ a: 1, b: 2 }, { a: 1, b: 3 }], { a: 1 }],
    ['range', [5, 3], [5, 6, 7]],
    ['items', [{ b: 2, a: 1 }], [{ key: 'a', value: 1 }, { key: 'b', value: 2 }]],
    ['coalesce', [null, null, 'x'], 'x'],
    ['json', ['{"a":[1]}'], { a: [1] }],
    ['min', [3, 1, 2], 1],
    ['max', [[3, 1, 2]], 3],
    ['json', ['.25'], 0.25],
    ['objectKeys', [{ a: 1, b: 2 }], ['a', 'b']],
    ['tryGet', [{ a: { b: 1 } }, 'a', 'b'], 1],
    ['tryGet', [{ a: 1 }, 'x'], null],
    ['shallowMerge', [[{ a: 1, n: { x: 1 } }, { n: { y: 2 } }]], { a: 1, n: { y: 2 } }],
    ['null', [], null],
    ['last', ['abc'], 'c'],
    ['skip', ['abc', 1], 'bc'],
  ])('%s(%j) = %j', (name, args, expected) => {
    expect(callTemplateFunction(name, args, env)).toEqual(expected);
  });

  it('length, first and empty of an array with unknown items are known', () => {
    const arr = [u('a'), u('b')];
    expect(call('length', arr)).toBe(2);
    expect(call('empty', arr)).toBe(false);
    expect(exprOf(call('first', arr))).toBe('a');
  });
  it('an unknown container gives an Unknown', () => {
    expect(exprOf(call('length', u("parameters('subnets')")))).toBe("length(parameters('subnets'))");
    expect(call('coalesce', u('p'), 'x')).toBeInstanceOf(Unknown);
    expect(call('contains', [1, u('p')], 1)).toBe(true);
    expect(call('contains', [2, u('p')], 1)).toBeInstanceOf(Unknown);
  });
  it('json of invalid text is Unknown', () => {
    expect((call('json', '{x') as Unknown).reason).toMatch(/not valid JSON/);
  });
});

describe('logic, comparison and numeric functions', () => {
  it.each<[string, EvalValue[], EvalValue]>([
    ['if', [true, 1, 2], 1],
    ['if', [false, 1, 2], 2],
    ['equals', ['a', 'a'], true],
    ['equals', ['a', 'A'], false],
    ['equals', [[1, { a: 2 }], [1, { A: 2 }]], true],
    ['not', [false], true],
    ['and', [true, true], true],
    ['and', [true, false], false],
    ['or', [false, true], true],
    ['bool', ['True'], true],
    ['bool', [0], false],
    ['int', ['42'], 42],
    ['add', [2, 3], 5],
    ['sub', [2, 3], -1],
    ['mul', [2, 3], 6],
    ['div', [7, 2], 3],
    ['mod', [7, 2], 1],
    ['less', [1, 2], true],
    ['lessOrEquals', [2, 2], true],
    ['greater', ['b', 'a'], true],
    ['greaterOrEquals', [1, 2], false],
    ['float', ['1.5'], 1.5],
    ['int', [3.7], 3],
    ['or', [false, false], false],
    ['true', [], true],
  ])('%s(%j) = %j', (name, args, expected) => {
    expect(callTemplateFunction(name, args, env)).toEqual(expected);
  });

  it('three-valued logic sees through unknowns where the result is determined', () => {
    const p = u("parameters('flag')");
    expect(call('if', true, 'x', p)).toBe('x');
    expect(call('if', p, 'same', 'same')).toBe('same');
    expect(exprOf(call('if', p, 'a', 'b'))).toBe("if(parameters('flag'),'a','b')");
    expect(call('and', false, p)).toBe(false);
    expect(call('or', p, true)).toBe(true);
    expect(call('and', true, p)).toBeInstanceOf(Unknown);
    expect(call('not', p)).toBeInstanceOf(Unknown);
    expect(call('add', p, 1)).toBeInstanceOf(Unknown);
  });
  it('equals of the same unknown is true, of different ones Unknown', () => {
    const loc = accessMember(call('resourceGroup'), 'location');
    const loc2 = accessMember(call('resourceGroup'), 'location');
    expect(call('equals', loc, loc2)).toBe(true);
    expect(call('equals', loc, 'westeurope')).toBeInstanceOf(Unknown);
    expect(call('equals', call('concat', 'a-', u('x')), 'b-y')).toBe(false);
  });
  it('div by zero is Unknown with a reason', () => {
    expect((call('div', 1, 0) as Unknown).reason).toMatch(/zero/);
  });
});

describe('resource id functions', () => {
  it('resourceId with a symbolic name links to the declared entity', () => {
    const name = call('concat', call('uniqueString', rgId()), '-vnet');
    const id = call('resourceId', 'Microsoft.Network/virtualNetworks/subnets', name, 'default');
    expect(idToKey(id as string)).toBe(entityKey('Microsoft.Network/virtualNetworks/subnets', [name as Unknown, 'default']));
  });
  it('resourceId with a resource group and subscription', () => {
    const id = call('resourceId', 'sub1', 'rg1', 'Microsoft.Network/virtualNetworks', 'v1');
    expect(id).toBe('/subscriptions/sub1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/v1');
    const id2 = call('resourceId', 'rg2', 'Microsoft.Network/virtualNetworks', 'v1');
    expect(exprOf(id2)).toBe('/subscriptions/{subscription().subscriptionid}/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/v1');
    expect(idToKey(id2 as Unknown)).toBe('microsoft.network/virtualnetworks|v1');
  });
  it('subscription, tenant and extension resource ids', () => {
    expect(call('subscriptionResourceId', 's', 'Microsoft.Resources/resourceGroups', 'rg')).toBe('/subscriptions/s/providers/Microsoft.Resources/resourceGroups/rg');
    expect(call('tenantResourceId', 'Microsoft.Management/managementGroups', 'mg')).toBe('/providers/Microsoft.Management/managementGroups/mg');
    expect(call('extensionResourceId', '/x/providers/A.B/c/d', 'Microsoft.Authorization/locks', 'l')).toBe('/x/providers/A.B/c/d/providers/Microsoft.Authorization/locks/l');
  });
  it('scope functions give Unknown members with canonical exprs', () => {
    expect(exprOf(accessMember(call('resourceGroup'), 'location'))).toBe('resourcegroup().location');
    expect(exprOf(accessMember(call('subscription'), 'subscriptionId'))).toBe('subscription().subscriptionid');
    expect(exprOf(accessMember(accessMember(call('environment'), 'suffixes'), 'storage'))).toBe('environment().suffixes.storage');
    expect(exprOf(accessMember(call('deployment'), 'name'))).toBe('deployment().name');
  });
  it('env overrides the resource group', () => {
    expect(callTemplateFunction('resourceGroup', [], { resourceGroup: { location: 'westeurope' } })).toEqual({ location: 'westeurope' });
  });
});

describe('CIDR functions (template-functions-cidr examples)', () => {
  it('parseCidr IPv4 and IPv6', () => {
    expect(call('parseCidr', '10.144.0.0/20')).toEqual({
      network: '10.144.0.0', netmask: '255.255.240.0', broadcast: '10.144.15.255',
      firstUsable: '10.144.0.1', lastUsable: '10.144.15.254', cidr: 20,
    });
    expect(call('parseCidr', 'fdad:3236:5555::/48')).toEqual({
      network: 'fdad:3236:5555::', netmask: 'ffff:ffff:ffff::',
      firstUsable: 'fdad:3236:5555::', lastUsable: 'fdad:3236:5555:ffff:ffff:ffff:ffff:ffff', cidr: 48,
    });
  });
  it('cidrSubnet', () => {
    expect([0, 1, 2, 3, 4].map((i) => call('cidrSubnet', '10.144.0.0/20', 24, i))).toEqual(
      ['10.144.0.0/24', '10.144.1.0/24', '10.144.2.0/24', '10.144.3.0/24', '10.144.4.0/24']);
    expect([0, 1, 4].map((i) => call('cidrSubnet', 'fdad:3236:5555::/48', 52, i))).toEqual(
      ['fdad:3236:5555::/52', 'fdad:3236:5555:1000::/52', 'fdad:3236:5555:4000::/52']);
    expect(call('cidrSubnet', '10.0.0.0/24', 16, 0)).toBeInstanceOf(Unknown);
    expect(call('cidrSubnet', '10.0.0.0/24', 26, 4)).toBeInstanceOf(Unknown);
  });
  it('cidrHost', () => {
    expect([0, 1, 4].map((i) => call('cidrHost', '10.144.3.0/24', i))).toEqual(['10.144.3.1', '10.144.3.2', '10.144.3.5']);
    expect(call('cidrHost', 'fdad:3236:5555:3000::/52', 0)).toBe('fdad:3236:5555:3000::1');
    expect(call('cidrHost', '10.0.0.0/30', 2)).toBeInstanceOf(Unknown);
  });
  it('cidr of an unknown range is Unknown', () => {
    expect(exprOf(call('cidrSubnet', u("parameters('vnetPrefix')"), 24, 0))).toBe("cidrsubnet(parameters('vnetPrefix'),24,0)");
  });
});

describe('dispatch', () => {
  it('unknown function names and list* are Unknown with a canonical expr', () => {
    const r = call('noSuchFn', 'a', 1) as Unknown;
    expect(r.expr).toBe("nosuchfn('a',1)");
    expect(r.reason).toBe('unsupported function');
    expect((call('listKeys', 'id', '2020-01-01') as Unknown).reason).toBe('runtime value');
  });
  it('wrong arity is Unknown', () => {
    expect(call('substring')).toBeInstanceOf(Unknown);
  });
  it('index and member access', () => {
    expect(accessIndex([1, 2], 1)).toBe(2);
    expect(accessIndex({ a: 1 }, 'A')).toBe(1);
    expect(exprOf(accessIndex(u("parameters('s')"), 0))).toBe("parameters('s')[0]");
    expect(accessIndex([1], 3)).toBeInstanceOf(Unknown);
  });
});
