import { entityKey, idToKey } from '../../../src/model/keys.js';
import { rget } from '../../../src/model/resolved-resource.js';
import { Unknown } from '../../../src/model/symbolic.js';
import type { LoaderOutput } from '../../../src/sources/types.js';
import { find, loadFixture, prop } from './helpers.js';

const FILE = 'azuredeploy.json';
const PREFIX = '{uniquestring(resourcegroup().id)}';

describe('ARM loader on the network fixture', () => {
  let out: LoaderOutput;
  beforeAll(async () => {
    out = await loadFixture('network');
  });

  it('reports the template and both parameter files, and skips package.json', () => {
    const byPath = Object.fromEntries(out.files.map((f) => [f.path, f]));
    expect(byPath[FILE]).toMatchObject({ format: 'arm', errors: [] });
    expect(byPath['azuredeploy.parameters.json']).toMatchObject({ format: 'arm-parameters', resources: 0, errors: [] });
    expect(byPath['azuredeploy.parameters.dev.json']).toMatchObject({ format: 'arm-parameters', resources: 0 });
    expect(byPath['package.json']).toBeUndefined();
    expect(out.findings).toEqual([]);
    expect(byPath[FILE]!.resources).toBe(out.resources.length);
  });

  it('names the VNet from uniqueString(resourceGroup().id) and keeps the known suffix', () => {
    const vnet = find(out, 'Microsoft.Network/virtualNetworks', `${PREFIX}-vnet`);
    expect(vnet).toBeDefined();
    expect(vnet!.nameSegments[0]).toBeInstanceOf(Unknown);
    expect(vnet!.scope).toBe(FILE);
    expect(vnet!.format).toBe('arm');
    expect(prop(vnet, 'location')).toBe('{resourcegroup().location}');
  });

  it('uses the paired parameter file (x.parameters.json) over defaults, not the .dev one', () => {
    const vnet = find(out, 'Microsoft.Network/virtualNetworks');
    expect(prop(vnet, 'properties', 'addressSpace', 'addressPrefixes')).toEqual(['10.20.0.0/16']);
  });

  it('gives exact ranges: a literal addressPrefix and an expression addressPrefix', () => {
    const vnet = find(out, 'Microsoft.Network/virtualNetworks')!;
    const literal = rget(vnet.body, 'properties', 'subnets', 0, 'properties', 'addressPrefix')!;
    expect(literal).toMatchObject({ kind: 'scalar', value: '10.0.1.0/26' });
    expect(literal.range).toMatchObject({ file: FILE, line: 39, column: 32, endLine: 39, endColumn: 45 });
    const data = find(out, 'Microsoft.Network/virtualNetworks/subnets', `${PREFIX}-vnet/data`)!;
    const expr = rget(data.body, 'properties', 'addressPrefix')!;
    expect(expr).toMatchObject({ kind: 'scalar', value: '10.20.3.0/24' });
    expect(expr.range.line).toBe(63);
    expect(data.nameRange.line).toBe(60);
    // property names are matched case-insensitively
    expect(rget(data.body, 'PROPERTIES', 'AddressPrefix')).toBe(expr);
  });

  it('builds inline child resources with the parent type and name', () => {
    const child = find(out, 'Microsoft.Network/virtualNetworks/subnets', `${PREFIX}-vnet/inline-child`);
    expect(child).toBeDefined();
    expect(prop(child, 'properties', 'addressPrefix')).toBe('10.0.2.0/24');
    expect(child!.range.line).toBe(48);
  });

  it('expands resource copy loops with copyIndex(offset) and property copy loops', () => {
    const nsgs = out.resources.filter((r) => r.type === 'Microsoft.Network/networkSecurityGroups');
    expect(nsgs.map((n) => n.nameSegments.join('/'))).toEqual(['nsg-1', 'nsg-2']);
    expect(prop(nsgs[1], 'properties', 'securityRules')).toEqual([
      { name: 'rule-0-of-1', properties: { priority: 100, access: 'Allow' } },
      { name: 'rule-1-of-1', properties: { priority: 101, access: 'Allow' } },
    ]);
    expect(rget(nsgs[0]!.body, 'copy')).toBeUndefined();
  });

  it('omits condition:false resources and keeps condition:true ones', () => {
    expect(find(out, 'Microsoft.Network/networkSecurityGroups', 'nsg-never')).toBeUndefined();
    expect(find(out, 'Microsoft.Network/virtualNetworks/subnets', `${PREFIX}-vnet/data`)!.conditionUnknown).toBeUndefined();
  });

  it('links the app subnet id to the subnet key although both names are unknown', () => {
    const app = find(out, 'Microsoft.Web/sites')!;
    const id = rget(app.body, 'properties', 'virtualNetworkSubnetId')!;
    expect(id.kind).toBe('unknown');
    const vnet = find(out, 'Microsoft.Network/virtualNetworks')!;
    const subnetKey = entityKey('Microsoft.Network/virtualNetworks/subnets', [vnet.nameSegments[0]!, 'apps']);
    expect(idToKey((id as { value: Unknown }).value)).toBe(subnetKey);
  });

  it('answers reference() from declared properties; runtime properties stay unknown', () => {
    const app = find(out, 'Microsoft.Web/sites')!;
    expect(prop(app, 'properties', 'firstSubnetId')).toBe('apps');
    const guid = prop(app, 'properties', 'vnetGuid') as string;
    expect(guid).toMatch(/^\{reference\(.*virtualNetworks.*\)\.resourceguid\}$/);
  });

  it('evaluates copy variables, equals of unknowns, escapes and Key Vault parameters', () => {
    const app = find(out, 'Microsoft.Web/sites')!;
    expect(prop(app, 'properties', 'extraPrefixes')).toEqual([
      { name: 'extra-0', properties: { addressPrefix: '10.20.10.0/24' } },
      { name: 'extra-1', properties: { addressPrefix: '10.20.11.0/24' } },
    ]);
    expect(prop(app, 'properties', 'sameLocation')).toBe(true);
    expect(prop(app, 'properties', 'escaped')).toBe('[not an expression]');
    expect(prop(app, 'properties', 'password')).toBe("{parameters('adminPassword')}");
    // an object produced by one expression: every node has that expression's range
    const extra = rget(app.body, 'properties', 'extraPrefixes', 1, 'properties', 'addressPrefix')!;
    expect(extra.range.line).toBe(rget(app.body, 'properties', 'extraPrefixes')!.range.line);
  });
});
