import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, defaultSubnets, iseTemplate, lineOf } from './fixtures.js';

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
const routeLine = (t: string) => lineOf(t, '"name": "to-firewall"') - 1;

ruleTester.run('ise/forced-tunneling', {
  valid: [
    { name: 'no route table', files: arm(iseTemplate()) },
    { name: '0.0.0.0/0 to Internet is not forced tunneling', files: arm(iseTemplate({ routes: [{ name: 'd', prefix: '0.0.0.0/0', nextHop: 'Internet' }] })) },
  ],
  invalid: [
    {
      name: 'forced tunneling with every service endpoint: only the management-routes note',
      files: arm(good),
      findings: [{ line: routeLine(good), severity: 'note', messageIncludes: 'routes with next hop Internet' }],
    },
    {
      name: 'forced tunneling, a subnet without three service endpoints',
      files: arm(missing),
      findings: [
        { line: routeLine(missing), severity: 'note' },
        { line: lineOf(missing, '"serviceEndpoints": [', 3), messageIncludes: 'Microsoft.ServiceBus, Microsoft.KeyVault, Microsoft.EventHub' },
      ],
    },
    {
      name: 'forced tunneling, an empty service endpoint list',
      files: arm(none),
      findings: [
        { line: routeLine(none), severity: 'note' },
        { line: lineOf(none, '"serviceEndpoints": []'), messageIncludes: 'Microsoft.Sql, Microsoft.Storage' },
      ],
    },
    {
      name: 'forced tunneling to a gateway; a regional Storage endpoint counts',
      files: arm(gateway),
      findings: [
        { line: routeLine(gateway), severity: 'note' },
        { line: lineOf(gateway, '"serviceEndpoints": [', 3), messageIncludes: 'lacks the service endpoint Microsoft.EventHub' },
      ],
    },
  ],
});
