import { item, prop, twinRule } from '../../helpers/formats/twins.js';
import { aseTerraform } from './terraform.fixtures.js';
import { aseTemplate, lineOf } from './fixtures.js';

const fromParam = aseTemplate({ delegation: "[parameters('service')]" }).replace('"parameters": {}', '"parameters": { "service": { "type": "string" } }');
const tfNone = aseTerraform({ delegation: null });

twinRule(
  'ase/subnet-delegation',
  [
    { name: 'ASEv3 subnet delegated to Microsoft.Web/hostingEnvironments', arm: aseTemplate() },
    { name: 'ASEv2 subnet without delegation (v3 only)', arm: aseTemplate({ kind: 'ASEV2' }) },
    { name: 'ASEv3 subnet without delegation', arm: aseTemplate({ delegation: null }), findings: [{ at: item('ase-subnet'), messageIncludes: 'has no subnet delegation' }] },
    {
      name: 'ASEv3 subnet delegated to Microsoft.Web/serverFarms',
      arm: aseTemplate({ delegation: 'Microsoft.Web/serverFarms' }),
      findings: [{ at: prop('serviceName', 'Microsoft.Web/serverFarms'), messageIncludes: "delegated to 'Microsoft.Web/serverFarms'" }],
    },
    {
      name: 'delegation from a parameter without value: could not verify',
      arm: fromParam,
      findings: [{ at: prop('serviceName', "[parameters('service')]"), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
  {
    valid: [{ name: 'Terraform ASEv3 subnet delegated', files: { 'main.tf': aseTerraform() } }],
    invalid: [
      {
        name: 'Terraform ASEv3 subnet without delegation',
        files: { 'main.tf': tfNone },
        findings: [{ line: lineOf(tfNone, 'resource "azurerm_subnet" "ase"'), messageIncludes: 'has no subnet delegation' }],
      },
    ],
  },
);
