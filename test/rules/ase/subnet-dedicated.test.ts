import { prop, twinRule } from '../../helpers/formats/twins.js';
import { ase, aseTemplate, subnet, subnetId } from './fixtures.js';

const nic = {
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2023-09-01',
  name: 'vm-nic',
  location: 'westeurope',
  properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId('vnet', 'ase-subnet') } } }] },
};
const nicElsewhere = { ...nic, properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId('vnet', 'vm-subnet') } } }] } };
/** The subnet reference of `user`: ARM/Bicep `id:` of its subnet, Terraform `subnet_id`. */
const subnetRefOf = (user: string) => prop('id', undefined, { after: user });

twinRule('ase/subnet-dedicated', [
  { name: 'only the ASE in its subnet', arm: aseTemplate() },
  { name: 'a NIC in another subnet', arm: aseTemplate({ subnets: [subnet({ name: 'vm-subnet', prefix: '10.0.5.0/24' })], resources: [nicElsewhere] }) },
  { name: 'a NIC in the ASE subnet', arm: aseTemplate({ resources: [nic] }), findings: [{ at: subnetRefOf('vm-nic'), messageIncludes: 'nothing else can be in an ASE subnet' }] },
  {
    name: 'two ASEs in one subnet',
    arm: aseTemplate({ resources: [ase({ name: 'ase2' })] }),
    findings: [
      { at: subnetRefOf('ase2'), messageIncludes: "'ase2'" },
      { at: subnetRefOf('ase1'), messageIncludes: "'ase1'" },
    ],
  },
]);
