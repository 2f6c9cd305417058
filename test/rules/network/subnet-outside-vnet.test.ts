import { ruleTester } from '../../helpers/rule-tester.js';
import { lineOf, subnet, template, vnet } from '../ase/fixtures.js';

const outside = template([
  vnet({ name: 'vnet', prefixes: ['10.0.0.0/16', '10.2.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.2.1.0/24' }), subnet({ name: 'b', prefix: '10.1.0.0/24' })] }),
]);
const straddles = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/24'], subnets: [subnet({ name: 'wide', prefix: '10.0.0.0/23' })] })]);
const childResource = template([
  vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [] }),
  {
    type: 'Microsoft.Network/virtualNetworks/subnets',
    apiVersion: '2023-09-01',
    name: 'vnet/child',
    dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"],
    properties: { addressPrefix: '192.168.0.0/24' },
  },
]);

ruleTester.run('network/subnet-outside-vnet', {
  valid: [
    { name: 'subnets inside the second address prefix', files: { 'azuredeploy.json': template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16', '10.2.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.2.1.0/24' })] })]) } },
    { name: 'subnet equal to the VNet', files: { 'azuredeploy.json': template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/24'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' })] })]) } },
  ],
  invalid: [
    { name: 'subnet outside every VNet prefix', files: { 'azuredeploy.json': outside }, findings: [{ line: lineOf(outside, '"addressPrefix": "10.1.0.0/24"'), messageIncludes: '10.0.0.0/16, 10.2.0.0/16' }] },
    { name: 'subnet larger than the VNet', files: { 'azuredeploy.json': straddles }, findings: [{ line: lineOf(straddles, '"addressPrefix": "10.0.0.0/23"') }] },
    { name: 'child subnet resource outside', files: { 'azuredeploy.json': childResource }, findings: [{ line: lineOf(childResource, '"addressPrefix": "192.168.0.0/24"') }] },
  ],
});
