import { buildModel } from '../../src/model/build.js';
import { entityKey } from '../../src/model/keys.js';
import { valueOf } from '../../src/model/value.js';
import { lineOf, resourcesFromJson } from './helpers/resources.js';

const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';

describe('buildModel: virtual networks and subnets', () => {
  const text = `[
  {
    "type": "Microsoft.Network/virtualNetworks",
    "name": "vnet1",
    "location": "westeurope",
    "properties": {
      "addressSpace": { "addressPrefixes": ["10.0.0.0/16", "fd00::/48"] },
      "dhcpOptions": { "dnsServers": ["10.0.0.4"] },
      "subnets": [
        {
          "name": "ise-1",
          "properties": {
            "addressPrefix": "10.0.1.0/27",
            "delegations": [ { "name": "d", "properties": { "serviceName": "Microsoft.Logic/integrationServiceEnvironments" } } ],
            "networkSecurityGroup": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg1" },
            "routeTable": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt1" },
            "serviceEndpoints": [ { "service": "Microsoft.Storage" }, { "service": "Microsoft.Sql" } ],
            "serviceEndpointPolicies": [ { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/serviceEndpointPolicies/p1" } ],
            "natGateway": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/natGateways/nat1" }
          }
        },
        { "name": "multi", "properties": { "addressPrefixes": ["10.0.2.0/24", "[parameters('extra')]"] } },
        { "name": "dup", "properties": { "addressPrefix": "10.0.3.0/24" } }
      ],
      "virtualNetworkPeerings": [
        { "name": "to-hub", "properties": { "remoteVirtualNetwork": { "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub" } } }
      ]
    }
  },
  {
    "type": "Microsoft.Network/virtualNetworks/subnets",
    "name": "vnet1/dup",
    "properties": { "addressPrefix": "10.0.4.0/24" }
  },
  {
    "type": "Microsoft.Network/virtualNetworks/subnets",
    "name": "vnet1/child",
    "properties": { "addressPrefix": "[parameters('childPrefix')]" }
  }
]`;
  const model = buildModel(resourcesFromJson(text), []);
  const vnet = model.all('vnet')[0]!;

  it('maps the VNet', () => {
    expect(model.all('vnet')).toHaveLength(1);
    expect(vnet.key).toBe('microsoft.network/virtualnetworks|vnet1');
    expect(vnet.display).toBe('Microsoft.Network/virtualNetworks/vnet1');
    expect(valueOf(vnet.location)).toBe('westeurope');
    expect(vnet.addressPrefixes.items.map(valueOf)).toEqual(['10.0.0.0/16', 'fd00::/48']);
    expect(vnet.addressPrefixes.items[1]!.range.line).toBe(lineOf(text, '"fd00::/48"'));
    expect(vnet.dnsServers.items.map(valueOf)).toEqual(['10.0.0.4']);
    expect(vnet.range.line).toBe(2);
    expect(vnet.format).toBe('arm');
    expect(vnet.scope).toBe('main.json');
  });

  it('maps inline subnets with every property, keyed under the VNet', () => {
    const s = model.get('subnet', entityKey(SUBNET, ['vnet1', 'ise-1']))!;
    expect(s).toBeDefined();
    expect(s.display).toBe('Microsoft.Network/virtualNetworks/subnets/ise-1');
    expect(valueOf(s.name)).toBe('ise-1');
    expect(s.range.line).toBe(lineOf(text, '"name": "ise-1"') - 1);
    expect(s.vnet).toBe(vnet.key);
    expect(s.prefixProperty).toBe('addressPrefix');
    expect(s.addressPrefixes.items.map(valueOf)).toEqual(['10.0.1.0/27']);
    expect(s.addressPrefixes.items[0]!.range.line).toBe(lineOf(text, '"10.0.1.0/27"'));
    expect(s.delegations.items.map(valueOf)).toEqual(['Microsoft.Logic/integrationServiceEnvironments']);
    expect(valueOf(s.nsg)).toBe('microsoft.network/networksecuritygroups|nsg1');
    expect(valueOf(s.routeTable)).toBe('microsoft.network/routetables|rt1');
    expect(s.serviceEndpoints.items.map(valueOf)).toEqual(['Microsoft.Storage', 'Microsoft.Sql']);
    expect(s.serviceEndpointPolicies.items.map(valueOf)).toEqual(['microsoft.network/serviceendpointpolicies|p1']);
    expect(valueOf(s.natGateway)).toBe('microsoft.network/natgateways|nat1');
    expect(model.vnetOf(s)).toBe(vnet);
  });

  it('keeps addressPrefixes items one by one, an unknown item unknown', () => {
    const s = model.get('subnet', entityKey(SUBNET, ['vnet1', 'multi']))!;
    expect(s.prefixProperty).toBe('addressPrefixes');
    expect(s.addressPrefixes.items).toHaveLength(2);
    expect(valueOf(s.addressPrefixes.items[0])).toBe('10.0.2.0/24');
    expect(s.addressPrefixes.items[1]!.known).toBe(false);
  });

  it('keeps one entity when a subnet is declared inline and as a child resource: the child', () => {
    const dups = model.all('subnet').filter((s) => s.key === entityKey(SUBNET, ['vnet1', 'dup']));
    expect(dups).toHaveLength(1);
    expect(valueOf(dups[0]!.addressPrefixes.items[0])).toBe('10.0.4.0/24');
    expect(dups[0]!.range.line).toBe(lineOf(text, '"name": "vnet1/dup"') - 2);
  });

  it('links child subnet resources to their VNet', () => {
    expect(vnet.subnets).toEqual([
      entityKey(SUBNET, ['vnet1', 'ise-1']),
      entityKey(SUBNET, ['vnet1', 'multi']),
      entityKey(SUBNET, ['vnet1', 'dup']),
      entityKey(SUBNET, ['vnet1', 'child']),
    ]);
    expect(model.subnetsOf(vnet).map((s) => valueOf(s.name))).toEqual(['ise-1', 'multi', 'dup', 'child']);
    const child = model.get('subnet', entityKey(SUBNET, ['vnet1', 'child']))!;
    expect(child.addressPrefixes.items[0]!.known).toBe(false);
  });

  it('maps inline peerings', () => {
    const [p] = model.all('peering');
    expect(p!.vnet).toBe(vnet.key);
    expect(valueOf(p!.remoteVnet)).toBe('microsoft.network/virtualnetworks|hub');
    expect(p!.key).toBe('microsoft.network/virtualnetworks/virtualnetworkpeerings|vnet1/to-hub');
  });
});

