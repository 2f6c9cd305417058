import { buildModel } from '../../src/model/build.js';
import { valueOf } from '../../src/model/value.js';
import { lineOf, resourcesFromJson } from './helpers/resources.js';

const ID = '/subscriptions/s/resourceGroups/rg/providers';

describe('buildModel: NSGs and security rules', () => {
  const text = `[
  {
    "type": "Microsoft.Network/networkSecurityGroups/securityRules",
    "name": "nsg1/child-before",
    "properties": { "priority": 300, "direction": "Outbound", "access": "Deny", "protocol": "*",
      "sourcePortRange": "*", "destinationPortRange": "*", "sourceAddressPrefix": "*", "destinationAddressPrefix": "Internet" }
  },
  {
    "type": "Microsoft.Network/networkSecurityGroups",
    "name": "nsg1",
    "location": "westus",
    "properties": {
      "securityRules": [
        {
          "name": "mgmt",
          "properties": {
            "priority": "100",
            "direction": "Inbound",
            "access": "Allow",
            "protocol": "Tcp",
            "sourcePortRange": "*",
            "destinationPortRange": "454",
            "destinationPortRanges": ["455", "6379-6383"],
            "sourceAddressPrefix": "",
            "sourceAddressPrefixes": ["AppServiceManagement", "10.1.0.0/16"],
            "destinationAddressPrefix": "VirtualNetwork",
            "sourceApplicationSecurityGroups": [ { "id": "${ID}/Microsoft.Network/applicationSecurityGroups/asg1" } ]
          }
        },
        { "name": "replaced", "properties": { "priority": 200, "direction": "Inbound", "access": "Allow" } },
        { "name": "third", "properties": { "priority": 210, "direction": "Inbound", "access": "Deny", "destinationPortRanges": "[parameters('ports')]" } }
      ]
    }
  },
  {
    "type": "Microsoft.Network/networkSecurityGroups/securityRules",
    "name": "nsg1/replaced",
    "properties": { "priority": 250, "direction": "Inbound", "access": "Deny" }
  }
]`;
  const model = buildModel(resourcesFromJson(text), []);
  const nsg = model.all('nsg')[0]!;

  it('keeps rules in declaration order: inline, then child resources; a child replaces its inline twin', () => {
    expect(nsg.securityRules.map((r) => valueOf(r.name))).toEqual(['mgmt', 'replaced', 'third', 'child-before']);
    const replaced = nsg.securityRules[1]!;
    expect(valueOf(replaced.priority)).toBe(250);
    expect(replaced.range.line).toBe(lineOf(text, '"name": "nsg1/replaced"') - 2);
    expect(model.all('securityRule')).toHaveLength(4);
    expect(nsg.securityRules.every((r) => r.nsg === nsg.key)).toBe(true);
  });

  it('maps every rule field, singular and plural merged', () => {
    const r = nsg.securityRules[0]!;
    expect(r.key).toBe('microsoft.network/networksecuritygroups/securityrules|nsg1/mgmt');
    expect(r.display).toBe('Microsoft.Network/networkSecurityGroups/securityRules/mgmt');
    expect(valueOf(r.priority)).toBe(100);
    expect(r.priority!.range.line).toBe(lineOf(text, '"priority": "100"'));
    expect(valueOf(r.direction)).toBe('Inbound');
    expect(valueOf(r.access)).toBe('Allow');
    expect(valueOf(r.protocol)).toBe('Tcp');
    expect(r.sourcePortRanges.items.map(valueOf)).toEqual(['*']);
    expect(r.destinationPortRanges.items.map(valueOf)).toEqual(['454', '455', '6379-6383']);
    expect(r.destinationPortRanges.items[2]!.range.line).toBe(lineOf(text, '"6379-6383"'));
    expect(r.sourceAddressPrefixes.items.map(valueOf)).toEqual(['AppServiceManagement', '10.1.0.0/16']);
    expect(r.destinationAddressPrefixes.items.map(valueOf)).toEqual(['VirtualNetwork']);
    expect(r.sourceApplicationSecurityGroups.items.map(valueOf)).toEqual(['microsoft.network/applicationsecuritygroups|asg1']);
    expect(r.destinationApplicationSecurityGroups.items).toEqual([]);
    expect(nsg.securityRules[2]!.destinationPortRanges.unknown?.unknown.expr).toBe("parameters('ports')");
  });
});

describe('buildModel: route tables, gateways, connections', () => {
  const text = `[
  { "type": "Microsoft.Network/routeTables", "name": "rt1",
    "properties": { "disableBgpRoutePropagation": true,
      "routes": [ { "name": "default", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "VirtualAppliance", "nextHopIpAddress": "10.0.0.4" } } ] } },
  { "type": "Microsoft.Network/routeTables/routes", "name": "rt1/mgmt", "properties": { "addressPrefix": "65.52.0.0/14", "nextHopType": "Internet" } },
  { "type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": { "subnets": [ { "name": "GatewaySubnet", "properties": { "addressPrefix": "10.0.255.0/27" } } ] } },
  { "type": "Microsoft.Network/virtualNetworkGateways", "name": "gw",
    "properties": { "gatewayType": "Vpn", "ipConfigurations": [ { "name": "c", "properties": { "subnet": { "id": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet" } } } ] } },
  { "type": "Microsoft.Network/connections", "name": "er", "properties": { "connectionType": "ExpressRoute", "virtualNetworkGateway1": { "id": "${ID}/Microsoft.Network/virtualNetworkGateways/gw" } } }
]`;
  const model = buildModel(resourcesFromJson(text), []);

  it('maps routes inline and as child resources', () => {
    const rt = model.all('routeTable')[0]!;
    expect(valueOf(rt.disableBgpRoutePropagation)).toBe(true);
    expect(rt.routes.map((r) => [valueOf(r.addressPrefix), valueOf(r.nextHopType), valueOf(r.nextHopIpAddress)])).toEqual([
      ['0.0.0.0/0', 'VirtualAppliance', '10.0.0.4'],
      ['65.52.0.0/14', 'Internet', undefined],
    ]);
    expect(rt.routes[1]!.routeTable).toBe(rt.key);
  });

  it('finds ExpressRoute through a connection on the gateway of the VNet', () => {
    const gw = model.all('vnetGateway')[0]!;
    expect(valueOf(gw.gatewayType)).toBe('Vpn');
    expect(gw.subnets.map(valueOf)).toEqual(['microsoft.network/virtualnetworks/subnets|v/gatewaysubnet']);
    const c = model.all('connection')[0]!;
    expect(valueOf(c.connectionType)).toBe('ExpressRoute');
    expect(valueOf(c.gateway)).toBe(gw.key);
    expect(model.expressRoute(model.all('vnet')[0]!)).toBe('yes');
  });

  it('a VPN gateway alone is not ExpressRoute', () => {
    const m = buildModel(resourcesFromJson(text).slice(0, 4), []);
    expect(m.expressRoute(m.all('vnet')[0]!)).toBe('no');
  });
});
