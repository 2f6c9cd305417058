import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTerraform } from './terraform.fixtures.js';
import { aseTemplate, lineOf } from './fixtures.js';

const arr = aseTemplate({ asArray: true });

const tfTwo = aseTerraform({ prefixes: ['10.0.2.0/25', '10.0.2.128/25'] });

ruleTester.run('ase/subnet-prefix-string', {
  valid: [
    { name: 'ASEv3 subnet with addressPrefix', files: { 'azuredeploy.json': aseTemplate() } },
    { name: 'ASEv2 subnet with addressPrefixes (v3 only)', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', asArray: true }) } },
    { name: 'Terraform address_prefixes with one item (sent as addressPrefix)', files: { 'main.tf': aseTerraform() } },
  ],
  invalid: [
    {
      name: 'ASEv3 subnet with addressPrefixes',
      files: { 'azuredeploy.json': arr },
      findings: [{ line: lineOf(arr, '"addressPrefixes": [', { after: '"name": "ase-subnet"' }), messageIncludes: '"addressPrefix": "10.0.0.0/24"' }],
    },
    {
      name: 'Terraform address_prefixes with two items',
      files: { 'main.tf': tfTwo },
      findings: [{ line: lineOf(tfTwo, 'address_prefixes') }],
    },
  ],
});
