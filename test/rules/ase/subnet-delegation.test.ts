import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTerraform } from './terraform.fixtures.js';
import { aseTemplate, lineOf } from './fixtures.js';

const none = aseTemplate({ delegation: null });
const other = aseTemplate({ delegation: 'Microsoft.Web/serverFarms' });

const fromParam = aseTemplate({ delegation: "[parameters('service')]" }).replace('"parameters": {}', '"parameters": { "service": { "type": "string" } }');

const tfNone = aseTerraform({ delegation: null });

ruleTester.run('ase/subnet-delegation', {
  valid: [
    { name: 'ASEv3 subnet delegated to Microsoft.Web/hostingEnvironments', files: { 'azuredeploy.json': aseTemplate() } },
    { name: 'ASEv2 subnet without delegation (v3 only)', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    { name: 'Terraform ASEv3 subnet delegated', files: { 'main.tf': aseTerraform() } },
  ],
  invalid: [
    {
      name: 'ASEv3 subnet without delegation',
      files: { 'azuredeploy.json': none },
      findings: [{ line: lineOf(none, '"name": "ase-subnet"') - 1, messageIncludes: 'has no subnet delegation' }],
    },
    {
      name: 'ASEv3 subnet delegated to Microsoft.Web/serverFarms',
      files: { 'azuredeploy.json': other },
      findings: [{ line: lineOf(other, '"serviceName": "Microsoft.Web/serverFarms"'), messageIncludes: "delegated to 'Microsoft.Web/serverFarms'" }],
    },
    {
      name: 'delegation from a parameter without value: could not verify',
      files: { 'azuredeploy.json': fromParam },
      findings: [{ line: lineOf(fromParam, `"serviceName": "[parameters('service')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'Terraform ASEv3 subnet without delegation',
      files: { 'main.tf': tfNone },
      findings: [{ line: lineOf(tfNone, 'resource "azurerm_subnet" "ase"'), messageIncludes: 'has no subnet delegation' }],
    },
  ],
});
