import { describe, expect, it } from '@jest/globals';
import { entityKey, idToKey } from '../../../src/model/keys.js';
import { rget } from '../../../src/model/resolved-resource.js';
import { Unknown } from '../../../src/model/symbolic.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import { at, loadInline, names, resource, sourceFiles } from './helpers.js';

const VNET = 'Microsoft.Network/virtualNetworks';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const NSG = 'Microsoft.Network/networkSecurityGroups';
const SITE = 'Microsoft.Web/sites';

/** One evaluator case: a template, and what one of its resources must look like. */
interface Case {
  name: string;
  bicep: string;
  type: string;
  resourceName: string;
  path?: (string | number)[];
  expected: unknown;
}

const cases: Case[] = [
  {
    name: 'string interpolation of params and vars',
    bicep: `param prefix string = 'app'\nvar n = '\${prefix}-vnet-\${1 + 1}'\nresource v '${VNET}@2023-09-01' = {\n  name: n\n}`,
    type: VNET, resourceName: 'app-vnet-2', path: ['name'], expected: 'app-vnet-2',
  },
  {
    name: 'param without a value stays symbolic inside a string',
    bicep: `param env string\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  tags: {\n    t: 'x-\${env}-y'\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['tags', 't'], expected: "{x-{parameters('env')}-y}",
  },
  {
    name: 'resourceGroup().location is the canonical unknown',
    bicep: `param location string = resourceGroup().location\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  location: location\n}`,
    type: VNET, resourceName: 'v1', path: ['location'], expected: '{resourcegroup().location}',
  },
  {
    name: 'for loop with index over an array variable, cidrSubnet',
    bicep: `var subnets = [\n  'a'\n  'b'\n]\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    subnets: [for (s, i) in subnets: {\n      name: s\n      properties: {\n        addressPrefix: cidrSubnet('10.0.0.0/16', 24, i)\n      }\n    }]\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties', 'subnets'],
    expected: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }, { name: 'b', properties: { addressPrefix: '10.0.1.0/24' } }],
  },
  {
    name: 'ternary with a known condition, logic and comparison operators',
    bicep: `param big bool = true\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    a: big && !false ? '10.0.0.0/8' : '10.0.0.0/24'\n    b: 'X' =~ 'x'\n    c: 3 >= 4 || 5 != 5\n    d: null ?? 'fallback'\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties'], expected: { a: '10.0.0.0/8', b: true, c: false, d: 'fallback' },
  },
  {
    name: 'ternary with an unknown condition is unknown',
    bicep: `param big bool\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    a: big ? '10.0.0.0/8' : '10.0.0.0/24'\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties', 'a'], expected: "{if(parameters('big'),'10.0.0.0/8','10.0.0.0/24')}",
  },
  {
    name: 'object and array literals, property access and indexing, shared functions',
    bicep: `var cfg = {\n  prefixes: [\n    '10.1.0.0/16'\n    '10.2.0.0/16'\n  ]\n  Name: 'Net'\n}\nresource v '${VNET}@2023-09-01' = {\n  name: toLower(cfg.name)\n  properties: {\n    first: cfg.prefixes[1]\n    all: union(cfg.prefixes, ['10.3.0.0/16'])\n    n: length(cfg.prefixes)\n    parts: split(replace('a-b', '-', '/'), '/')\n    host: cidrHost('10.0.0.0/24', 3)\n    last: last(skip(take(cfg.prefixes, 2), 1))\n    hasIt: contains(cfg.prefixes, '10.2.0.0/16')\n    joined: concat('a', 'b')\n    f: first(cfg.prefixes)\n    bits: parseCidr('10.0.0.0/24').cidr\n    flat: flatten([['a'], ['b', 'c']])\n  }\n}`,
    type: VNET, resourceName: 'net', path: ['properties'],
    expected: {
      first: '10.2.0.0/16', all: ['10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16'], n: 2, parts: ['a', 'b'], host: '10.0.0.4',
      last: '10.2.0.0/16', hasIt: true, joined: 'ab', f: '10.1.0.0/16', bits: 24, flat: ['a', 'b', 'c'],
    },
  },
  {
    name: 'spread in objects and arrays',
    bicep: `var base = {\n  a: 1\n}\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    ...base\n    b: 2\n    list: [\n      ...['x', 'y']\n      'z'\n    ]\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties'], expected: { a: 1, b: 2, list: ['x', 'y', 'z'] },
  },
  {
    name: 'lambdas: map and filter',
    bicep: `var xs = [1, 2, 3]\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    m: map(xs, x => x * 2)\n    f: filter(xs, x => x > 1)\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties'], expected: { m: [2, 4, 6], f: [2, 3] },
  },
  {
    name: 'user-defined functions and types are skipped gracefully',
    bicep: `type subnetType = {\n  name: string\n  prefix: string?\n}\nfunc pfx(n int) string => '10.\${n}.0.0/16'\nparam subnetsIn subnetType[] = []\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    p: pfx(1)\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties', 'p'], expected: '{pfx(1)}',
  },
  {
    name: 'array items the grammar splits (`[ a.b[0].c ]`) are joined',
    bicep: `var o = {\n  b: [\n    {\n      c: '10.9.0.4'\n    }\n  ]\n}\nresource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    dhcpOptions: {\n      dnsServers: [\n        o.b[0].c\n      ]\n    }\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties', 'dhcpOptions', 'dnsServers'], expected: ['10.9.0.4'],
  },
  {
    name: 'interpolated object keys (reduce over identities)',
    bicep: `var ids = [
  'a'
  'b'
]
resource v '${VNET}@2023-09-01' = {
  name: 'v1'
  tags: reduce(ids, {}, (cur, next) => union(cur, {
    '\${next}-id': next
  }))
}`,
    type: VNET, resourceName: 'v1', path: ['tags'], expected: { 'a-id': 'a', 'b-id': 'b' },
  },
  {
    name: "a '//' inside a string is not a comment",
    bicep: `resource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  properties: {\n    url: 'https://example.com/a'\n  }\n}`,
    type: VNET, resourceName: 'v1', path: ['properties', 'url'], expected: 'https://example.com/a',
  },
];

