import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTerraform } from './terraform.fixtures.js';
import { ase, aseTemplate, lineOf, template } from './fixtures.js';

const v2small = aseTemplate({ kind: 'ASEV2', subnetPrefix: '10.0.1.0/26' });
const v3tiny = aseTemplate({ subnetPrefix: '10.0.0.0/28' });
const v3small = aseTemplate({ subnetPrefix: '10.0.0.0/26' });
const v3unknown = JSON.parse(aseTemplate()) as { parameters: Record<string, unknown>; resources: Record<string, any>[] };
v3unknown.parameters = { asePrefix: { type: 'string' } };
v3unknown.resources.find((r) => r.type === 'Microsoft.Network/virtualNetworks')!.properties.subnets[0].properties.addressPrefix = "[parameters('asePrefix')]";
const unknownText = JSON.stringify(v3unknown, null, 2);
const subnetParam = template([ase({ name: 'ase-p' })], { subnetId: { type: 'string' } }).replace(
  `"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'ase-subnet')]"`,
  `"id": "[parameters('subnetId')]"`,
);

const tfSmall = aseTerraform({ prefixes: ['10.0.2.0/28'] });

ruleTester.run('ase/subnet-size', {
  valid: [
    { name: 'ASEv2 /25', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', subnetPrefix: '10.0.1.0/25' }) } },
    { name: 'ASEv2 /24', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', subnetPrefix: '10.0.1.0/24' }) } },
    { name: 'ASEv3 /24', files: { 'azuredeploy.json': aseTemplate({ subnetPrefix: '10.0.0.0/24' }) } },
    { name: 'ASEv3 /23', files: { 'azuredeploy.json': aseTemplate({ subnetPrefix: '10.0.0.0/23' }) } },
    { name: 'no ASE', files: { 'azuredeploy.json': template([]) } },
    { name: 'ASE subnet declared in another deployment (not in the files)', files: { 'azuredeploy.json': template([ase({ name: 'ase-x' })]) } },
    { name: 'Terraform ASEv3 /24', files: { 'main.tf': aseTerraform() } },
  ],
  invalid: [
    {
      name: 'ASEv2 /26: warning, /25 recommended',
      files: { 'azuredeploy.json': v2small },
      findings: [{ line: lineOf(v2small, '"addressPrefix": "10.0.1.0/26"'), severity: 'warning', messageIncludes: '/26 (64 addresses); an ASEv2 subnet should be /25 (128 addresses)' }],
    },
    {
      name: 'ASEv3 /28: error below /27',
      files: { 'azuredeploy.json': v3tiny },
      findings: [{ line: lineOf(v3tiny, '"addressPrefix": "10.0.0.0/28"'), severity: 'error', messageIncludes: 'at least /27 (32 addresses)' }],
    },
    {
      name: 'ASEv3 /26: warning below /24',
      files: { 'azuredeploy.json': v3small },
      findings: [{ line: lineOf(v3small, '"addressPrefix": "10.0.0.0/26"'), severity: 'warning', messageIncludes: '/24 (256 addresses) is recommended' }],
    },
    {
      name: 'ASEv3 prefix from a parameter without default: could not verify',
      files: { 'azuredeploy.json': unknownText },
      findings: [{ line: lineOf(unknownText, `"addressPrefix": "[parameters('asePrefix')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'Terraform ASEv3 /28',
      files: { 'main.tf': tfSmall },
      findings: [{ line: lineOf(tfSmall, '"10.0.2.0/28"'), severity: 'error', messageIncludes: '/28 (16 addresses)' }],
    },
    {
      name: 'ASE subnet id from a parameter without value: could not verify',
      files: { 'azuredeploy.json': subnetParam },
      findings: [{ line: lineOf(subnetParam, `"id": "[parameters('subnetId')]"`), severity: 'note', messageIncludes: "the ASE's subnet" }],
    },
  ],
});
