import { describe, expect, it } from '@jest/globals';
import { aseTemplate } from '../../ase/fixtures.js';
import { armTemplate } from '../fixtures.js';
import { armToBicep } from './bicep.js';
import { armToTerraform, NoTwin } from './terraform.js';

const unique = { vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } };

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
});
