import { entityKey, idToKey } from '../../../src/model/keys.js';
import { rget } from '../../../src/model/resolved-resource.js';
import { Unknown } from '../../../src/model/symbolic.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import { find, loadMem, memFiles, prop, symText, tpl } from './helpers.js';

const vnet = (name: string, extra: object = {}) => ({
  type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name,
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }, ...extra,
});

describe('claims', () => {
  const claim = (p: string, text: string) => armLoader.claims({ path: p, absPath: `/r/${p}`, text });
  it('claims templates and parameter files by $schema', () => {
    expect(claim('a.json', tpl({ resources: [] }))).toBe('arm');
    expect(claim('a.jsonc', '// c\n{ "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", "resources": [] }')).toBe('arm');
    expect(claim('a.parameters.json', '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {} }')).toBe('arm-parameters');
  });
  it('claims a template without $schema by contentVersion + resources', () => {
    expect(claim('t.json', '{ "contentVersion": "1.0.0.0", "resources": [] }')).toBe('arm');
  });
  it('skips other JSON', () => {
    expect(claim('package.json', '{ "name": "x", "version": "1.0.0" }')).toBeUndefined();
    expect(claim('tsconfig.json', '{ "compilerOptions": {} }')).toBeUndefined();
    expect(claim('plan.json', '{ "format_version": "1.2", "planned_values": {}, "resources": [], "contentVersion": "x" }')).toBeUndefined();
    expect(claim('schema.json', '{ "$schema": "http://json-schema.org/draft-07/schema#", "resources": [] }')).toBeUndefined();
    expect(claim('main.bicep', tpl({ resources: [] }))).toBeUndefined();
    // a policy embedding a deployment template: the nested $schema doesn't count
    expect(claim('policy.json', JSON.stringify({ properties: { then: { details: { deployment: { properties: { template: JSON.parse(tpl({ resources: [] })) } } } } } }))).toBeUndefined();
  });
});

describe('parameters', () => {
  it('a parameter without value stays Unknown parameters(name); nullable is null', async () => {
    const out = await loadMem({
      'main.json': tpl({
        parameters: { prefix: { type: 'string' }, opt: { type: 'string', nullable: true } },
        resources: [vnet('v', { properties: { addressSpace: { addressPrefixes: ["[parameters('prefix')]"] }, x: "[parameters('opt')]" } })],
      }),
    });
    const r = find(out, 'Microsoft.Network/virtualNetworks');
    const n = rget(r!.body, 'properties', 'addressSpace', 'addressPrefixes', 0)!;
    expect(n.kind).toBe('unknown');
    expect(n.kind === 'unknown' && n.value.expr).toBe("parameters('prefix')");
    expect(n.kind === 'unknown' && n.value.reason).toBe('parameter without value');
    expect(prop(r, 'properties', 'x')).toBeNull();
  });
  it('pairs a parameter file through the config mapping', async () => {
    const files = {
      'infra/main.json': tpl({ parameters: { name: { type: 'string', defaultValue: 'dflt' } }, resources: [vnet("[parameters('name')]")] }),
      'infra/prod.params.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: { name: { value: 'prod' } } }),
    };
    const out = await loadMem(files, { parameterFiles: new Map([['infra/prod.params.json', 'infra/main.json']]) });
    expect(out.resources.map((r) => r.nameSegments[0])).toEqual(['prod']);
    const dflt = await loadMem(files);
    expect(dflt.resources.map((r) => r.nameSegments[0])).toEqual(['dflt']);
  });
  it('a parameter file alone produces no resources', async () => {
    const out = await loadMem({ 'x.parameters.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#', parameters: { a: { value: 1 } } }) });
    expect(out.resources).toEqual([]);
    expect(out.files).toEqual([{ path: 'x.parameters.json', format: 'arm-parameters', resources: 0, errors: [] }]);
  });
});

