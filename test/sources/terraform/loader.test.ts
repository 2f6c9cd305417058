import type { App, Subnet, VirtualNetwork, NetworkSecurityGroup, RouteTable, AppServicePlan, IntegrationServiceEnvironment } from '../../../src/model/entities.js';
import { loadTf, lineOf } from './load-helper.js';

const byKind = <T>(out: { entities: { kind: string }[] }, kind: string) => out.entities.filter((e) => e.kind === kind) as unknown as T[];

describe('terraform loader: evaluation', () => {
  const main = `
variable "location" {
  default = "westeurope"
}
variable "prefix" {}
locals {
  space = "10.1.0.0/16"
  names = ["ise-1", "ise-2"]
}
resource "azurerm_virtual_network" "v" {
  name                = "\${var.prefix}-vnet"
  location            = var.location
  resource_group_name = "rg"
  address_space       = [local.space]
}
resource "azurerm_subnet" "s" {
  count                = length(local.names)
  name                 = local.names[count.index]
  virtual_network_name = azurerm_virtual_network.v.name
  resource_group_name  = "rg"
  address_prefixes     = [cidrsubnet(local.space, 11, count.index)]
  service_endpoints    = count.index == 0 ? ["Microsoft.Storage"] : []
  dynamic "delegation" {
    for_each = count.index == 0 ? ["x"] : []
    content {
      name = "d"
      service_delegation {
        name = "Microsoft.Web/serverFarms"
      }
    }
  }
}
`;
  it('expands count, evaluates locals and cidrsubnet, and keeps exact lines', async () => {
    const out = await loadTf({ 'main.tf': main });
    expect(out.findings).toEqual([]);
    const subnets = byKind<Subnet>(out, 'subnet');
    expect(subnets.map((s) => (s.name.known ? s.name.value : '?'))).toEqual(['ise-1', 'ise-2']);
    const p = subnets.map((s) => s.addressPrefixes.items[0]);
    expect(p.map((v) => (v?.known ? v.value : '?'))).toEqual(['10.1.0.0/27', '10.1.0.32/27']);
    expect(p[0]!.range.line).toBe(lineOf(main, 'address_prefixes'));
    expect(subnets[0]!.delegations.items.map((d) => (d.known ? d.value : '?'))).toEqual(['Microsoft.Web/serverFarms']);
    expect(subnets[1]!.delegations.items).toEqual([]);
    expect(subnets[0]!.serviceEndpoints.items.length).toBe(1);
  });

  it('keeps a variable without value unknown, and links subnets to the VNet named from it', async () => {
    const out = await loadTf({ 'main.tf': main });
    const [vnet] = byKind<VirtualNetwork>(out, 'vnet');
    expect(vnet!.name.known).toBe(false);
    if (!vnet!.name.known) expect(vnet!.name.unknown.expr).toBe('{var.prefix}-vnet');
    expect(vnet!.subnets.length).toBe(2);
    const subnets = byKind<Subnet>(out, 'subnet');
    expect(subnets.every((s) => s.vnet === vnet!.key)).toBe(true);
  });

  it('reads terraform.tfvars over defaults', async () => {
    const out = await loadTf({ 'main.tf': main, 'terraform.tfvars': 'prefix = "prod"\nlocation = "northeurope"\n' });
    const [vnet] = byKind<VirtualNetwork>(out, 'vnet');
    expect(vnet!.name).toMatchObject({ known: true, value: 'prod-vnet' });
    expect(vnet!.location).toMatchObject({ known: true, value: 'northeurope' });
  });

  it('maps NSGs, rules, route tables and their subnet associations', async () => {
    const tf = `
resource "azurerm_virtual_network" "v" {
  name          = "vnet"
  address_space = ["10.0.0.0/16"]
  location      = "westeurope"
  resource_group_name = "rg"
}
resource "azurerm_subnet" "a" {
  name                 = "a"
  virtual_network_name = azurerm_virtual_network.v.name
  resource_group_name  = "rg"
  address_prefixes     = ["10.0.1.0/24"]
}
resource "azurerm_network_security_group" "n" {
  name = "nsg"
  location = "westeurope"
  resource_group_name = "rg"
  security_rule {
    name                       = "deny-mgmt"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["454", "455"]
    source_address_prefix      = "AppServiceManagement"
    destination_address_prefix = "VirtualNetwork"
  }
}
resource "azurerm_network_security_rule" "extra" {
  name                        = "allow-lb"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "AzureLoadBalancer"
  destination_address_prefix  = "*"
  network_security_group_name = azurerm_network_security_group.n.name
  resource_group_name         = "rg"
}
resource "azurerm_route_table" "r" {
  name = "rt"
  location = "westeurope"
  resource_group_name = "rg"
  bgp_route_propagation_enabled = false
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}
resource "azurerm_subnet_network_security_group_association" "na" {
  subnet_id                 = azurerm_subnet.a.id
  network_security_group_id = azurerm_network_security_group.n.id
}
resource "azurerm_subnet_route_table_association" "ra" {
  subnet_id      = azurerm_subnet.a.id
  route_table_id = azurerm_route_table.r.id
}
`;
    const out = await loadTf({ 'main.tf': tf });
    const [subnet] = byKind<Subnet>(out, 'subnet');
    const [nsg] = byKind<NetworkSecurityGroup>(out, 'nsg');
    const [rt] = byKind<RouteTable>(out, 'routeTable');
    expect(subnet!.nsg).toMatchObject({ known: true, value: nsg!.key });
    expect(subnet!.routeTable).toMatchObject({ known: true, value: rt!.key });
    const rules = out.entities.filter((e) => e.kind === 'securityRule');
    expect(rules.length).toBe(2);
    expect(nsg!.securityRules.map((r) => (r.name.known ? r.name.value : "?"))).toEqual(["deny-mgmt", "allow-lb"]);
    const inline = nsg!.securityRules[0]!;
    expect(inline.destinationPortRanges.items.map((v) => (v.known ? v.value : '?'))).toEqual(['454', '455']);
    expect(inline.priority!.range.line).toBe(lineOf(tf, 'priority                   = 100'));
    expect(rt!.routes[0]!.nextHopType).toMatchObject({ known: true, value: 'Internet' });
    expect(rt!.disableBgpRoutePropagation).toMatchObject({ known: true, value: true });
  });

  it('evaluates local modules with inputs and outputs, and maps apps, plans and ISEs', async () => {
    const files = {
      'main.tf': `
module "net" {
  source = "./modules/net"
  prefix = "10.20.0.0/16"
}
resource "azurerm_service_plan" "p" {
  name                = "plan"
  location            = "westeurope"
  resource_group_name = "rg"
  os_type             = "WindowsContainer"
  sku_name            = "P1v3"
  worker_count        = 3
}
resource "azurerm_windows_web_app" "w" {
  name                      = "web"
  location                  = "westeurope"
  resource_group_name       = "rg"
  service_plan_id           = azurerm_service_plan.p.id
  virtual_network_subnet_id = module.net.app_subnet_id
  app_settings = {
    WEBSITE_CONTENTOVERVNET = "1"
  }
  site_config {
    vnet_route_all_enabled = true
  }
}
resource "azurerm_integration_service_environment" "ise" {
  name                       = "ise"
  location                   = "westeurope"
  resource_group_name        = "rg"
  sku_name                   = "Developer_0"
  access_endpoint_type       = "Internal"
  virtual_network_subnet_ids = module.net.ise_subnet_ids
}
`,
      'modules/net/main.tf': `
variable "prefix" {}
resource "azurerm_virtual_network" "v" {
  name                = "vnet"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = [var.prefix]
}
resource "azurerm_subnet" "app" {
  name                 = "app"
  virtual_network_name = azurerm_virtual_network.v.name
  resource_group_name  = "rg"
  address_prefixes     = [cidrsubnet(var.prefix, 10, 0)]
}
resource "azurerm_subnet" "ise" {
  for_each             = toset(["a", "b", "c", "d"])
  name                 = "ise-\${each.key}"
  virtual_network_name = azurerm_virtual_network.v.name
  resource_group_name  = "rg"
  address_prefixes     = ["10.20.1.0/27"]
}
output "app_subnet_id" { value = azurerm_subnet.app.id }
output "ise_subnet_ids" { value = [for s in azurerm_subnet.ise : s.id] }
`,
    };
    const out = await loadTf(files);
    expect(out.findings).toEqual([]);
    const [app] = byKind<App>(out, 'app');
    const subnets = byKind<Subnet>(out, 'subnet');
    const appSubnet = subnets.find((s) => s.name.known && s.name.value === 'app')!;
    expect(appSubnet.addressPrefixes.items[0]).toMatchObject({ known: true, value: '10.20.0.0/26' });
    expect(appSubnet.range.file).toBe('modules/net/main.tf');
    expect(app!.integrations[0]).toMatchObject({ known: true, value: appSubnet.key });
    expect(app!.routeAll).toMatchObject({ known: true, value: true });
    expect(app!.contentShare).toMatchObject({ known: true, value: true });
    const [plan] = byKind<AppServicePlan>(out, 'plan');
    expect(app!.plan).toMatchObject({ known: true, value: plan!.key });
    expect(plan!.skuTier).toMatchObject({ known: true, value: 'PremiumV3' });
    expect(plan!.hyperV).toMatchObject({ known: true, value: true });
    expect(plan!.skuCapacity).toMatchObject({ known: true, value: 3 });
    const [ise] = byKind<IntegrationServiceEnvironment>(out, 'ise');
    expect(ise!.sku).toMatchObject({ known: true, value: 'Developer' });
    expect(ise!.subnets.items.length).toBe(4);
    const iseKeys = subnets.filter((s) => s.name.known && s.name.value.startsWith('ise-')).map((s) => s.key).sort();
    expect(ise!.subnets.items.map((v) => (v.known ? v.value : '?')).sort()).toEqual(iseKeys);
  });
});

