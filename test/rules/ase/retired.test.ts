import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, lineOf } from './fixtures.js';
import { aseTerraform } from './terraform.fixtures.js';

const v2 = aseTemplate({ kind: 'ASEV2' });
const v1 = aseTemplate({ kind: 'ASEV1' });
const noKind = aseTemplate({ kind: null });
const tfV2 = aseTerraform({ v2: true, delegation: null });

const kindParam = aseTemplate({ kind: "[parameters('kind')]" }).replace('"parameters": {}', '"parameters": { "kind": { "type": "string" } }');

ruleTester.run('ase/retired', {
  valid: [
    { name: 'ASEv3', files: { 'azuredeploy.json': aseTemplate() } },
    { name: 'Terraform azurerm_app_service_environment_v3', files: { 'main.tf': aseTerraform() } },
    { name: 'kind written in lower case asev3', files: { 'azuredeploy.json': aseTemplate({ kind: 'asev3' }) } },
  ],
  invalid: [
    { name: 'ASEv2', files: { 'azuredeploy.json': v2 }, findings: [{ line: lineOf(v2, '"kind": "ASEV2"'), messageIncludes: '2024-08-31' }] },
    { name: 'ASEv1', files: { 'azuredeploy.json': v1 }, findings: [{ line: lineOf(v1, '"kind": "ASEV1"'), messageIncludes: 'ASEv1' }] },
    {
      name: 'no kind: Azure creates an ASEv1',
      files: { 'azuredeploy.json': noKind },
      findings: [{ line: lineOf(noKind, '"type": "Microsoft.Web/hostingEnvironments"') - 1, messageIncludes: 'has no kind' }],
    },
    {
      name: 'kind from a parameter without value: could not verify',
      files: { 'azuredeploy.json': kindParam },
      findings: [{ line: lineOf(kindParam, `"kind": "[parameters('kind')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'Terraform azurerm_app_service_environment (v2)',
      files: { 'main.tf': tfV2 },
      findings: [{ line: lineOf(tfV2, 'resource "azurerm_app_service_environment" "ase"'), messageIncludes: 'use azurerm_app_service_environment_v3' }],
    },
  ],
});
