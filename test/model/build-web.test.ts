import { buildModel } from '../../src/model/build.js';
import { entityKey } from '../../src/model/keys.js';
import { valueOf } from '../../src/model/value.js';
import { lineOf, resourcesFromJson } from './helpers/resources.js';

const ID = '/subscriptions/s/resourceGroups/rg/providers';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';

describe('buildModel: ISE and logic apps', () => {
  const m = buildModel(
    resourcesFromJson(`[
  { "type": "Microsoft.Logic/integrationServiceEnvironments", "name": "ise1", "location": "westus", "sku": { "name": "Developer", "capacity": 0 },
    "properties": { "networkConfiguration": { "accessEndpoint": { "type": "Internal" },
      "subnets": [ { "id": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/s1" }, { "id": "[parameters('s2')]" } ] } } },
  { "type": "Microsoft.Logic/workflows", "name": "wf", "properties": { "integrationServiceEnvironment": { "id": "${ID}/Microsoft.Logic/integrationServiceEnvironments/ise1" },
      "integrationAccount": { "id": "${ID}/Microsoft.Logic/integrationAccounts/ia" } } },
  { "type": "Microsoft.Logic/integrationAccounts", "name": "ia", "properties": { "integrationServiceEnvironment": { "id": "${ID}/Microsoft.Logic/integrationServiceEnvironments/other" } } }
]`),
    [],
  );
  it('maps the ISE, its subnets and the logic apps that name it', () => {
    const ise = m.all('ise')[0]!;
    expect(valueOf(ise.sku)).toBe('Developer');
    expect(valueOf(ise.accessEndpoint)).toBe('Internal');
    expect(valueOf(ise.subnets.items[0])).toBe(entityKey(SUBNET, ['v', 's1']));
    expect(ise.subnets.items[1]!.known).toBe(false);
    const wf = m.all('logicApp')[0]!;
    expect(valueOf(wf.ise)).toBe(ise.key);
    expect(valueOf(wf.integrationAccount)).toBe('microsoft.logic/integrationaccounts|ia');
    expect(valueOf(m.all('integrationAccount')[0]!.ise)).toBe('microsoft.logic/integrationserviceenvironments|other');
  });
});

describe('buildModel: App Service Environments', () => {
  const text = `[
  { "type": "Microsoft.Web/hostingEnvironments", "name": "ase2", "kind": "ASEV2",
    "properties": { "internalLoadBalancingMode": 3, "virtualNetwork": { "Id": "${ID}/Microsoft.Network/virtualNetworks/vnet2", "Subnet": "ase-subnet" } } },
  { "type": "Microsoft.Web/hostingEnvironments", "name": "ase3", "kind": "ASEv3",
    "properties": { "internalLoadBalancingMode": "Web, Publishing", "virtualNetwork": { "id": "${ID}/Microsoft.Network/virtualNetworks/vnet3/subnets/ase" } } },
  { "type": "Microsoft.Web/hostingEnvironments", "name": "ase1",
    "properties": { "internalLoadBalancingMode": "0", "workerPools": [], "virtualNetwork": { "id": "${ID}/Microsoft.Network/virtualNetworks/vnet1", "subnet": "s" } } },
  { "type": "Microsoft.Web/hostingEnvironments", "name": "legacy", "properties": { "vnetName": "old", "vnetResourceGroupName": "rg", "vnetSubnetName": "sub" } },
  { "type": "Microsoft.Web/hostingEnvironments", "name": "fullname", "kind": "ASEV2",
    "properties": { "virtualNetwork": { "id": "${ID}/Microsoft.Network/virtualNetworks/vnet-01", "subnet": "vnet-01/subnet-01" } } },
  { "type": "Microsoft.Web/hostingEnvironments", "name": "nosubnet", "kind": "ASEV2",
    "properties": { "virtualNetwork": { "id": "${ID}/Microsoft.Network/virtualNetworks/vnet-01" } } }
]`;
  const m = buildModel(resourcesFromJson(text), []);
  const [ase2, ase3, ase1, legacy, fullname, nosubnet] = m.all('ase');
  it('builds the v1/v2 subnet key from the VNet id and the subnet name', () => {
    expect(valueOf(ase2!.aseKind)).toBe('ASEV2');
    expect(valueOf(ase2!.subnet)).toBe(entityKey(SUBNET, ['vnet2', 'ase-subnet']));
    expect(ase2!.subnet!.range.line).toBe(lineOf(text, '"Subnet": "ase-subnet"'));
    expect(valueOf(ase2!.internalLoadBalancingMode)).toBe('Web, Publishing');
  });
  it('reads the v3 subnet id', () => {
    expect(valueOf(ase3!.aseKind)).toBe('ASEv3');
    expect(valueOf(ase3!.subnet)).toBe(entityKey(SUBNET, ['vnet3', 'ase']));
    expect(valueOf(ase3!.internalLoadBalancingMode)).toBe('Web, Publishing');
  });
  it('leaves an omitted kind absent and maps numeric ILB modes', () => {
    expect(ase1!.aseKind).toBeUndefined();
    expect(valueOf(ase1!.subnet)).toBe(entityKey(SUBNET, ['vnet1', 's']));
    expect(valueOf(ase1!.internalLoadBalancingMode)).toBe('None');
  });
  it('reads the oldest v1 form, a vnet/subnet name, and says unknown for a VNet without subnet', () => {
    expect(valueOf(legacy!.subnet)).toBe(entityKey(SUBNET, ['old', 'sub']));
    expect(valueOf(fullname!.subnet)).toBe(entityKey(SUBNET, ['vnet-01', 'subnet-01']));
    expect(nosubnet!.subnet?.known).toBe(false);
  });
});

