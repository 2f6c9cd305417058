import { twinRule, type Markers } from '../../helpers/formats/twins.js';
import { defaultSubnets, iseTemplate } from './fixtures.js';
import { iseTerraformIdioms } from './idioms.js';

const ALL = ['Microsoft.Sql', 'Microsoft.Storage', 'Microsoft.ServiceBus', 'Microsoft.KeyVault', 'Microsoft.EventHub'];
const tunnel = [{ name: 'to-firewall', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance' }];
const withEndpoints = (eps: string[][]) => defaultSubnets().map((s, i) => ({ ...s, serviceEndpoints: eps[i] }));

const good = iseTemplate({ routes: tunnel, subnets: withEndpoints([ALL, ALL, ALL, ALL]) });
const missing = iseTemplate({
  routes: tunnel,
  subnets: withEndpoints([ALL, ALL, ALL, ['Microsoft.Sql', 'Microsoft.Storage']]),
});
const none = iseTemplate({ routes: tunnel, iseSubnets: ['ise-1', 'ise-2', 'ise-3', 'ise-4'], subnets: withEndpoints([ALL, ALL, ALL, []]) });
const gateway = iseTemplate({ routes: [{ name: 'to-firewall', prefix: '0.0.0.0/0', nextHop: 'VirtualNetworkGateway' }], subnets: withEndpoints([ALL, ALL, ALL, ['Microsoft.Storage.Global', 'Microsoft.Sql', 'Microsoft.ServiceBus', 'Microsoft.KeyVault']]) });

const endpoints: Markers = { arm: '"serviceEndpoints": [', bicep: 'serviceEndpoints: [', terraform: 'service_endpoints = [' };
const noEndpoints: Markers = { arm: '"serviceEndpoints": []', bicep: 'serviceEndpoints: []', terraform: 'service_endpoints = []' };

twinRule('ise/forced-tunneling', {
  valid: [
    { name: 'no route table', arm: iseTemplate() },
    { name: '0.0.0.0/0 to Internet is not forced tunneling', arm: iseTemplate({ routes: [{ name: 'd', prefix: '0.0.0.0/0', nextHop: 'Internet' }] }) },
  ],
  invalid: [
    {
      name: 'forced tunneling with every service endpoint: only the management-routes note',
      arm: good,
      findings: (d) => [{ line: d.item('to-firewall'), severity: 'note', messageIncludes: 'routes with next hop Internet' }],
    },
    {
      name: 'forced tunneling, a subnet without three service endpoints',
      arm: missing,
      findings: (d) => [
        { line: d.item('to-firewall'), severity: 'note' },
        { line: d.line(endpoints, 3), messageIncludes: 'Microsoft.ServiceBus, Microsoft.KeyVault, Microsoft.EventHub' },
      ],
    },
    {
      name: 'forced tunneling, an empty service endpoint list',
      arm: none,
      findings: (d) => [
        { line: d.item('to-firewall'), severity: 'note' },
        { line: d.line(noEndpoints), messageIncludes: 'Microsoft.Sql, Microsoft.Storage' },
      ],
    },
    {
      name: 'an azurerm_route resource to a firewall, subnets from for_each without service endpoints (Terraform)',
      only: ['terraform'],
      own: { terraform: iseTerraformIdioms },
      findings: (d) => [
        { line: d.line('resource "azurerm_route" "to_firewall"'), severity: 'note', messageIncludes: 'routes with next hop Internet' },
        ...['ise-1', 'ise-2', 'ise-3', 'ise-4'].map((n) => ({
          line: d.line('resource "azurerm_subnet" "ise"'),
          messageIncludes: `ISE subnet '${n}' is force-tunneled (route 'to-firewall' sends 0.0.0.0/0 to VirtualAppliance) but lacks the service endpoints Microsoft.Sql, Microsoft.Storage, Microsoft.ServiceBus, Microsoft.KeyVault, Microsoft.EventHub`,
        })),
      ],
    },
    {
      name: 'forced tunneling to a gateway; a regional Storage endpoint counts',
      arm: gateway,
      findings: (d) => [
        { line: d.item('to-firewall'), severity: 'note' },
        { line: d.line(endpoints, 3), messageIncludes: 'lacks the service endpoint Microsoft.EventHub' },
      ],
    },
  ],
});
