import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, itemLine, secRule } from './fixtures.js';

const denyUdp = armTemplate({ nsgRules: [secRule('deny-udp-out', 300, 'Outbound', 'Deny', { protocol: 'Udp', destinationPortRange: '30000', destinationAddressPrefix: 'VirtualNetwork' })] });
const denyAll = armTemplate({ nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] });

ruleTester.run('vnet-integration/health-check', {
  valid: [
    { name: 'no NSG', files: files(armTemplate()) },
    { name: 'NSG with default outbound rules', files: files(armTemplate({ nsgRules: [secRule('deny-in', 200, 'Inbound', 'Deny')] })) },
    { name: 'TCP 30000 denied, UDP open', files: files(armTemplate({ nsgRules: [secRule('deny-tcp', 300, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '30000' })] })) },
    { name: 'UDP 30000 denied on a subnet nothing integrates with', files: files(armTemplate({ noIntegration: true, nsgRules: [secRule('deny-udp-out', 300, 'Outbound', 'Deny', { protocol: 'Udp', destinationPortRange: '30000' })] })) },
  ],
  invalid: [
    { name: 'UDP 30000 denied', files: files(denyUdp), findings: [{ line: itemLine(denyUdp, 'deny-udp-out'), messageIncludes: 'UDP 30000' }] },
    { name: 'all outbound denied', files: files(denyAll), findings: [{ line: itemLine(denyAll, 'deny-all-out') }] },
  ],
});
