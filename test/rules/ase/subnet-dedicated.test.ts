import { ruleTester } from '../../helpers/rule-tester.js';
import { ase, aseTemplate, lineOf, subnet, subnetId } from './fixtures.js';

const nic = {
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2023-09-01',
  name: 'vm-nic',
  location: 'westeurope',
  properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId('vnet', 'ase-subnet') } } }] },
};
const nicElsewhere = { ...nic, properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId('vnet', 'vm-subnet') } } }] } };
const withNic = aseTemplate({ resources: [nic] });
const twoAses = aseTemplate({ resources: [ase({ name: 'ase2' })] });

ruleTester.run('ase/subnet-dedicated', {
  valid: [
    { name: 'only the ASE in its subnet', files: { 'azuredeploy.json': aseTemplate() } },
    {
      name: 'a NIC in another subnet',
      files: { 'azuredeploy.json': aseTemplate({ subnets: [subnet({ name: 'vm-subnet', prefix: '10.0.5.0/24' })], resources: [nicElsewhere] }) },
    },
  ],
  invalid: [
    {
      name: 'a NIC in the ASE subnet',
      files: { 'azuredeploy.json': withNic },
      findings: [{ line: lineOf(withNic, '"subnet": {', { after: '"name": "vm-nic"' }) + 1, messageIncludes: 'nothing else can be in an ASE subnet' }],
    },
    {
      name: 'two ASEs in one subnet',
      files: { 'azuredeploy.json': twoAses },
      findings: [
        { line: lineOf(twoAses, '"id": "[resourceId(\'Microsoft.Network/virtualNetworks/subnets\', \'vnet\', \'ase-subnet\')]"', { after: '"name": "ase2"' }), messageIncludes: "'ase2'" },
        { line: lineOf(twoAses, '"id": "[resourceId(\'Microsoft.Network/virtualNetworks/subnets\', \'vnet\', \'ase-subnet\')]"', { after: '"name": "ase1"' }), messageIncludes: "'ase1'" },
      ],
    },
  ],
});
