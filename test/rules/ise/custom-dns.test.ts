import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, lineOf, openIseRules, openIseRulesWith, ruleLine } from './fixtures.js';

const denyDns = iseTemplate({
  dnsServers: ['10.0.2.4'],
  nsgRules: openIseRulesWith({}, [{ name: 'deny-dns', priority: 95, direction: 'Outbound', access: 'Deny', destination: '10.0.2.4', destinationPort: '53' }]),
});
const paramDns = iseTemplate({ nsgRules: openIseRules() })
  .replace('"addressSpace": {', `"dhcpOptions": { "dnsServers": "[parameters('dnsServers')]" },\n      "addressSpace": {`)
  .replace('"resources": [', '"parameters": { "dnsServers": { "type": "array" } },\n  "resources": [');
const assumed = iseTemplate({ nsgRules: openIseRules() });

ruleTester.run('ise/custom-dns', {
  valid: [
    { name: 'Azure-provided DNS', files: arm(iseTemplate({ nsgRules: openIseRules() })) },
    { name: 'custom DNS in the VNet, reachable', files: arm(iseTemplate({ dnsServers: ['10.0.2.4'], nsgRules: openIseRules() })) },
    { name: 'custom DNS without an NSG', files: arm(iseTemplate({ dnsServers: ['10.0.2.4', '10.0.2.5'] })) },
  ],
  invalid: [
    {
      name: 'a Deny for port 53 to the DNS server',
      files: arm(denyDns),
      findings: [{ line: ruleLine(denyDns, 'deny-dns'), messageIncludes: 'DNS name resolution on custom DNS servers (outbound TCP and UDP 53' }],
    },
    {
      name: 'DNS servers from a parameter without value',
      files: arm(paramDns),
      findings: [{ line: lineOf(paramDns, `"dnsServers": "[parameters('dnsServers')]"`), severity: 'note', messageIncludes: 'Could not verify outbound port 53' }],
    },
    {
      name: 'custom DNS assumed by config',
      files: arm(assumed),
      config: 'assumptions:\n  customDns: true\n',
      findings: [{ line: lineOf(assumed, '"type": "Microsoft.Network/virtualNetworks"') - 1, severity: 'note', messageIncludes: 'assumptions.customDns' }],
    },
  ],
});
