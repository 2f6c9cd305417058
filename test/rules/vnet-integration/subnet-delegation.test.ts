import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, lineOf } from './fixtures.js';
import { named, prop, twinRule } from '../../helpers/formats/twins.js';

const flex = { planSku: { name: 'FC1', tier: 'FlexConsumption' }, siteKind: 'functionapp,linux' };
const unique = { vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } };

/** Hand-written Terraform (aligned as `terraform fmt` writes it), beside the generated twins. */
const tf = `resource "azurerm_virtual_network" "vnet" {
  name                = "vnet1"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "integration" {
  name                 = "integration"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["10.1.1.0/26"]
  DELEGATION
}

resource "azurerm_service_plan" "plan" {
  name                = "plan1"
  location            = "westeurope"
  resource_group_name = "rg"
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_linux_web_app" "app" {
  name                      = "app1"
  location                  = "westeurope"
  resource_group_name       = "rg"
  service_plan_id           = azurerm_service_plan.plan.id
  virtual_network_subnet_id = azurerm_subnet.integration.id
  site_config {}
}
`;
const tfDelegated = tf.replace('DELEGATION', 'delegation {\n    name = "web"\n    service_delegation {\n      name = "Microsoft.Web/serverFarms"\n    }\n  }');
const tfUndelegated = tf.replace('DELEGATION', '');

twinRule(
  'vnet-integration/subnet-delegation',
  [
    { name: 'delegated to Microsoft.Web/serverFarms', arm: armTemplate() },
    { name: 'service name in another case', arm: armTemplate({ delegation: 'microsoft.web/serverfarms' }) },
    { name: 'Flex Consumption delegated to Microsoft.App/environments', arm: armTemplate({ ...flex, delegation: 'Microsoft.App/environments' }) },
    { name: 'undelegated subnet no app integrates with', arm: armTemplate({ delegation: null, noIntegration: true }) },
    { name: 'uniqueString names, delegated', arm: armTemplate({ ...unique }) },
    { name: 'no delegation', arm: armTemplate({ delegation: null }), findings: [{ at: named('integration'), messageIncludes: 'has no delegation' }] },
    {
      name: 'uniqueString names link the app to its undelegated subnet',
      arm: armTemplate({ delegation: null, ...unique }),
      findings: [{ at: named('integration'), messageIncludes: 'Microsoft.Web/serverFarms' }],
    },
    {
      name: 'delegated to another service',
      arm: armTemplate({ delegation: 'Microsoft.Sql/managedInstances' }),
      findings: [{ at: prop('serviceName', 'Microsoft.Sql/managedInstances'), messageIncludes: 'is delegated to Microsoft.Sql/managedInstances' }],
    },
    {
      name: 'Flex Consumption plan on a Microsoft.Web/serverFarms subnet',
      arm: armTemplate({ ...flex }),
      findings: [{ at: prop('serviceName', 'Microsoft.Web/serverFarms'), messageIncludes: 'Microsoft.App/environments' }],
    },
    {
      name: 'subnet id from a parameter without default: could not verify',
      arm: armTemplate({ parameters: { subnetId: { type: 'string' } }, siteProps: { virtualNetworkSubnetId: "[parameters('subnetId')]" } }),
      findings: [{ at: prop('virtualNetworkSubnetId', "[parameters('subnetId')]"), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
  {
    valid: [{ name: 'Terraform (hand-written): delegated subnet', files: { 'main.tf': tfDelegated } }],
    invalid: [
      {
        name: 'Terraform (hand-written): undelegated subnet',
        files: { 'main.tf': tfUndelegated },
        findings: [{ line: lineOf(tfUndelegated, 'name                 = "integration"'), messageIncludes: 'service_delegation' }],
      },
    ],
  },
);

// Unknown is not false: an app integrating with a subnet the checked files don't declare (the
// network lives in another repository or folder) gets a could-not-verify note, not silence.
const elsewhere = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      { type: 'Microsoft.Web/serverfarms', apiVersion: '2023-12-01', name: 'plan', location: 'westeurope', sku: { name: 'P1v3', tier: 'PremiumV3' } },
      {
        type: 'Microsoft.Web/sites',
        apiVersion: '2023-12-01',
        name: 'web',
        location: 'westeurope',
        properties: {
          serverFarmId: "[resourceId('Microsoft.Web/serverfarms', 'plan')]",
          virtualNetworkSubnetId: "[resourceId('network-rg', 'Microsoft.Network/virtualNetworks/subnets', 'hub', 'apps')]",
        },
      },
    ],
  },
  null,
  2,
);
ruleTester.run('vnet-integration/subnet-delegation', {
  valid: [],
  invalid: [
    {
      name: 'integration subnet not declared in the checked files: could not verify',
      files: { 'azuredeploy.json': elsewhere },
      findings: [{ line: elsewhere.split('\n').findIndex((l) => l.includes('"virtualNetworkSubnetId"')) + 1, severity: 'note', messageIncludes: "Could not verify the integration subnet 'apps' of app 'web'" }],
    },
  ],
});