describe('terraform loader: bad input', () => {
  it('reports a syntax error at its line and still reads the rest of the module', async () => {
    const tf = `resource "azurerm_virtual_network" "v" {
  name = "vnet"
  address_space = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "broken" {
  name = "x"
  address_prefixes = ["10.0.0.0/24"
}
`;
    const out = await loadTf({ 'main.tf': tf, 'other.tf': 'resource "azurerm_network_security_group" "n" {\n  name = "nsg"\n}\n' });
    const errs = out.findings.filter((f) => f.ruleId === 'parse/error');
    expect(errs.length).toBe(1);
    expect(errs[0]!.range.file).toBe('main.tf');
    expect(errs[0]!.range.line).toBeGreaterThanOrEqual(7);
    expect(out.entities.some((e) => e.kind === 'vnet')).toBe(true);
    expect(out.entities.some((e) => e.kind === 'nsg')).toBe(true);
    expect(out.files.find((f) => f.path === 'main.tf')!.errors.length).toBe(1);
  });

  it('refuses a module source outside the folder being checked', async () => {
    const tf = 'module "m" {\n  source = "../../elsewhere"\n}\n';
    const out = await loadTf({ 'app/main.tf': tf }, { roots: ['app'] });
    expect(out.findings.map((f) => [f.ruleId, f.range.line])).toEqual([['load/outside-root', 2]]);
  });

  it('reports a module cycle instead of hanging', async () => {
    const out = await loadTf({
      'main.tf': 'module "a" {\n  source = "./a"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\n',
    });
    expect(out.findings.some((f) => f.ruleId === 'load/module-cycle')).toBe(true);
  });

  it('notes a registry module and keeps its outputs unknown', async () => {
    const tf = `module "vnet" {
  source = "Azure/avm-res-network-virtualnetwork/azurerm"
}
resource "azurerm_subnet" "s" {
  name = "s"
  virtual_network_name = module.vnet.name
  address_prefixes = ["10.0.0.0/24"]
}
`;
    const out = await loadTf({ 'main.tf': tf });
    expect(out.findings.map((f) => [f.ruleId, f.severity, f.range.line])).toEqual([['load/remote-module', 'note', 2]]);
    const [s] = byKind<Subnet>(out, 'subnet');
    expect(s!.vnet).toContain('{module.vnet');
  });

  it('caps a huge count with a note', async () => {
    const tf = 'resource "azurerm_network_interface" "n" {\n  count = 100000\n  name = "nic-${count.index}"\n}\n';
    const out = await loadTf({ 'main.tf': tf });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['load/count-capped']);
  });

  it('gives a parse/error when the parse budget runs out', async () => {
    const big = Array.from({ length: 4000 }, (_x, i) => `resource "azurerm_subnet" "s${i}" {\n  name = "s${i}"\n  address_prefixes = ["10.0.${i % 256}.0/24"\n`).join('');
    const out = await loadTf({ 'main.tf': big }, { parseBudgetMs: 1 });
    const errs = out.findings.filter((f) => f.ruleId === 'parse/error');
    expect(errs.length).toBe(1);
    expect(errs[0]!.message).toMatch(/budget/);
  });
});