describe('Bicep evaluator', () => {
  it.each(cases)('$name', async (c) => {
    const out = await loadInline({ 'main.bicep': c.bicep });
    expect(out.findings.filter((f) => f.ruleId === 'parse/error')).toEqual([]);
    const r = resource(out, c.type, c.resourceName);
    expect(c.path ? at(r, ...c.path) : r).toEqual(c.expected);
  });

  it('resource loops with range() and index give one resource each', async () => {
    const out = await loadInline({ 'main.bicep': `resource nsgs '${NSG}@2023-09-01' = [for i in range(1, 3): {\n  name: 'nsg-\${i}'\n}]` });
    expect(out.resources.map((r) => names(r).join('/'))).toEqual(['nsg-1', 'nsg-2', 'nsg-3']);
  });

  it('resource loops with an if filter', async () => {
    const out = await loadInline({ 'main.bicep': `resource nsgs '${NSG}@2023-09-01' = [for i in range(0, 4): if (i % 2 == 0) {\n  name: 'nsg-\${i}'\n}]` });
    expect(out.resources.map((r) => names(r).join('/'))).toEqual(['nsg-0', 'nsg-2']);
  });

  it('if conditions: false drops the resource, unknown marks it', async () => {
    const out = await loadInline({
      'main.bicep': `param on bool\nparam off bool = false\nresource a '${NSG}@2023-09-01' = if (off) {\n  name: 'a'\n}\nresource b '${NSG}@2023-09-01' = if (on) {\n  name: 'b'\n}`,
    });
    expect(out.resources.map((r) => names(r)[0])).toEqual(['b']);
    expect(out.resources[0]!.conditionUnknown?.expr).toBe("parameters('on')");
  });

  it('@allowed is read into the reason of a parameter without a value', async () => {
    const out = await loadInline({
      'main.bicep': `@allowed([
  'dev'
  'prod'
])
param env string
resource n '${NSG}@2023-09-01' = if (env == 'prod') {
  name: 'n'
}`,
    });
    expect(out.resources[0]!.conditionUnknown).toMatchObject({ expr: "equals(parameters('env'),'prod')", reason: "parameter 'env' has no value (allowed: dev, prod)" });
  });

  it('a resource loop over an unknown array is a note, not a guess', async () => {
    const out = await loadInline({ 'main.bicep': `param names array
resource nsgs '${NSG}@2023-09-01' = [for n in names: {
  name: n
}]` });
    expect(out.resources).toEqual([]);
    expect(out.findings).toEqual([expect.objectContaining({ ruleId: 'load/unresolved-loop', severity: 'note', range: expect.objectContaining({ line: 2 }) })]);
  });

  it('nested child resources and parent: give full types and name segments', async () => {
    const out = await loadInline({
      'main.bicep': `resource v '${VNET}@2023-09-01' = {\n  name: 'v1'\n  resource s1 'subnets' = {\n    name: 'one'\n  }\n}\nresource s2 '${SUBNET}@2023-09-01' = {\n  parent: v\n  name: 'two'\n  properties: {\n    x: v::s1.name\n  }\n}`,
    });
    expect(names(resource(out, SUBNET, 'one'))).toEqual(['v1', 'one']);
    const two = resource(out, SUBNET, 'two');
    expect(names(two)).toEqual(['v1', 'two']);
    expect(rget(two.body, 'parent')).toBeUndefined();
    expect(at(two, 'properties', 'x')).toBe('one');
  });

  it('symbolic references: x.id, x.name, x.properties and runtime-only properties', async () => {
    const out = await loadInline({
      'main.bicep': `resource v '${VNET}@2023-09-01' = {\n  name: 'vnet-\${uniqueString(resourceGroup().id)}'\n  properties: {\n    subnets: [\n      {\n        name: 'apps'\n        properties: {\n          addressPrefix: '10.0.0.0/24'\n        }\n      }\n    ]\n  }\n}\nresource app '${SITE}@2023-01-01' = {\n  name: 'app1'\n  properties: {\n    virtualNetworkSubnetId: v.properties.subnets[0].id\n    vnetName: v.name\n    prefix: v.properties.subnets[0].properties.addressPrefix\n    guid: v.properties.resourceGuid\n    firstId: first(v.properties.subnets).id\n  }\n}`,
    });
    const app = resource(out, SITE, 'app1');
    const subnetId = rget(app.body, 'properties', 'virtualNetworkSubnetId');
    expect(subnetId?.kind).toBe('unknown');
    const v = out.resources.find((r) => r.type === VNET)!;
    expect(idToKey((subnetId as { value: Unknown }).value)).toBe(entityKey(SUBNET, [...v.nameSegments, 'apps']));
    expect(at(app, 'properties', 'vnetName')).toBe('{vnet-{uniquestring(resourcegroup().id)}}');
    expect(at(app, 'properties', 'prefix')).toBe('10.0.0.0/24');
    expect(at(app, 'properties', 'firstId')).toEqual(at(app, 'properties', 'virtualNetworkSubnetId'));
    expect(String(at(app, 'properties', 'guid'))).toMatch(/^\{reference\(.*\)\.resourceguid\}$/);
  });

  it('existing resources are known by name, with unknown properties', async () => {
    const out = await loadInline({
      'main.bicep': `param vnetName string\nresource v '${VNET}@2023-09-01' existing = {\n  name: vnetName\n  resource s 'subnets' existing = {\n    name: 'apps'\n  }\n}\nresource app '${SITE}@2023-01-01' = {\n  name: 'app1'\n  properties: {\n    virtualNetworkSubnetId: v::s.id\n    prefix: v::s.properties.addressPrefix\n  }\n}`,
    });
    const v = out.resources.find((r) => r.type === VNET)!;
    expect(v.existing).toBe(true);
    expect(names(v)).toEqual(["{parameters('vnetName')}"]);
    expect([...v.body.props.keys()]).toEqual(['name']);
    const app = resource(out, SITE, 'app1');
    const id = rget(app.body, 'properties', 'virtualNetworkSubnetId') as { kind: 'unknown'; value: Unknown };
    expect(idToKey(id.value)).toBe(entityKey(SUBNET, [new Unknown("parameters('vnetName')"), 'apps']));
    expect(rget(app.body, 'properties', 'prefix')?.kind).toBe('unknown');
  });

  it('modules: params in, outputs out, resources with the root scope', async () => {
    const out = await loadInline({
      'main.bicep': `module net 'modules/net.bicep' = {\n  name: 'net'\n  params: {\n    vnetName: 'hub'\n  }\n}\nresource app '${SITE}@2023-01-01' = {\n  name: 'app1'\n  properties: {\n    virtualNetworkSubnetId: net.outputs.subnetId\n    prefixes: net.outputs.prefixes\n  }\n}`,
      'modules/net.bicep': `param vnetName string\nparam prefix string = '10.5.0.0/16'\nresource v '${VNET}@2023-09-01' = {\n  name: vnetName\n  properties: {\n    addressSpace: {\n      addressPrefixes: [prefix]\n    }\n  }\n  resource s 'subnets' = {\n    name: 'apps'\n  }\n}\noutput subnetId string = v::s.id\noutput prefixes array = v.properties.addressSpace.addressPrefixes`,
    });
    const v = resource(out, VNET, 'hub');
    expect(v.scope).toBe('main.bicep');
    expect(v.range.file).toBe('modules/net.bicep');
    const app = resource(out, SITE, 'app1');
    expect(at(app, 'properties', 'prefixes')).toEqual(['10.5.0.0/16']);
    const id = rget(app.body, 'properties', 'virtualNetworkSubnetId') as { kind: 'unknown'; value: Unknown };
    expect(idToKey(id.value)).toBe(entityKey(SUBNET, ['hub', 'apps']));
    expect(out.files.find((f) => f.path === 'modules/net.bicep')?.resources).toBe(2);
  });

  it('module conditions and loops', async () => {
    const out = await loadInline({
      'main.bicep': `param deploy bool\nmodule a 'm.bicep' = [for n in ['x', 'y']: {\n  name: n\n  params: {\n    n: n\n  }\n}]\nmodule b 'm.bicep' = if (deploy) {\n  name: 'b'\n  params: {\n    n: 'z'\n  }\n}`,
      'm.bicep': `param n string\nresource nsg '${NSG}@2023-09-01' = {\n  name: 'nsg-\${n}'\n}`,
    });
    expect(out.resources.map((r) => names(r)[0])).toEqual(['nsg-x', 'nsg-y', 'nsg-z']);
    expect(out.resources[2]!.conditionUnknown?.expr).toBe("parameters('deploy')");
  });

  it('a module file its caller does not deploy (condition false) is not evaluated alone', async () => {
    const out = await loadInline({
      'main.bicep': `param useExisting bool = false\nmodule s 'subnet.bicep' = if (useExisting) {\n  name: 's'\n  params: {\n    prefix: '10.0.0.0/24'\n  }\n}`,
      'subnet.bicep': `param prefix string\nmodule deeper 'deeper.bicep' = {\n  name: 'd'\n}\nresource n '${NSG}@2023-09-01' = {\n  name: prefix\n}`,
      'deeper.bicep': `resource n '${NSG}@2023-09-01' = {\n  name: 'deeper'\n}`,
    });
    expect(out.resources).toEqual([]);
  });

  it('a .bicepparam file supplies parameter values', async () => {
    const out = await loadInline({
      'main.bicep': `param name string\nparam prefixes array\nresource v '${VNET}@2023-09-01' = {\n  name: name\n  properties: {\n    addressSpace: {\n      addressPrefixes: prefixes\n    }\n  }\n}`,
      'main.bicepparam': `using './main.bicep'\n\nparam name = 'from-params'\nparam prefixes = [\n  '10.7.0.0/16'\n]\n`,
    });
    expect(out.findings).toEqual([]);
    expect(at(resource(out, VNET, 'from-params'), 'properties', 'addressSpace', 'addressPrefixes')).toEqual(['10.7.0.0/16']);
  });

  it('a config entry can pair another parameter file (ARM JSON too)', async () => {
    const out = await loadInline(
      {
        'main.bicep': `param name string\nresource v '${VNET}@2023-09-01' = {\n  name: name\n}`,
        'prod.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', contentVersion: '1.0.0.0', parameters: { name: { value: 'prod-vnet' } } }),
      },
      { parameterFiles: { 'prod.json': 'main.bicep' } },
    );
    expect(names(out.resources[0]!)).toEqual(['prod-vnet']);
  });

  it('unknowns compare equal with the compiled ARM twin', async () => {
    const bicep = await loadInline({
      'main.bicep': `param env string\nresource v '${VNET}@2023-09-01' = {\n  name: 'vnet-\${env}-\${uniqueString(resourceGroup().id)}'\n  location: resourceGroup().location\n}`,
    });
    const armFiles = sourceFiles({
      'azuredeploy.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { env: { type: 'string' } },
        resources: [{
          type: VNET, apiVersion: '2023-09-01',
          name: "[format('vnet-{0}-{1}', parameters('env'), uniqueString(resourceGroup().id))]",
          location: '[resourceGroup().location]',
        }],
      }, null, 2),
    });
    const arm = await armLoader.load(armFiles, {
      files: new Map(armFiles.map((f) => [f.path, f])), roots: [], parameterFiles: new Map(), parseBudgetMs: 2000,
    });
    const b = bicep.resources[0]!;
    const a = arm.resources[0]!;
    expect(entityKey(b.type, b.nameSegments)).toBe(entityKey(a.type, a.nameSegments));
    expect(at(b, 'location')).toEqual(at(a, 'location'));
  });
});
