import { prop, twinRule } from '../../helpers/formats/twins.js';
import { aseTerraform } from './terraform.fixtures.js';
import { aseTemplate, lineOf } from './fixtures.js';

const tfTwo = aseTerraform({ prefixes: ['10.0.2.0/25', '10.0.2.128/25'] });

twinRule(
  'ase/subnet-prefix-string',
  [
    { name: 'ASEv3 subnet with addressPrefix', arm: aseTemplate() },
    { name: 'ASEv2 subnet with addressPrefixes (v3 only)', arm: aseTemplate({ kind: 'ASEV2', asArray: true }) },
    {
      name: 'ASEv3 subnet with addressPrefixes',
      arm: aseTemplate({ asArray: true }),
      findings: [{ at: prop('addressPrefixes', undefined, { after: 'ase-subnet' }), messageIncludes: '"addressPrefix": "10.0.0.0/24"' }],
      differs: {
        terraform: {
          findings: [],
          why: 'azurerm_subnet has only address_prefixes; with one item the provider sends addressPrefix, so the twin of both ARM forms is valid',
        },
      },
    },
  ],
  {
    valid: [{ name: 'Terraform address_prefixes with one item (sent as addressPrefix)', files: { 'main.tf': aseTerraform() } }],
    invalid: [{ name: 'Terraform address_prefixes with two items', files: { 'main.tf': tfTwo }, findings: [{ line: lineOf(tfTwo, 'address_prefixes') }] }],
  },
);
