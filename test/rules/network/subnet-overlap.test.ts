import { ruleTester } from '../../helpers/rule-tester.js';
import { lineOf, subnet, template, vnet } from '../ase/fixtures.js';

const overlap = template([
  vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' }), subnet({ name: 'b', prefix: '10.0.0.128/25' }), subnet({ name: 'c', prefix: '10.0.1.0/24' })] }),
]);
const vnetOverlap = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16', '10.0.128.0/17'], subnets: [] })]);
const otherVnets = template([
  vnet({ name: 'one', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' })] }),
  vnet({ name: 'two', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' })] }),
]);

const fromParam = template(
  [vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' }), subnet({ name: 'b', prefix: "[parameters('bPrefix')]" })] })],
  { bPrefix: { type: 'string' } },
);

ruleTester.run('network/subnet-overlap', {
  valid: [
    { name: 'adjacent subnets', files: { 'azuredeploy.json': template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/25' }), subnet({ name: 'b', prefix: '10.0.0.128/25' })] })]) } },
    { name: 'same ranges in two different VNets', files: { 'azuredeploy.json': otherVnets } },
    { name: 'a prefix from a parameter without value (network/prefix-invalid notes it)', files: { 'azuredeploy.json': fromParam } },
  ],
  invalid: [
    { name: 'subnet inside another subnet', files: { 'azuredeploy.json': overlap }, findings: [{ line: lineOf(overlap, '"addressPrefix": "10.0.0.128/25"'), messageIncludes: "subnet 'a'" }] },
    { name: 'overlapping VNet address prefixes', files: { 'azuredeploy.json': vnetOverlap }, findings: [{ line: lineOf(vnetOverlap, '"10.0.128.0/17"'), messageIncludes: 'overlaps its address prefix 10.0.0.0/16' }] },
  ],
});
