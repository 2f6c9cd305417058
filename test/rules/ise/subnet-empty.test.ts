import { twinRule, type Markers } from '../../helpers/formats/twins.js';
import { iseTemplate } from './fixtures.js';

const nic = (subnet: string) => ({
  type: 'Microsoft.Network/networkInterfaces',
  apiVersion: '2023-04-01',
  name: 'jumpbox-nic',
  location: 'westeurope',
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1',
        properties: {
          privateIPAllocationMethod: 'Dynamic',
          subnet: { id: `[resourceId('Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', '${subnet}')]` },
        },
      },
    ],
  },
});
const withOther = iseTemplate({
  subnets: [
    { name: 'ise-1', prefix: '10.0.1.0/27', delegation: 'Microsoft.Logic/integrationServiceEnvironments' },
    { name: 'ise-2', prefix: '10.0.1.32/27' },
    { name: 'ise-3', prefix: '10.0.1.64/27' },
    { name: 'ise-4', prefix: '10.0.1.96/27' },
    { name: 'workloads', prefix: '10.0.2.0/24' },
  ],
  iseSubnets: ['ise-1', 'ise-2', 'ise-3', 'ise-4'],
});
const valid = withOther;
const inIse = (() => {
  const t = JSON.parse(withOther);
  t.resources.push(nic('ise-2'));
  return JSON.stringify(t, null, 2);
})();
const elsewhere = (() => {
  const t = JSON.parse(withOther);
  t.resources.push(nic('workloads'));
  return JSON.stringify(t, null, 2);
})();

const twoIses = (() => {
  const t = JSON.parse(withOther);
  const ise = t.resources.find((r: { type: string }) => r.type === 'Microsoft.Logic/integrationServiceEnvironments');
  const other = JSON.parse(JSON.stringify(ise));
  other.name = 'second-ise';
  other.properties.networkConfiguration.subnets = [{ id: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-4')]" }];
  t.resources.push(other);
  return JSON.stringify(t, null, 2);
})();


/** A reference to ISE subnet `ise-<n>` (index n-1 of the VNet's subnets). */
const subnetRef = (n: number): Markers => ({
  arm: `"id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-${n}')]"`,
  bicep: `id: virtualNetwork_ise_vnet.properties.subnets[${n - 1}].id`,
  terraform: `azurerm_subnet.ise_${n}.id`,
});

twinRule('ise/subnet-empty', {
  valid: [
    { name: 'four empty subnets', arm: valid },
    { name: 'a NIC in another subnet', arm: elsewhere },
  ],
  invalid: [
    {
      name: 'a NIC in an ISE subnet',
      arm: inIse,
      findings: (d) => [{ line: d.line(subnetRef(2), 1), messageIncludes: "deployed in subnet 'ise-2'" }],
    },
    {
      name: 'two ISEs in one subnet',
      arm: twoIses,
      findings: (d) => [{ line: d.line(subnetRef(4), 1), messageIncludes: "Another ISE 'second-ise'" }],
    },
  ],
});
