import { armTemplate, secRule } from './fixtures.js';
import { item, twinRule } from '../../helpers/formats/twins.js';

twinRule('vnet-integration/health-check', [
  { name: 'no NSG', arm: armTemplate() },
  { name: 'NSG with default outbound rules', arm: armTemplate({ nsgRules: [secRule('deny-in', 200, 'Inbound', 'Deny')] }) },
  { name: 'TCP 30000 denied, UDP open', arm: armTemplate({ nsgRules: [secRule('deny-tcp', 300, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '30000' })] }) },
  {
    name: 'UDP 30000 denied on a subnet nothing integrates with',
    arm: armTemplate({ noIntegration: true, nsgRules: [secRule('deny-udp-out', 300, 'Outbound', 'Deny', { protocol: 'Udp', destinationPortRange: '30000' })] }),
  },
  {
    name: 'UDP 30000 denied',
    arm: armTemplate({ nsgRules: [secRule('deny-udp-out', 300, 'Outbound', 'Deny', { protocol: 'Udp', destinationPortRange: '30000', destinationAddressPrefix: 'VirtualNetwork' })] }),
    findings: [{ at: item('deny-udp-out'), messageIncludes: 'UDP 30000' }],
  },
  { name: 'all outbound denied', arm: armTemplate({ nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] }), findings: [{ at: item('deny-all-out') }] },
]);