describe('terraform data sources', () => {
  it('give the id of the resource their arguments name, so an app links to a subnet declared elsewhere; what they read stays unknown', async () => {
    const files = {
      'network/main.tf': `resource "azurerm_virtual_network" "hub" {
  name                = "hub"
  location            = "westeurope"
  resource_group_name = "net"
  address_space       = ["10.0.0.0/16"]
}
resource "azurerm_subnet" "apps" {
  name                 = "apps"
  virtual_network_name = azurerm_virtual_network.hub.name
  resource_group_name  = "net"
  address_prefixes     = ["10.0.1.0/26"]
}
`,
      'app/main.tf': `data "azurerm_subnet" "apps" {
  name                 = "apps"
  virtual_network_name = "hub"
  resource_group_name  = "net"
}
resource "azurerm_linux_web_app" "web" {
  name                      = "web"
  location                  = "westeurope"
  resource_group_name       = "apps"
  service_plan_id           = "/subscriptions/s/resourceGroups/apps/providers/Microsoft.Web/serverfarms/plan"
  virtual_network_subnet_id = data.azurerm_subnet.apps.id
  site_config {
    vnet_route_all_enabled = length(data.azurerm_subnet.apps.address_prefixes) > 0
  }
}
`,
    };
    const out = await loadTf(files);
    const subnet = byKind<Subnet>(out, 'subnet')[0]!;
    const app = byKind<App>(out, 'app')[0]!;
    expect(app.integrations[0]).toMatchObject({ known: true, value: subnet.key });
    expect(app.routeAll?.known).toBe(false);
    if (app.routeAll && !app.routeAll.known) expect(app.routeAll.unknown.expr).toContain('data.azurerm_subnet.apps.address_prefixes');
  });
});

