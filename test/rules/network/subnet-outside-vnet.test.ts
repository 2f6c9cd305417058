import { subnet, template, vnet } from '../ase/fixtures.js';
import { twinRule } from '../../helpers/formats/twins.js';

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

twinRule('network/subnet-outside-vnet', {
  valid: [
    { name: 'subnets inside the second address prefix', arm: template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16', '10.2.0.0/16'], subnets: [subnet({ name: 'a', prefix: '10.2.1.0/24' })] })]) },
    { name: 'subnet equal to the VNet', arm: template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/24'], subnets: [subnet({ name: 'a', prefix: '10.0.0.0/24' })] })]) },
  ],
  invalid: [
    { name: 'subnet outside every VNet prefix', arm: outside, findings: (d) => [{ line: d.line('10.1.0.0/24'), messageIncludes: '10.0.0.0/16, 10.2.0.0/16' }] },
    { name: 'subnet larger than the VNet', arm: straddles, findings: (d) => [{ line: d.line('10.0.0.0/23') }] },
    { name: 'child subnet resource outside', arm: childResource, findings: (d) => [{ line: d.line('192.168.0.0/24') }] },
  ],
});
