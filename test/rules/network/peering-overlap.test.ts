import { ruleTester } from '../../helpers/rule-tester.js';
import { lineOf, template, vnet, vnetId } from '../ase/fixtures.js';

const peering = (from: string, to: string) => ({
  type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  apiVersion: '2023-09-01',
  name: `${from}/${from}-to-${to}`,
  dependsOn: [vnetId(from), vnetId(to)],
  properties: { allowVirtualNetworkAccess: true, remoteVirtualNetwork: { id: vnetId(to) } },
});
const hub = vnet({ name: 'hub', prefixes: ['10.0.0.0/16'], subnets: [] });
const overlapping = template([hub, vnet({ name: 'spoke', prefixes: ['10.0.128.0/24'], subnets: [] }), peering('hub', 'spoke')]);

ruleTester.run('network/peering-overlap', {
  valid: [
    { name: 'disjoint peered VNets', files: { 'azuredeploy.json': template([hub, vnet({ name: 'spoke', prefixes: ['10.1.0.0/16'], subnets: [] }), peering('hub', 'spoke')]) } },
    { name: 'overlapping VNets that are not peered', files: { 'azuredeploy.json': template([hub, vnet({ name: 'spoke', prefixes: ['10.0.0.0/16'], subnets: [] })]) } },
  ],
  invalid: [
    {
      name: 'peering between overlapping address spaces',
      files: { 'azuredeploy.json': overlapping },
      findings: [{ line: lineOf(overlapping, '"remoteVirtualNetwork": {') + 1, messageIncludes: '10.0.0.0/16 and 10.0.128.0/24' }],
    },
  ],
});
