import { lineOf } from './fixtures.js';
import { perFormat, prop, resourceAt, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate } from './fixtures.js';
import { aseTerraform } from './terraform.fixtures.js';

const tfV2 = aseTerraform({ v2: true, delegation: null });
const kindParam = aseTemplate({ kind: "[parameters('kind')]" }).replace('"parameters": {}', '"parameters": { "kind": { "type": "string" } }');
/** azurerm has no `kind`: the resource type is the version, so Terraform findings land on the resource. */
const noKindInTerraform = 'azurerm has no kind: the resource type (azurerm_app_service_environment = v2, _v3) is the version';

twinRule(
  'ase/retired',
  [
    { name: 'ASEv3', arm: aseTemplate() },
    { name: 'kind written in lower case asev3', arm: aseTemplate({ kind: 'asev3' }) },
    {
      name: 'ASEv2',
      arm: aseTemplate({ kind: 'ASEV2' }),
      findings: [{ at: perFormat({ arm: prop('kind', 'ASEV2'), terraform: resourceAt('Microsoft.Web/hostingEnvironments', 'ase1') }), messageIncludes: '2024-08-31' }],
    },
    { name: 'ASEv1', arm: aseTemplate({ kind: 'ASEV1' }), findings: [{ at: prop('kind', 'ASEV1'), messageIncludes: 'ASEv1' }], noTwin: { terraform: 'azurerm has no ASEv1 resource' } },
    {
      name: 'no kind: Azure creates an ASEv1',
      arm: aseTemplate({ kind: null }),
      findings: [{ at: resourceAt('Microsoft.Web/hostingEnvironments', 'ase1'), messageIncludes: 'has no kind' }],
      noTwin: { terraform: noKindInTerraform },
    },
    {
      name: 'kind from a parameter without value: could not verify',
      arm: kindParam,
      findings: [{ at: prop('kind', "[parameters('kind')]"), severity: 'note', messageIncludes: 'Could not verify' }],
      noTwin: { terraform: noKindInTerraform },
    },
  ],
  {
    valid: [{ name: 'Terraform azurerm_app_service_environment_v3', files: { 'main.tf': aseTerraform() } }],
    invalid: [
      {
        name: 'Terraform azurerm_app_service_environment (v2)',
        files: { 'main.tf': tfV2 },
        findings: [{ line: lineOf(tfV2, 'resource "azurerm_app_service_environment" "ase"'), messageIncludes: 'use azurerm_app_service_environment_v3' }],
      },
    ],
  },
);
