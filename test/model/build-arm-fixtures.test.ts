import { readFileSync } from 'node:fs';
import { entityKey } from '../../src/model/keys.js';
import type { NetworkModel } from '../../src/model/model.js';
import { valueOf } from '../../src/model/value.js';
import { modelOfArmFixture } from './helpers/arm.js';
import { lineOf } from './helpers/resources.js';

const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const DIR = 'test/fixtures/model';

describe('ARM templates → model: app integration', () => {
  const file = `${DIR}/app-integration/azuredeploy.json`;
  const text = readFileSync(file, 'utf8');
  let model: NetworkModel;
  beforeAll(async () => {
    const r = await modelOfArmFixture(`${DIR}/app-integration`);
    expect(r.loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    model = r.model;
  });

  it('links the uniqueString-named VNet to its subnets and to the app integrated in it', () => {
    const vnet = model.all('vnet')[0]!;
    expect(vnet.name.known).toBe(false);
    const subnets = model.subnetsOf(vnet);
    expect(subnets.map((s) => valueOf(s.name))).toEqual(['apps', 'endpoints', 'functions']);
    const apps = subnets[0]!;
    expect(apps.addressPrefixes.items.map(valueOf)).toEqual(['10.10.1.0/26']);
    expect(apps.delegations.items.map(valueOf)).toEqual(['Microsoft.Web/serverFarms']);
    expect(subnets[1]!.delegations.items).toEqual([]);
    expect(model.nsgOf(apps)).toBe(model.all('nsg')[0]);
    const app = model.all('app').find((a) => a.name.known === false)!;
    expect(app.integrations.map(valueOf)).toEqual([apps.key]);
    expect(app.integrations[0]!.range.file).toBe(file);
    expect(app.integrations[0]!.range.line).toBe(lineOf(text, '"virtualNetworkSubnetId"'));
    expect(valueOf(app.routeAll)).toBe(true);
    expect(model.subnetUsers(apps)).toEqual([app]);
  });

  it('reads a child subnet with addressPrefixes and a networkConfig child of a site', () => {
    const fn = model.all('subnet').find((s) => valueOf(s.name) === 'functions')!;
    expect(fn.prefixProperty).toBe('addressPrefixes');
    const func = model.all('app').find((a) => valueOf(a.name) === 'func-app')!;
    expect(func.integrations.map(valueOf)).toEqual([fn.key]);
    expect(valueOf(func.contentShare)).toBe(true);
    expect(valueOf(model.resolve('plan', func.plan, func)?.skuCapacity)).toBe(2);
  });

  it('merges inline and child security rules', () => {
    const nsg = model.all('nsg')[0]!;
    expect(nsg.securityRules.map((r) => valueOf(r.name))).toEqual(['allow-storage-out', 'deny-internet-out']);
    expect(nsg.securityRules[0]!.destinationPortRanges.items.map(valueOf)).toEqual(['443', '445']);
    expect(valueOf(nsg.securityRules[1]!.priority)).toBe(4000);
    expect(nsg.securityRules[1]!.range.line).toBe(lineOf(text, '"type": "securityRules"') - 1);
  });

  it('maps autoscale to the plan', () => {
    const a = model.all('autoscale')[0]!;
    expect(valueOf(a.maxCapacity)).toBe(10);
    expect(model.resolve('plan', a.target, a)).toBe(model.all('plan')[0]);
  });

  it('does not take access restrictions or Service Bus VNet rules for users of a subnet; the private endpoint occupies it', () => {
    const endpoints = model.all('subnet').find((s) => valueOf(s.name) === 'endpoints')!;
    const users = model.subnetUsers(endpoints);
    expect(users.map((u) => u.display)).toEqual(['Microsoft.Network/privateEndpoints/bus-pe']);
    expect(users[0]!.range.line).toBe(lineOf(text, '"id"', text.indexOf('"bus-pe"')));
  });
});

describe('ARM templates → model: environments', () => {
  const file = `${DIR}/environments/azuredeploy.json`;
  const text = readFileSync(file, 'utf8');
  let model: NetworkModel;
  beforeAll(async () => {
    model = (await modelOfArmFixture(`${DIR}/environments`)).model;
  });

  it('links child subnets declared in the VNet and in a copy loop', () => {
    const vnet = model.all('vnet')[0]!;
    expect(model.subnetsOf(vnet).map((s) => valueOf(s.name))).toEqual(['ase-v2-subnet', 'ase3', 'extra', 'ise-1', 'ise-2', 'ise-3', 'ise-4']);
    const ise4 = model.get('subnet', entityKey(SUBNET, ['env-vnet', 'ise-4']))!;
    expect(valueOf(ise4.addressPrefixes.items[0])).toBe('10.20.2.96/27');
    const extra = model.get('subnet', entityKey(SUBNET, ['env-vnet', 'extra']))!;
    expect(extra.conditional).toBe(true);
  });

  it('builds the ASEv2 subnet key from the VNet id and the subnet name (parameter file value)', () => {
    const ase = model.all('ase').find((a) => valueOf(a.name) === 'ase-v2')!;
    expect(valueOf(ase.subnet)).toBe(entityKey(SUBNET, ['env-vnet', 'ase-v2-subnet']));
    // The subnet name comes whole from the parameter file: the reference points where it is written.
    expect(ase.subnet!.range.file).toMatch(/azuredeploy\.parameters\.json$/);
    expect(ase.subnet!.range.line).toBe(5);
    expect(valueOf(ase.internalLoadBalancingMode)).toBe('Web, Publishing');
    expect(model.get('subnet', valueOf(ase.subnet))).toBeDefined();
  });

  it('reads the ASEv3 subnet id; an unresolvable one stays unknown', () => {
    const v3 = model.all('ase').find((a) => valueOf(a.name) === 'ase-v3')!;
    expect(valueOf(v3.subnet)).toBe(entityKey(SUBNET, ['env-vnet', 'ase3']));
    expect(valueOf(v3.internalLoadBalancingMode)).toBe('None');
    const other = model.all('ase').find((a) => valueOf(a.name) === 'ase-elsewhere')!;
    expect(other.subnet?.known).toBe(false);
  });

  it('maps the ISE with its four subnets and the logic app on it', () => {
    const ise = model.all('ise')[0]!;
    expect(valueOf(ise.accessEndpoint)).toBe('External');
    expect(ise.subnets.items.map(valueOf)).toEqual([1, 2, 3, 4].map((i) => entityKey(SUBNET, ['env-vnet', `ise-${i}`])));
    expect(valueOf(model.all('logicApp')[0]!.ise)).toBe(ise.key);
  });
});
