import { describe, expect, it } from '@jest/globals';
import { aseTemplate } from '../../rules/ase/fixtures.js';
import { iseTemplate } from '../../rules/ise/fixtures.js';
import { armTemplate } from '../../rules/vnet-integration/fixtures.js';
import { NoTwin, parseArmExpression, armText } from './arm-source.js';
import { Doc } from './markers.js';
import { armToBicep } from './to-bicep.js';
import { armToTerraform } from './to-terraform.js';

const unique = { vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } };

/** A template of the given resources (and parameters), as the rule-table fixtures write it. */
const arm = (resources: unknown[], parameters: Record<string, unknown> = {}) => JSON.stringify({ $schema: 'x', contentVersion: '1.0.0.0', parameters, resources }, null, 2);
const vnet = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: 'hub', location: 'westeurope', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [] } };

describe('ARM expressions', () => {
  it('parses calls, members and quoted strings and prints them back canonically', () => {
    expect(armText(parseArmExpression("concat('a''b', uniqueString(resourceGroup().id))"))).toBe("concat('a''b',uniqueString(resourceGroup().id))");
  });
  it('throws on text outside the grammar', () => {
    expect(() => parseArmExpression("parameters('x') + 1")).toThrow();
  });
});

describe('armToBicep', () => {
  const text = armToBicep(armTemplate({ parameters: { subnetPrefix: { type: 'string' } }, subnetPrefix: "[parameters('subnetPrefix')]", ...unique }));
  it('writes a parameter without default as a param without default', () => {
    expect(text).toContain('param subnetPrefix string\n');
    expect(text).toContain('param location string = resourceGroup().location');
  });
  it('turns concat into an interpolated string and parameters() into the identifier', () => {
    expect(text).toContain("var vnetName = 'vnet-${uniqueString(resourceGroup().id)}'");
    expect(text).toMatch(/^\s+addressPrefix: subnetPrefix$/m);
  });
  it('references declared resources symbolically, the inline subnet through its VNet', () => {
    expect(text).toMatch(/^\s+serverFarmId: serverfarm_plan1\.id$/m);
    expect(text).toMatch(/^\s+virtualNetworkSubnetId: virtualNetwork_r\d+\.properties\.subnets\[0\]\.id$/m);
  });
  it('writes a child resource with parent: and its own name, a secure parameter with @secure()', () => {
    const child = { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2023-09-01', name: 'hub/app', properties: { addressPrefix: '10.0.1.0/24' } };
    const b = armToBicep(arm([vnet, child], { key: { type: 'securestring' } }));
    expect(b).toContain('@secure()\nparam key string\n');
    expect(b).toContain("resource subnet_app 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {\n  parent: virtualNetwork_hub\n  name: 'app'\n");
  });
});

describe('armToTerraform', () => {
  it('writes each inline subnet as azurerm_subnet with its NSG association', () => {
    const text = armToTerraform(armTemplate({ nsgRules: [] }));
    expect(text).toContain('resource "azurerm_subnet" "integration" {');
    expect(text).toContain('address_prefixes = ["10.0.1.0/26"]');
    expect(text).toContain('network_security_group_id = azurerm_network_security_group.nsg1.id');
    expect(text).toContain('virtual_network_subnet_id = azurerm_subnet.integration.id');
  });
  it('maps the plan sku to sku_name and capacity to worker_count', () => {
    const text = armToTerraform(armTemplate({ planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 3 } }));
    expect(text).toMatch(/sku_name = "P1v3"\n\s+worker_count = 3/);
  });
  it('keeps a parameter without default as a variable without default', () => {
    const text = armToTerraform(armTemplate({ parameters: { subnetPrefix: { type: 'string' } }, subnetPrefix: "[parameters('subnetPrefix')]" }));
    expect(text).toContain('variable "subnetPrefix" {\n  type = string\n}');
    expect(text).toContain('address_prefixes = [var.subnetPrefix]');
  });
  it('has no twin for an ASEv1 or an ASE without kind', () => {
    expect(() => armToTerraform(aseTemplate({ kind: 'ASEV1' }))).toThrow(NoTwin);
    expect(() => armToTerraform(aseTemplate({ kind: null }))).toThrow(NoTwin);
  });
  it('writes the ISE with sku_name <sku>_<capacity> and one subnet id per line', () => {
    const text = armToTerraform(iseTemplate());
    expect(text).toMatch(/resource "azurerm_integration_service_environment" "my_ise" \{/);
    expect(text).toContain('sku_name = "Premium_0"');
    expect(text).toMatch(/virtual_network_subnet_ids = \[\n {4}azurerm_subnet\.ise_1\.id,\n {4}azurerm_subnet\.ise_2\.id,/);
  });
  it('writes a peering of a declared VNet with its name and the remote id', () => {
    const peering = {
      type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
      apiVersion: '2023-09-01',
      name: 'hub/to-spoke',
      properties: { remoteVirtualNetwork: { id: "[resourceId('Microsoft.Network/virtualNetworks', 'spoke')]" } },
    };
    const text = armToTerraform(arm([vnet, peering]));
    expect(text).toContain('virtual_network_name = azurerm_virtual_network.hub.name');
    expect(text).toContain('remote_virtual_network_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke"');
  });
  it('has no twin for a security rule property azurerm has no attribute for', () => {
    const nsg = { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name: 'n', properties: { securityRules: [{ name: 'r', properties: { priority: 100, sourceApplicationSecurityGroups: [] } }] } };
    expect(() => armToTerraform(arm([nsg]))).toThrow(NoTwin);
  });
});

describe('Doc markers', () => {
  const d = new Doc('terraform', armToTerraform(iseTemplate()));
  it('finds a name line, the block above it and a resource by its ARM type', () => {
    expect(d.item('ise-1')).toBe(d.named('ise-1') - 1);
    expect(d.lines[d.resource('Microsoft.Logic/integrationServiceEnvironments') - 1]).toMatch(/^resource "azurerm_integration_service_environment"/);
    expect(() => d.line('no such text')).toThrow('marker not found');
  });
});
