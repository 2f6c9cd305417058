import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf } from './fixtures.js';

const flex = { planSku: { name: 'FC1', tier: 'FlexConsumption' }, siteKind: 'functionapp,linux' };
const noDelegation = armTemplate({ delegation: null });
const unique = armTemplate({ delegation: null, vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } });
const otherService = armTemplate({ delegation: 'Microsoft.Sql/managedInstances' });
const flexWrong = armTemplate({ ...flex });
const unknownRef = armTemplate({ parameters: { subnetId: { type: 'string' } }, siteProps: { virtualNetworkSubnetId: "[parameters('subnetId')]" } });

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

ruleTester.run('vnet-integration/subnet-delegation', {
  valid: [
    { name: 'delegated to Microsoft.Web/serverFarms', files: files(armTemplate()) },
    { name: 'service name in another case', files: files(armTemplate({ delegation: 'microsoft.web/serverfarms' })) },
    { name: 'Flex Consumption delegated to Microsoft.App/environments', files: files(armTemplate({ ...flex, delegation: 'Microsoft.App/environments' })) },
    { name: 'undelegated subnet no app integrates with', files: files(armTemplate({ delegation: null, noIntegration: true })) },
    {
      name: 'uniqueString names, delegated',
      files: files(armTemplate({ vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } })),
    },
    { name: 'Terraform: delegated subnet', files: { 'main.tf': tfDelegated } },
  ],
  invalid: [
    {
      name: 'Terraform: undelegated subnet',
      files: { 'main.tf': tfUndelegated },
      findings: [{ line: lineOf(tfUndelegated, 'name                 = "integration"'), messageIncludes: 'service_delegation' }],
    },
    { name: 'no delegation', files: files(noDelegation), findings: [{ line: lineOf(noDelegation, '"name": "integration"'), messageIncludes: 'has no delegation' }] },
    {
      name: 'uniqueString names link the app to its undelegated subnet',
      files: files(unique),
      findings: [{ line: lineOf(unique, '"name": "integration"'), messageIncludes: 'Microsoft.Web/serverFarms' }],
    },
    {
      name: 'delegated to another service',
      files: files(otherService),
      findings: [{ line: lineOf(otherService, '"serviceName": "Microsoft.Sql/managedInstances"'), messageIncludes: 'is delegated to Microsoft.Sql/managedInstances' }],
    },
    {
      name: 'Flex Consumption plan on a Microsoft.Web/serverFarms subnet',
      files: files(flexWrong),
      findings: [{ line: lineOf(flexWrong, '"serviceName": "Microsoft.Web/serverFarms"'), messageIncludes: 'Microsoft.App/environments' }],
    },
    {
      name: 'subnet id from a parameter without default: could not verify',
      files: files(unknownRef),
      findings: [{ line: lineOf(unknownRef, '"virtualNetworkSubnetId": "[parameters('), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
