import { template, vnet, vnetId } from '../ase/fixtures.js';
import { twinRule } from '../../helpers/formats/twins.js';

const peering = (from: string, to: string) => ({
  type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  apiVersion: '2023-09-01',
  name: `${from}/${from}-to-${to}`,
  dependsOn: [vnetId(from), vnetId(to)],
  properties: { allowVirtualNetworkAccess: true, remoteVirtualNetwork: { id: vnetId(to) } },
});
const hub = vnet({ name: 'hub', prefixes: ['10.0.0.0/16'], subnets: [] });
const overlapping = template([hub, vnet({ name: 'spoke', prefixes: ['10.0.128.0/24'], subnets: [] }), peering('hub', 'spoke')]);

twinRule('network/peering-overlap', {
  valid: [
    { name: 'disjoint peered VNets', arm: template([hub, vnet({ name: 'spoke', prefixes: ['10.1.0.0/16'], subnets: [] }), peering('hub', 'spoke')]) },
    { name: 'overlapping VNets that are not peered', arm: template([hub, vnet({ name: 'spoke', prefixes: ['10.0.0.0/16'], subnets: [] })]) },
  ],
  invalid: [
    {
      name: 'peering between overlapping address spaces',
      arm: overlapping,
      findings: (d) => [
        {
          line: d.line({ arm: `"id": "${vnetId('spoke')}"`, bicep: 'id: virtualNetwork_spoke.id', terraform: 'remote_virtual_network_id = ' }),
          messageIncludes: '10.0.0.0/16 and 10.0.128.0/24',
        },
      ],
    },
  ],
});
