import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf, subnetId } from './fixtures.js';

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
const withPe = armTemplate({ extra: [privateEndpoint('integration')] });
const withNic = armTemplate({ extra: [nic] });
const MARK = `"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1', 'integration')]"`;

ruleTester.run('vnet-integration/subnet-dedicated', {
  valid: [
    { name: 'only the app uses the subnet', files: files(armTemplate()) },
    { name: 'private endpoint in its own subnet', files: files(armTemplate({ extra: [peSubnet, privateEndpoint('endpoints')] })) },
    { name: 'private endpoint in a subnet nothing integrates with', files: files(armTemplate({ noIntegration: true, extra: [privateEndpoint('integration')] })) },
  ],
  invalid: [
    { name: 'private endpoint in the integration subnet', files: files(withPe), findings: [{ line: lineOf(withPe, MARK), messageIncludes: "privateEndpoints 'pe1'" }] },
    { name: 'NIC in the integration subnet', files: files(withNic), findings: [{ line: lineOf(withNic, MARK), messageIncludes: 'networkInterfaces' }] },
  ],
});
