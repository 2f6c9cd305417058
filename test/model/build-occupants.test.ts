import { buildModel } from '../../src/model/build.js';
import { entityKey } from '../../src/model/keys.js';
import { valueOf } from '../../src/model/value.js';
import { lineOf, resourcesFromJson } from './helpers/resources.js';

const ID = '/subscriptions/s/resourceGroups/rg/providers';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const sid = (s: string) => `${ID}/Microsoft.Network/virtualNetworks/v/subnets/${s}`;
const skey = (s: string) => entityKey(SUBNET, ['v', s]);

describe('buildModel: subnet occupants', () => {
  const text = `[
  { "type": "Microsoft.Network/networkInterfaces", "name": "nic",
    "properties": { "ipConfigurations": [ { "name": "a", "properties": { "subnet": { "id": "${sid('vms')}" } } }, { "name": "b", "properties": { "subnet": { "id": "${sid('vms')}" } } } ] } },
  { "type": "Microsoft.Network/privateEndpoints", "name": "pe", "properties": { "subnet": { "id": "${sid('pe')}" } } },
  { "type": "Microsoft.Network/applicationGateways", "name": "agw", "properties": {
      "gatewayIPConfigurations": [ { "name": "g", "properties": { "subnet": { "id": "${sid('agw')}" } } } ],
      "frontendIPConfigurations": [ { "name": "f", "properties": { "subnet": { "id": "${sid('agw')}" } } } ] } },
  { "type": "Microsoft.ContainerInstance/containerGroups", "name": "aci", "properties": { "subnetIds": [ { "id": "${sid('aci')}" } ] } },
  { "type": "Microsoft.ContainerService/managedClusters", "name": "aks", "properties": { "agentPoolProfiles": [ { "name": "sys", "vnetSubnetID": "${sid('aks')}", "podSubnetID": "${sid('pods')}" } ] } },
  { "type": "Microsoft.Sql/managedInstances", "name": "mi", "properties": { "subnetId": "${sid('mi')}" } },
  { "type": "Microsoft.ApiManagement/service", "name": "apim", "properties": { "virtualNetworkConfiguration": { "subnetResourceId": "${sid('apim')}" } } },
  { "type": "Microsoft.App/managedEnvironments", "name": "cae", "properties": { "vnetConfiguration": { "infrastructureSubnetId": "[parameters('subnetId')]" } } },
  { "type": "Microsoft.Network/azureFirewalls", "name": "fw", "properties": { "ipConfigurations": [ { "name": "c", "properties": { "subnet": { "id": "${sid('AzureFirewallSubnet')}" }, "publicIPAddress": { "id": "${ID}/Microsoft.Network/publicIPAddresses/pip" } } } ] } },
  { "type": "Microsoft.Databricks/workspaces", "name": "dbw", "properties": { "parameters": {
      "customVirtualNetworkId": { "value": "${ID}/Microsoft.Network/virtualNetworks/v" },
      "customPublicSubnetName": { "value": "public" }, "customPrivateSubnetName": { "value": "private" } } } },
  { "type": "Microsoft.ServiceBus/namespaces/virtualnetworkrules", "name": "sb/rule", "properties": { "virtualNetworkSubnetId": "${sid('sb')}" } },
  { "type": "Microsoft.Sql/servers", "name": "sql", "properties": { "virtualNetworkRules": [ { "properties": { "virtualNetworkSubnetId": "${sid('sql')}" } } ] } },
  { "type": "Microsoft.Storage/storageAccounts", "name": "st", "properties": { "networkAcls": { "virtualNetworkRules": [ { "id": "${sid('st')}" } ] } } },
  { "type": "Microsoft.Network/privateEndpoints", "name": "old", "existing": true },
  { "type": "Microsoft.Resources/deployments", "name": "nested", "properties": { "template": { "resources": [ { "properties": { "subnet": { "id": "${sid('nested')}" } } } ] } } }
]`;
  const m = buildModel(resourcesFromJson(text), []);
  const occ = m.all('occupant');
  const of = (name: string) => occ.filter((o) => valueOf(o.name) === name).map((o) => valueOf(o.subnet) ?? '?');

  it('finds one occupant per resource and subnet', () => {
    expect(of('nic')).toEqual([skey('vms')]);
    expect(of('pe')).toEqual([skey('pe')]);
    expect(of('agw')).toEqual([skey('agw')]);
    expect(of('aci')).toEqual([skey('aci')]);
    expect(of('aks')).toEqual([skey('aks'), skey('pods')]);
    expect(of('mi')).toEqual([skey('mi')]);
    expect(of('apim')).toEqual([skey('apim')]);
    expect(of('fw')).toEqual([skey('azurefirewallsubnet')]);
    expect(of('dbw')).toEqual([skey('public'), skey('private')]);
  });

  it('keeps an unresolved subnet reference unknown', () => {
    const [cae] = occ.filter((o) => valueOf(o.name) === 'cae');
    expect(cae!.subnet.known).toBe(false);
  });

  it('points at the subnet reference and names the resource', () => {
    const pe = occ.find((o) => valueOf(o.name) === 'pe')!;
    expect(pe.range.line).toBe(lineOf(text, `"subnet": { "id": "${sid('pe')}"`));
    expect(pe.subnet.range).toEqual(pe.range);
    expect(pe.display).toBe('Microsoft.Network/privateEndpoints/pe');
    expect(pe.key).toBe('microsoft.network/privateendpoints|pe');
    expect(valueOf(pe.subnet)).toBe(skey('pe'));
  });

  it('does not take VNet rules, network ACLs, existing resources or nested deployments for occupants', () => {
    for (const n of ['rule', 'sql', 'st', 'old', 'nested']) expect(of(n)).toEqual([]);
    expect(occ).toHaveLength(12);
  });
});
