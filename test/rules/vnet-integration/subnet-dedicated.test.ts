import { armTemplate, subnetId } from './fixtures.js';
import { prop, twinRule } from '../../helpers/formats/twins.js';

const privateEndpoint = (subnet: string) => ({
  type: 'Microsoft.Network/privateEndpoints',
  apiVersion: '2023-04-01',
  name: 'pe1',
  location: "[parameters('location')]",
  properties: {
    subnet: { id: subnetId('vnet1', subnet) },
    privateLinkServiceConnections: [],
  },
});
const peSubnet = {
  type: 'Microsoft.Network/virtualNetworks/subnets',
  apiVersion: '2023-04-01',
  name: 'vnet1/endpoints',
  dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet1')]"],
  properties: { addressPrefix: '10.0.2.0/24' },
};
const nic = {
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2023-04-01',
  name: 'nic1',
  location: "[parameters('location')]",
  properties: { ipConfigurations: [{ name: 'ipconfig1', properties: { subnet: { id: subnetId('vnet1', 'integration') } } }] },
};
/** The occupant's reference to the integration subnet (ARM/Bicep `subnet: { id: … }`, Terraform `subnet_id`). */
const subnetRefOf = (occupant: string) => prop('id', undefined, { after: occupant });

twinRule('vnet-integration/subnet-dedicated', [
  { name: 'only the app uses the subnet', arm: armTemplate() },
  { name: 'private endpoint in its own subnet', arm: armTemplate({ extra: [peSubnet, privateEndpoint('endpoints')] }) },
  { name: 'private endpoint in a subnet nothing integrates with', arm: armTemplate({ noIntegration: true, extra: [privateEndpoint('integration')] }) },
  {
    name: 'private endpoint in the integration subnet',
    arm: armTemplate({ extra: [privateEndpoint('integration')] }),
    findings: [{ at: subnetRefOf('pe1'), messageIncludes: "privateEndpoints 'pe1'" }],
  },
  { name: 'NIC in the integration subnet', arm: armTemplate({ extra: [nic] }), findings: [{ at: subnetRefOf('nic1'), messageIncludes: 'networkInterfaces' }] },
]);
