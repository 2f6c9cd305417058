import { prop, twinRule } from '../../helpers/formats/twins.js';
import { aseTerraform } from './terraform.fixtures.js';
import { ase, aseTemplate, lineOf, template } from './fixtures.js';

const v3unknown = JSON.parse(aseTemplate()) as { parameters: Record<string, unknown>; resources: Record<string, any>[] };
v3unknown.parameters = { asePrefix: { type: 'string' } };
v3unknown.resources.find((r) => r.type === 'Microsoft.Network/virtualNetworks')!.properties.subnets[0].properties.addressPrefix = "[parameters('asePrefix')]";
const subnetParam = template([ase({ name: 'ase-p' })], { subnetId: { type: 'string' } }).replace(
  `"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'ase-subnet')]"`,
  `"id": "[parameters('subnetId')]"`,
);
const tfSmall = aseTerraform({ prefixes: ['10.0.2.0/28'] });

twinRule(
  'ase/subnet-size',
  [
    { name: 'ASEv2 /25', arm: aseTemplate({ kind: 'ASEV2', subnetPrefix: '10.0.1.0/25' }) },
    { name: 'ASEv2 /24', arm: aseTemplate({ kind: 'ASEV2', subnetPrefix: '10.0.1.0/24' }) },
    { name: 'ASEv3 /24', arm: aseTemplate({ subnetPrefix: '10.0.0.0/24' }) },
    { name: 'ASEv3 /23', arm: aseTemplate({ subnetPrefix: '10.0.0.0/23' }) },
    { name: 'no ASE', arm: template([]) },
    {
      // Unknown is not false: a subnet the checked files don't declare is a could-not-verify note.
      name: 'ASE subnet declared in another deployment (not in the files): could not verify',
      arm: template([ase({ name: 'ase-x' })]),
      findings: (d) => [{ line: d.line('ase-subnet'), severity: 'note', messageIncludes: "Could not verify the ASE's subnet 'ase-subnet'" }],
    },
    {
      name: 'ASEv2 /26: warning, /25 recommended',
      arm: aseTemplate({ kind: 'ASEV2', subnetPrefix: '10.0.1.0/26' }),
      findings: [{ at: prop('addressPrefix', '10.0.1.0/26'), severity: 'warning', messageIncludes: '/26 (64 addresses); an ASEv2 subnet should be /25 (128 addresses)' }],
    },
    { name: 'ASEv3 /28: error below /27', arm: aseTemplate({ subnetPrefix: '10.0.0.0/28' }), findings: [{ at: prop('addressPrefix', '10.0.0.0/28'), severity: 'error', messageIncludes: 'at least /27 (32 addresses)' }] },
    {
      name: 'ASEv3 /26: warning below /24',
      arm: aseTemplate({ subnetPrefix: '10.0.0.0/26' }),
      findings: [{ at: prop('addressPrefix', '10.0.0.0/26'), severity: 'warning', messageIncludes: '/24 (256 addresses) is recommended' }],
    },
    {
      name: 'ASEv3 prefix from a parameter without default: could not verify',
      arm: JSON.stringify(v3unknown, null, 2),
      findings: [{ at: prop('addressPrefix', "[parameters('asePrefix')]"), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'ASE subnet id from a parameter without value: could not verify',
      arm: subnetParam,
      findings: [{ at: prop('id', "[parameters('subnetId')]"), severity: 'note', messageIncludes: "the ASE's subnet" }],
    },
  ],
  {
    valid: [{ name: 'Terraform ASEv3 /24', files: { 'main.tf': aseTerraform() } }],
    invalid: [{ name: 'Terraform ASEv3 /28', files: { 'main.tf': tfSmall }, findings: [{ line: lineOf(tfSmall, '"10.0.2.0/28"'), severity: 'error', messageIncludes: '/28 (16 addresses)' }] }],
  },
);