describe('buildModel: plans, apps and VNet integration', () => {
  const text = `[
  { "type": "Microsoft.Web/serverfarms", "name": "plan", "location": "westus", "kind": "windows", "sku": { "name": "P1v3", "tier": "PremiumV3", "capacity": "3" },
    "properties": { "hostingEnvironmentProfile": { "id": "${ID}/Microsoft.Web/hostingEnvironments/ase" } } },
  { "type": "Microsoft.Web/serverfarms", "name": "xplan", "kind": "xenon", "sku": { "name": "EP1" }, "properties": { "maximumElasticWorkerCount": 20 } },
  { "type": "Microsoft.Insights/autoscalesettings", "name": "scale",
    "properties": { "enabled": true, "targetResourceUri": "${ID}/Microsoft.Web/serverfarms/plan",
      "profiles": [ { "capacity": { "minimum": "1", "maximum": "5", "default": "1" } }, { "capacity": { "maximum": "12" } } ] } },
  { "type": "Microsoft.Web/sites", "name": "app1", "kind": "app", "location": "westus",
    "properties": { "serverFarmId": "${ID}/Microsoft.Web/serverfarms/plan",
      "virtualNetworkSubnetId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/apps",
      "vnetRouteAllEnabled": false,
      "siteConfig": {
        "windowsFxVersion": "DOCKER|image",
        "vnetPrivatePortsCount": 2,
        "appSettings": [ { "name": "WEBSITE_VNET_ROUTE_ALL", "value": "1" }, { "name": "WEBSITE_CONTENTOVERVNET", "value": "0" } ],
        "ipSecurityRestrictions": [ { "vnetSubnetResourceId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/gw" } ]
      } } },
  { "type": "Microsoft.Web/sites/networkConfig", "name": "app1/virtualNetwork", "properties": { "subnetResourceId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/apps" } },
  { "type": "Microsoft.Web/sites", "name": "func", "kind": "functionapp,linux", "properties": { "serverFarmId": "${ID}/Microsoft.Web/serverfarms/xplan" } },
  { "type": "Microsoft.Web/sites/networkConfig", "name": "func/virtualNetwork", "properties": { "subnetResourceId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/funcs" } },
  { "type": "Microsoft.Web/sites/config", "name": "func/appsettings", "properties": { "WEBSITE_CONTENTOVERVNET": "true", "WEBSITE_PULL_IMAGE_OVER_VNET": "[parameters('pull')]" } },
  { "type": "Microsoft.Web/sites/config", "name": "func/web", "properties": { "vnetRouteAllEnabled": true, "vnetPrivatePortsCount": "[parameters('ports')]" } },
  { "type": "Microsoft.Web/sites/slots", "name": "func/staging", "properties": { "virtualNetworkSubnetId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/funcs", "vnetImagePullEnabled": true } },
  { "type": "Microsoft.Web/sites/virtualNetworkConnections", "name": "old/vnet", "properties": { "vnetResourceId": "${ID}/Microsoft.Network/virtualNetworks/v" } },
  { "type": "Microsoft.Web/sites", "name": "old", "properties": { "siteConfig": { "appSettings": "[parameters('settings')]" } } },
  { "type": "Microsoft.Web/sites/virtualNetworkConnections", "name": "old/swift", "properties": { "vnetResourceId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/old", "isSwift": true } }
]`;
  const m = buildModel(resourcesFromJson(text), []);
  const app = (name: string) => m.all('app').find((a) => valueOf(a.name) === name)!;

  it('maps plans', () => {
    const [plan, xplan] = m.all('plan');
    expect(valueOf(plan!.skuName)).toBe('P1v3');
    expect(valueOf(plan!.skuTier)).toBe('PremiumV3');
    expect(valueOf(plan!.skuCapacity)).toBe(3);
    expect(valueOf(plan!.ase)).toBe('microsoft.web/hostingenvironments|ase');
    expect(plan!.hyperV).toBeUndefined();
    expect(valueOf(xplan!.hyperV)).toBe(true);
    expect(valueOf(xplan!.maximumElasticWorkerCount)).toBe(20);
  });

  it('maps autoscale: target plan and the largest maximum', () => {
    const a = m.all('autoscale')[0]!;
    expect(valueOf(a.target)).toBe(m.all('plan')[0]!.key);
    expect(valueOf(a.maxCapacity)).toBe(12);
    expect(a.maxCapacity!.range.line).toBe(lineOf(text, '"maximum": "12"'));
    expect(valueOf(a.enabled)).toBe(true);
  });

  it('maps an app with its integration and flags; one integration per subnet', () => {
    const a = app('app1');
    expect(a.key).toBe('microsoft.web/sites|app1');
    expect(valueOf(a.plan)).toBe(m.all('plan')[0]!.key);
    expect(a.integrations.map(valueOf)).toEqual([entityKey(SUBNET, ['v', 'apps'])]);
    expect(a.integrations[0]!.range.line).toBe(lineOf(text, '"virtualNetworkSubnetId"'));
    expect(valueOf(a.routeAll)).toBe(true);
    expect(a.routeAll!.range.line).toBe(lineOf(text, '"WEBSITE_VNET_ROUTE_ALL"'));
    expect(valueOf(a.contentShare)).toBe(false);
    expect(a.imagePull).toBeUndefined();
    expect(valueOf(a.windowsContainer)).toBe(true);
    expect(valueOf(a.appKind)).toBe('app');
    expect(valueOf(a.privatePorts)).toBe(2);
  });

  it('does not take access restrictions for integrations or occupants', () => {
    expect(m.all('occupant')).toEqual([]);
  });

  it('applies networkConfig and config children to their app', () => {
    const f = app('func');
    expect(f.integrations.map(valueOf)).toEqual([entityKey(SUBNET, ['v', 'funcs'])]);
    expect(f.integrations[0]!.range.line).toBe(lineOf(text, '"subnetResourceId": "' + ID + '/Microsoft.Network/virtualNetworks/v/subnets/funcs"'));
    expect(valueOf(f.contentShare)).toBe(true);
    expect(f.imagePull?.known).toBe(false);
    expect(valueOf(f.routeAll)).toBe(true);
    expect(f.privatePorts?.known).toBe(false);
    expect(f.isSlot).toBe(false);
  });

  it('maps slots, on the plan of their site when they name none', () => {
    const s = app('staging');
    expect(s.isSlot).toBe(true);
    expect(valueOf(s.plan)).toBe('microsoft.web/serverfarms|xplan');
    expect(s.key).toBe('microsoft.web/sites/slots|func/staging');
    expect(valueOf(s.imagePull)).toBe(true);
    expect(s.integrations.map(valueOf)).toEqual([entityKey(SUBNET, ['v', 'funcs'])]);
  });

  it('takes swift virtualNetworkConnections, not gateway-required ones; unknown settings stay unknown', () => {
    const o = app('old');
    expect(o.integrations.map(valueOf)).toEqual([entityKey(SUBNET, ['v', 'old'])]);
    expect(o.routeAll?.known).toBe(false);
    expect(o.contentShare?.known).toBe(false);
  });
});

describe('buildModel: existing apps', () => {
  it('attaches a networkConfig child to an existing site without inventing an integration of its own', () => {
    const m = buildModel(
      resourcesFromJson(`[
        { "type": "Microsoft.Web/sites", "name": "site", "existing": true },
        { "type": "Microsoft.Web/sites/networkConfig", "name": "site/virtualNetwork", "properties": { "subnetResourceId": "${ID}/Microsoft.Network/virtualNetworks/v/subnets/apps" } },
        { "type": "Microsoft.Web/sites", "name": "other", "existing": true }
      ]`, { format: 'bicep' }),
      [],
    );
    const [site, other] = m.all('app');
    expect(site!.existing).toBe(true);
    expect(site!.integrations.map(valueOf)).toEqual([entityKey(SUBNET, ['v', 'apps'])]);
    expect(site!.plan?.known).toBe(false);
    expect(other!.integrations).toEqual([]);
    expect(other!.routeAll).toBeUndefined();
  });
});