describe('buildModel: unknown and odd network shapes', () => {
  it('marks a VNet whose subnets are an unresolved expression', () => {
    const m = buildModel(
      resourcesFromJson(`[{ "type": "Microsoft.Network/virtualNetworks", "name": "v", "properties": { "addressSpace": { "addressPrefixes": "[parameters('p')]" }, "subnets": "[parameters('subnets')]" } }]`),
      [],
    );
    const v = m.all('vnet')[0]!;
    expect(v.subnetsUnknown?.unknown.expr).toBe("parameters('subnets')");
    expect(v.addressPrefixes.unknown?.unknown.expr).toBe("parameters('p')");
    expect(v.subnets).toEqual([]);
  });

  it('turns wrong types into unknown values and never throws', () => {
    const text = `[
      { "type": "Microsoft.Network/virtualNetworks", "name": "v", "location": 5, "properties": { "addressSpace": "nope", "subnets": [ 7, { "name": "s", "properties": { "addressPrefix": { "a": 1 }, "networkSecurityGroup": "not-an-id", "delegations": "x", "routeTable": { "id": 3 } } } ] } },
      { "type": "Microsoft.Network/virtualNetworks", "name": "w", "properties": [] },
      { "type": "Microsoft.Network/networkSecurityGroups", "name": "n", "properties": { "securityRules": [ null, "x", { "properties": "y" } ] } },
      { "type": "Microsoft.Web/sites", "name": "a", "properties": { "siteConfig": 3, "virtualNetworkSubnetId": true } },
      { "type": "Microsoft.Web/hostingEnvironments", "name": "e", "properties": { "virtualNetwork": "x", "internalLoadBalancingMode": 9 } },
      { "type": "Microsoft.Insights/autoscalesettings", "name": "as", "properties": { "profiles": [ { "capacity": "x" } ] } },
      { "type": "Microsoft.Network/networkInterfaces", "name": "nic", "properties": { "ipConfigurations": { "subnet": 1 } } },
      { "type": "Whatever", "name": "x", "properties": null }
    ]`;
    const res = resourcesFromJson(text);
    // plus hand-made oddities the loaders should never produce
    const odd = [null, { type: 5 }, { ...res[0]!, nameSegments: [] }, { ...res[0]!, body: { kind: 'scalar', value: 1, range: res[0]!.range } }] as never[];
    const m = buildModel([...res, ...odd], [null as never]);
    const v = m.all('vnet').find((x) => valueOf(x.name) === 'v')!;
    expect(valueOf(v.location)).toBe('5');
    expect(v.addressPrefixes.unknown).toBeDefined();
    expect(v.subnetsUnknown).toBeDefined();
    const s = m.all('subnet').find((x) => valueOf(x.name) === 's')!;
    expect(s.addressPrefixes.items[0]!.known).toBe(false);
    expect(s.nsg?.known).toBe(false);
    expect(s.routeTable?.known).toBe(false);
    expect(s.delegations.unknown).toBeDefined();
    const nsg = m.all('nsg')[0]!;
    expect(nsg.rulesUnknown).toBeDefined();
    const app = m.all('app')[0]!;
    expect(app.integrations[0]!.known).toBe(false);
    expect(app.routeAll?.known).toBe(false);
    expect(m.all('ase')[0]!.subnet?.known).toBe(false);
    expect(valueOf(m.all('ase')[0]!.internalLoadBalancingMode)).toBe('9');
  });

  it('keeps only the identity of an existing resource', () => {
    const m = buildModel(
      resourcesFromJson(`[
        { "type": "Microsoft.Network/virtualNetworks", "name": "v", "existing": true },
        { "type": "Microsoft.Network/virtualNetworks/subnets", "name": "v/s", "existing": true },
        { "type": "Microsoft.Network/virtualNetworks/subnets", "name": "v/new", "condition": "[parameters('deploy')]", "properties": { "addressPrefix": "10.0.0.0/24" } }
      ]`, { format: 'bicep' }),
      [],
    );
    const v = m.all('vnet')[0]!;
    expect(v.existing).toBe(true);
    expect(v.addressPrefixes.unknown).toBeDefined();
    expect(v.subnets).toEqual([entityKey(SUBNET, ['v', 's']), entityKey(SUBNET, ['v', 'new'])]);
    const s = m.get('subnet', entityKey(SUBNET, ['v', 's']))!;
    expect(s.existing).toBe(true);
    expect(s.prefixProperty).toBeUndefined();
    expect(s.addressPrefixes.unknown).toBeDefined();
    expect(s.nsg?.known).toBe(false);
    expect(s.format).toBe('bicep');
    const n = m.get('subnet', entityKey(SUBNET, ['v', 'new']))!;
    expect(n.conditional).toBe(true);
    expect(n.existing).toBeUndefined();
  });

  it('links a uniqueString-named subnet and a reference built from the same unknown', () => {
    const text = `[
      { "type": "Microsoft.Network/virtualNetworks", "name": "{{uniquestring(resourcegroup().id)}}-vnet",
        "properties": { "subnets": [ { "name": "apps", "properties": { "addressPrefix": "10.0.0.0/26" } } ] } },
      { "type": "Microsoft.Web/sites", "name": "{{uniquestring(resourcegroup().id)}}-app",
        "properties": { "virtualNetworkSubnetId": "/subscriptions/{{subscription().subscriptionid}}/resourceGroups/{{resourcegroup().name}}/providers/Microsoft.Network/virtualNetworks/{{uniquestring(resourcegroup().id)}}-vnet/subnets/apps" } }
    ]`;
    const m = buildModel(resourcesFromJson(text), []);
    const s = m.all('subnet')[0]!;
    expect(s.key).toBe('microsoft.network/virtualnetworks/subnets|{{uniquestring(resourcegroup().id)}-vnet}/apps');
    const app = m.all('app')[0]!;
    expect(app.display).toBe('Microsoft.Web/sites/{{uniquestring(resourcegroup().id)}-app}');
    expect(valueOf(app.integrations[0])).toBe(s.key);
    expect(m.subnetUsers(s)).toEqual([app]);
  });

  it('adds already-mapped entities (Terraform) and keeps assumptions', () => {
    const tf = buildModel(resourcesFromJson(`[{ "type": "Microsoft.Network/virtualNetworks", "name": "v" }]`), [], { expressRoute: true }).all('vnet')[0]!;
    const copy = { ...tf, format: 'terraform' as const, sourceType: 'azurerm_virtual_network', scope: 'tf', subnets: [] };
    const m = buildModel([], [copy], { expressRoute: ['v'] });
    expect(m.all('vnet')).toEqual([copy]);
    expect(m.expressRoute(copy)).toBe('yes');
  });
});
