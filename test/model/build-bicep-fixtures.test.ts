import { readFileSync } from 'node:fs';
import { entityKey } from '../../src/model/keys.js';
import type { NetworkModel } from '../../src/model/model.js';
import { valueOf } from '../../src/model/value.js';
import { modelOfBicepFixture } from './helpers/arm.js';
import { lineOf } from './helpers/resources.js';

const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';

describe('Bicep template → model', () => {
  const file = 'test/fixtures/model/bicep/main.bicep';
  const text = readFileSync(file, 'utf8');
  let model: NetworkModel;
  beforeAll(async () => {
    const r = await modelOfBicepFixture('test/fixtures/model/bicep');
    expect(r.loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    model = r.model;
  });

  it('links a nested child subnet to its uniqueString-named VNet and to the app integrated in it', () => {
    const vnet = model.all('vnet').find((v) => !v.existing)!;
    const [subnet] = model.subnetsOf(vnet);
    expect(valueOf(subnet!.name)).toBe('integration');
    expect(subnet!.format).toBe('bicep');
    expect(subnet!.range.file).toBe(file);
    expect(valueOf(subnet!.addressPrefixes.items[0])).toBe('10.30.1.0/26');
    expect(subnet!.addressPrefixes.items[0]!.range.line).toBe(lineOf(text, "addressPrefix: '10.30.1.0/26'"));
    expect(model.nsgOf(subnet!)?.securityRules.map((r) => valueOf(r.name))).toEqual(['allow-https-out']);
    const app = model.all('app')[0]!;
    expect(app.integrations.map(valueOf)).toEqual([subnet!.key]);
    expect(app.integrations[0]!.range.line).toBe(lineOf(text, 'virtualNetworkSubnetId'));
    expect(valueOf(app.routeAll)).toBe(true);
    expect(valueOf(model.resolve('plan', app.plan, app)?.skuCapacity)).toBe(3);
  });

  it('adds a subnet declared with parent: to an existing VNet', () => {
    const hub = model.all('vnet').find((v) => v.existing)!;
    expect(hub.subnets).toEqual([entityKey(SUBNET, ['hub-vnet', 'shared'])]);
    expect(hub.addressPrefixes.unknown).toBeDefined();
  });
});
