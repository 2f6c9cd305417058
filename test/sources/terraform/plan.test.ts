import type { Subnet, App } from '../../../src/model/entities.js';
import { loadTf, lineOf } from './load-helper.js';

/**
 * Plan JSON in the documented `terraform show -json` format
 * (https://developer.hashicorp.com/terraform/internals/json-format), written for these tests.
 * The subnet's prefix comes from a data source: only the plan knows it.
 */
const tf = `data "azurerm_virtual_network" "hub" {
  name                = "hub"
  resource_group_name = "net"
}
resource "azurerm_subnet" "integration" {
  name                 = "integration"
  virtual_network_name = data.azurerm_virtual_network.hub.name
  resource_group_name  = "net"
  address_prefixes     = [cidrsubnet(data.azurerm_virtual_network.hub.address_space[0], 13, 4)]
}
resource "azurerm_linux_web_app" "web" {
  name                      = "web"
  location                  = "westeurope"
  resource_group_name       = "apps"
  service_plan_id           = "/subscriptions/s/resourceGroups/apps/providers/Microsoft.Web/serverfarms/plan"
  virtual_network_subnet_id = azurerm_subnet.integration.id
  site_config {}
}
`;

function plan(withDeleted = false): string {
  const subnetId = '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub/subnets/integration';
  return JSON.stringify(
    {
      format_version: '1.2',
      terraform_version: '1.9.5',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'azurerm_subnet.integration',
              mode: 'managed',
              type: 'azurerm_subnet',
              name: 'integration',
              provider_name: 'registry.terraform.io/hashicorp/azurerm',
              schema_version: 0,
              values: { name: 'integration', virtual_network_name: 'hub', resource_group_name: 'net', address_prefixes: ['10.50.0.32/29'], delegation: [], service_endpoints: null },
              sensitive_values: {},
            },
            {
              address: 'azurerm_linux_web_app.web',
              mode: 'managed',
              type: 'azurerm_linux_web_app',
              name: 'web',
              values: { name: 'web', location: 'westeurope', resource_group_name: 'apps', service_plan_id: '/subscriptions/s/resourceGroups/apps/providers/Microsoft.Web/serverfarms/plan', virtual_network_subnet_id: subnetId, site_config: [{ vnet_route_all_enabled: false }] },
            },
          ],
        },
      },
      resource_changes: withDeleted
        ? [{ address: 'azurerm_subnet.old', mode: 'managed', type: 'azurerm_subnet', name: 'old', change: { actions: ['delete'], before: { name: 'old' }, after: null } }]
        : [],
      configuration: { root_module: { resources: [] } },
    },
    null,
    2,
  );
}

describe('terraform plan JSON', () => {
  it('takes values only the plan resolves, at the .tf lines by resource address', async () => {
    const out = await loadTf({ 'main.tf': tf, 'tfplan.json': plan() });
    expect(out.findings).toEqual([]);
    const subnets = out.entities.filter((e) => e.kind === 'subnet') as Subnet[];
    expect(subnets.length).toBe(1);
    const prefix = subnets[0]!.addressPrefixes.items[0]!;
    expect(prefix).toMatchObject({ known: true, value: '10.50.0.32/29' });
    expect(prefix.range).toMatchObject({ file: 'main.tf', line: lineOf(tf, 'address_prefixes') });
    const app = out.entities.find((e) => e.kind === 'app') as App;
    expect(app.integrations[0]).toMatchObject({ known: true, value: subnets[0]!.key });
    expect(app.integrations[0]!.range.line).toBe(lineOf(tf, 'virtual_network_subnet_id'));
    expect(out.files.find((f) => f.path === 'tfplan.json')).toMatchObject({ format: 'terraform-plan', resources: 2 });
  });

  it('without the .tf files, points at the plan file and omits deleted resources', async () => {
    const text = plan(true);
    const out = await loadTf({ 'plan.json': text });
    const subnets = out.entities.filter((e) => e.kind === 'subnet') as Subnet[];
    expect(subnets.map((s) => (s.name.known ? s.name.value : '?'))).toEqual(['integration']);
    expect(subnets[0]!.addressPrefixes.items[0]!.range).toMatchObject({ file: 'plan.json', line: lineOf(text, '10.50.0.32/29') });
  });

  it('the .tf alone leaves the data-source prefix unknown', async () => {
    const out = await loadTf({ 'main.tf': tf });
    const [subnet] = out.entities.filter((e) => e.kind === 'subnet') as Subnet[];
    expect(subnet!.addressPrefixes.items[0]!.known).toBe(false);
  });

  it('does not claim JSON that is not a plan', async () => {
    const out = await loadTf({ 'package.json': '{"name":"x","version":"1.0.0"}' });
    expect(out.files).toEqual([]);
  });
});