describe('resources', () => {
  it('splits top-level child names and qualifies inline child types', async () => {
    const out = await loadMem({
      'main.json': tpl({
        variables: { v: 'vnet1' },
        resources: [
          { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-04-01', name: "[concat(variables('v'), '/s1')]", properties: { addressPrefix: '10.0.0.0/24' } },
          vnet('vnet2', {
            resources: [
              { type: 'subnets', name: 's2', properties: {} },
              { type: 'Microsoft.Network/virtualNetworks/subnets', name: 'vnet2/s3', properties: {} },
            ],
          }),
        ],
      }),
    });
    expect(out.resources.map((r) => `${r.type}|${r.nameSegments.join('/')}`)).toEqual([
      'Microsoft.Network/virtualNetworks/subnets|vnet1/s1',
      'Microsoft.Network/virtualNetworks|vnet2',
      'Microsoft.Network/virtualNetworks/subnets|vnet2/s2',
      'Microsoft.Network/virtualNetworks/subnets|vnet2/s3',
    ]);
  });

  it('keeps a resource with an unknown condition (conditionUnknown), also for its children', async () => {
    const out = await loadMem({
      'main.json': tpl({
        parameters: { flag: { type: 'bool' } },
        resources: [vnet('v', { condition: "[parameters('flag')]", resources: [{ type: 'subnets', name: 's', properties: {} }] })],
      }),
    });
    expect(out.resources).toHaveLength(2);
    for (const r of out.resources) expect(r.conditionUnknown?.expr).toBe("parameters('flag')");
  });

  it('a copy loop with an unknown count gives one resource with an unknown copyIndex', async () => {
    const out = await loadMem({
      'main.json': tpl({
        parameters: { n: { type: 'int' } },
        resources: [vnet("[concat('v', copyIndex())]", { copy: { name: 'loop', count: "[parameters('n')]" } })],
      }),
    });
    expect(out.resources).toHaveLength(1);
    expect(symText(out.resources[0]!.nameSegments[0]!)).toBe("v{copyindex('loop')}");
    expect(out.resources[0]!.conditionUnknown?.expr).toBe("parameters('n')");
  });

  it('copy over an array parameter with copyIndex() and length()', async () => {
    const out = await loadMem({
      'main.json': tpl({
        parameters: { subnets: { type: 'array', defaultValue: [{ name: 'a', prefix: '10.0.0.0/24' }, { name: 'b', prefix: '10.0.1.0/24' }] } },
        resources: [{
          type: 'Microsoft.Network/virtualNetworks/subnets', name: "[concat('v/', parameters('subnets')[copyIndex()].name)]",
          copy: { name: 'subnetLoop', count: "[length(parameters('subnets'))]", mode: 'Serial', batchSize: 1 },
          properties: { addressPrefix: "[parameters('subnets')[copyIndex()].prefix]" },
        }],
      }),
    });
    expect(out.resources.map((r) => [r.nameSegments.join('/'), prop(r, 'properties', 'addressPrefix')])).toEqual([
      ['v/a', '10.0.0.0/24'], ['v/b', '10.0.1.0/24']]);
  });

  it('resource ids built from the same unknown link to the declared subnet', async () => {
    const out = await loadMem({
      'main.json': tpl({
        variables: { base: "[toLower(uniqueString(resourceGroup().id))]" },
        resources: [
          { type: 'Microsoft.Network/virtualNetworks/subnets', name: "[format('{0}-vnet/{1}', variables('base'), 'integration')]", properties: {} },
          { type: 'Microsoft.Web/sites', name: 'app', properties: { virtualNetworkSubnetId: "[resourceId('Microsoft.Network/virtualNetworks/subnets', concat(variables('base'), '-vnet'), 'integration')]" } },
        ],
      }),
    });
    const subnet = find(out, 'Microsoft.Network/virtualNetworks/subnets')!;
    const app = find(out, 'Microsoft.Web/sites')!;
    const id = rget(app.body, 'properties', 'virtualNetworkSubnetId')!;
    expect(id.kind).toBe('unknown');
    expect(idToKey((id as { value: Unknown }).value)).toBe(entityKey(subnet.type, subnet.nameSegments));
  });

  it('languageVersion 2.0: symbolic resources, existing, reference by symbolic name', async () => {
    const out = await loadMem({
      'main.json': tpl({
        languageVersion: '2.0',
        resources: {
          hub: { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name: 'hub', existing: true },
          spoke: vnet('spoke', { properties: { addressSpace: { addressPrefixes: ['10.9.0.0/16'] } } }),
          app: { type: 'Microsoft.Web/sites', apiVersion: '2022-09-01', name: 'app', properties: { prefix: "[reference('spoke').addressSpace.addressPrefixes[0]]", hubGuid: "[reference('hub').resourceGuid]", hubId: "[resourceInfo('hub').id]" } },
        },
      }),
    });
    expect(find(out, 'Microsoft.Network/virtualNetworks', 'hub')?.existing).toBe(true);
    expect(find(out, 'Microsoft.Network/virtualNetworks', 'spoke')?.existing).toBeUndefined();
    const app = find(out, 'Microsoft.Web/sites');
    expect(prop(app, 'properties', 'prefix')).toBe('10.9.0.0/16');
    expect(prop(app, 'properties', 'hubGuid')).toBe("{reference('hub').resourceguid}");
    expect(prop(app, 'properties', 'hubId')).toBe('/subscriptions/{subscription().subscriptionid}/resourceGroups/{resourcegroup().name}/providers/Microsoft.Network/virtualNetworks/hub');
  });

  it('nested inline deployments: inner scope gets passed parameters, outer scope sees the parent', async () => {
    const inner = {
      type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner',
      properties: {
        mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' },
        parameters: { vnetName: { value: "[concat(variables('p'), '-inner')]" } },
        template: JSON.parse(tpl({ parameters: { vnetName: { type: 'string' } }, variables: { p: 'ignored' }, resources: [vnet("[parameters('vnetName')]")] })),
      },
    };
    const outer = {
      type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'outer',
      properties: { mode: 'Incremental', template: JSON.parse(tpl({ resources: [vnet("[concat(variables('p'), '-outer')]")] })) },
    };
    const out = await loadMem({ 'main.json': tpl({ variables: { p: 'net' }, resources: [inner, outer] }) });
    expect(out.resources.map((r) => r.nameSegments.join('/'))).toEqual(['net-inner', 'net-outer']);
    expect(out.resources.every((r) => r.scope === 'main.json')).toBe(true);
    expect(out.files[0]!.resources).toBe(2);
  });

  it('a resource with an unevaluable expression gets an Unknown with a reason, never a throw', async () => {
    const out = await loadMem({
      'main.json': tpl({ resources: [vnet('v', { properties: { a: "[concat('x']", b: "[variables('nope')]", c: "[substring('ab', 5)]" } })] }),
    });
    const r = find(out, 'Microsoft.Network/virtualNetworks')!;
    const a = rget(r.body, 'properties', 'a')!;
    expect(a.kind === 'unknown' && a.value.reason).toMatch(/invalid expression/);
    const b = rget(r.body, 'properties', 'b')!;
    expect(b.kind === 'unknown' && b.value.reason).toBe('undeclared variable');
    expect(rget(r.body, 'properties', 'c')!.kind).toBe('unknown');
  });

  it('variables are lazy and cycle-safe; if() evaluates only the chosen branch', async () => {
    const out = await loadMem({
      'main.json': tpl({
        variables: { a: "[variables('b')]", b: "[variables('a')]", ok: "[if(true, 'yes', variables('a'))]" },
        resources: [vnet("[variables('ok')]", { properties: { loop: "[variables('a')]" } })],
      }),
    });
    const r = out.resources[0]!;
    expect(r.nameSegments).toEqual(['yes']);
    expect(rget(r.body, 'properties', 'loop')!.kind).toBe('unknown');
  });

  it('user-defined functions and lambdas', async () => {
    const out = await loadMem({
      'main.json': tpl({
        functions: [{ namespace: 'net', members: { name: { parameters: [{ name: 'x', type: 'string' }], output: { type: 'string', value: "[concat('vnet-', parameters('x'))]" } } } }],
        variables: { list: [{ n: 'a', p: 1 }, { n: 'b', p: 2 }] },
        resources: [vnet("[net.name('hub')]", {
          properties: {
            names: "[map(variables('list'), lambda('i', lambdaVariables('i').n))]",
            big: "[filter(variables('list'), lambda('i', greater(lambdaVariables('i').p, 1)))]",
            total: "[reduce(variables('list'), 0, lambda('acc', 'i', add(lambdaVariables('acc'), lambdaVariables('i').p)))]",
            obj: "[toObject(variables('list'), lambda('i', lambdaVariables('i').n))]",
          },
        })],
      }),
    });
    const r = out.resources[0]!;
    expect(r.nameSegments).toEqual(['vnet-hub']);
    expect(prop(r, 'properties', 'names')).toEqual(['a', 'b']);
    expect(prop(r, 'properties', 'big')).toEqual([{ n: 'b', p: 2 }]);
    expect(prop(r, 'properties', 'total')).toBe(3);
    expect(prop(r, 'properties', 'obj')).toEqual({ a: { n: 'a', p: 1 }, b: { n: 'b', p: 2 } });
  });

  it('reference() of an undeclared resource and list*() are Unknown', async () => {
    const out = await loadMem({
      'main.json': tpl({ resources: [vnet('v', { properties: { a: "[reference('/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/other').subnets]", k: "[listKeys('x', '2020-01-01').keys[0].value]" } })] }),
    });
    const r = out.resources[0]!;
    expect(prop(r, 'properties', 'a')).toBe("{reference('/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/other').subnets}");
    expect(rget(r.body, 'properties', 'k')!.kind).toBe('unknown');
  });

  it('loads files given as memory without a root restriction', async () => {
    const files = memFiles({ 'a.json': tpl({ resources: [vnet('v')] }) });
    const out = await armLoader.load(files, { files: new Map(files.map((f) => [f.path, f])), roots: [], parameterFiles: new Map(), parseBudgetMs: 2000 });
    expect(out.resources).toHaveLength(1);
  });

  it('property copy inside a variable object, output copy of a nested deployment, and reference Full', async () => {
    const nested = {
      type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'mod',
      properties: {
        mode: 'Incremental', expressionEvaluationOptions: { scope: 'inner' },
        template: JSON.parse(tpl({ resources: [], outputs: { names: { type: 'array', copy: { count: 2, input: "[format('s{0}', copyIndex())]" } } } })),
      },
    };
    const out = await loadMem({
      'main.json': tpl({
        parameters: { n: { type: 'int' } },
        variables: { cfg: { copy: [{ name: 'subnets', count: 2, input: { name: "[concat('sn', copyIndex('subnets'))]" } }], other: 1 } },
        resources: [nested, vnet('v', {
          properties: {
            subnets: "[variables('cfg').subnets]",
            fromModule: "[reference('mod').outputs.names.value]",
            full: "[reference(resourceId('Microsoft.Network/virtualNetworks', 'v'), '2023-04-01', 'Full').id]",
            copy: [{ name: 'rules', count: "[parameters('n')]", input: { x: 1 } }],
          },
        })],
      }),
    });
    const r = find(out, 'Microsoft.Network/virtualNetworks')!;
    expect(prop(r, 'properties', 'subnets')).toEqual([{ name: 'sn0' }, { name: 'sn1' }]);
    expect(prop(r, 'properties', 'fromModule')).toEqual(['s0', 's1']);
    // a reference to itself is circular: it stays unknown instead of looping
    expect(rget(r.body, 'properties', 'full')!.kind).toBe('unknown');
    const rules = rget(r.body, 'properties', 'rules')!;
    expect(rules.kind === 'unknown' && rules.value.expr).toBe("copy('rules',parameters('n'))");
  });

  it('reference(..., Full) of another resource includes its id', async () => {
    const out = await loadMem({
      'main.json': tpl({
        resources: [vnet('v'), { type: 'Microsoft.Web/sites', name: 'app', properties: { vnetId: "[reference(resourceId('Microsoft.Network/virtualNetworks', 'v'), '2023-04-01', 'Full').id]", loc: "[reference('v', '2023-04-01', 'Full').properties.addressSpace.addressPrefixes[0]]" } }],
      }),
    });
    const app = find(out, 'Microsoft.Web/sites');
    expect(prop(app, 'properties', 'vnetId')).toBe('/subscriptions/{subscription().subscriptionid}/resourceGroups/{resourcegroup().name}/providers/Microsoft.Network/virtualNetworks/v');
    expect(prop(app, 'properties', 'loc')).toBe('10.0.0.0/16');
  });

  it('follows the _artifactsLocation pattern (uri(deployment().properties.templateLink.uri, path)) to a local file, quietly', async () => {
    const link = (file: string) => ({
      type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: file,
      properties: {
        mode: 'Incremental',
        templateLink: { uri: `[uri(parameters('_artifactsLocation'), concat('nested/${file}', parameters('_artifactsLocationSasToken')))]` },
        parameters: { name: { value: 'from-main' } },
      },
    });
    const out = await loadMem({
      'infra/main.json': tpl({
        parameters: {
          _artifactsLocation: { type: 'string', defaultValue: '[deployment().properties.templateLink.uri]' },
          _artifactsLocationSasToken: { type: 'securestring', defaultValue: '' },
        },
        resources: [link('vnet.json'), link('absent.json')],
      }),
      'infra/nested/vnet.json': tpl({ parameters: { name: { type: 'string' } }, resources: [vnet("[parameters('name')]")] }),
    });
    expect(out.resources.filter((r) => r.scope === 'infra/main.json').map((r) => [r.nameSegments[0], r.range.file])).toEqual([['from-main', 'infra/nested/vnet.json']]);
    expect(out.findings).toEqual([]);
  });
});