describe('terraform module cycles', () => {
  it('a root module that calls itself is still checked, and the cycle is a finding', async () => {
    const tf = `module "self" {
  source = "./"
}
resource "azurerm_virtual_network" "v" {
  name          = "vnet"
  address_space = ["10.0.0.5/16"]
}
`;
    const out = await loadTf({ 'main.tf': tf });
    expect(out.findings.map((f) => [f.ruleId, f.range.line])).toEqual([['load/module-cycle', 2]]);
    expect(byKind<VirtualNetwork>(out, 'vnet').length).toBe(1);
  });

  it('two directories that only call each other are checked from one of them', async () => {
    const out = await loadTf({
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\nresource "azurerm_network_security_group" "a" {\n  name = "nsg-a"\n}\n',
      'b/main.tf': 'module "a" {\n  source = "../a"\n}\nresource "azurerm_network_security_group" "b" {\n  name = "nsg-b"\n}\n',
    });
    expect(out.findings.filter((f) => f.ruleId === 'load/module-cycle').length).toBe(1);
    expect(out.entities.filter((e) => e.kind === 'nsg').map((e) => (e.name.known ? e.name.value : '?')).sort()).toEqual(['nsg-a', 'nsg-b']);
  });
});

describe('terraform: where a value from outside the module is written', () => {
  it('a value taken whole from terraform.tfvars, through a module input, keeps the tfvars line', async () => {
    const out = await loadTf({
      'main.tf': 'variable "subnet_prefix" {}\nmodule "net" {\n  source = "./net"\n  prefix = var.subnet_prefix\n}\n',
      'net/main.tf': 'variable "prefix" {}\nresource "azurerm_subnet" "a" {\n  name                 = "a"\n  virtual_network_name = "v"\n  address_prefixes     = [var.prefix]\n}\n',
      'terraform.tfvars': 'subnet_prefix = "10.0.1.0/26"\n',
    });
    const [s] = byKind<Subnet>(out, 'subnet');
    expect(s!.addressPrefixes.items[0]).toMatchObject({ known: true, value: '10.0.1.0/26', range: { file: 'terraform.tfvars', line: 1 } });
  });
});
