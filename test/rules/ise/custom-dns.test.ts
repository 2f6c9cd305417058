import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate, openIseRules, openIseRulesWith } from './fixtures.js';

const denyDns = iseTemplate({
  dnsServers: ['10.0.2.4'],
  nsgRules: openIseRulesWith({}, [{ name: 'deny-dns', priority: 95, direction: 'Outbound', access: 'Deny', destination: '10.0.2.4', destinationPort: '53' }]),
});
const paramDns = iseTemplate({ nsgRules: openIseRules() })
  .replace('"addressSpace": {', `"dhcpOptions": { "dnsServers": "[parameters('dnsServers')]" },\n      "addressSpace": {`)
  .replace('"resources": [', '"parameters": { "dnsServers": { "type": "array" } },\n  "resources": [');
const assumed = iseTemplate({ nsgRules: openIseRules() });

twinRule('ise/custom-dns', {
  valid: [
    { name: 'Azure-provided DNS', arm: iseTemplate({ nsgRules: openIseRules() }) },
    { name: 'custom DNS in the VNet, reachable', arm: iseTemplate({ dnsServers: ['10.0.2.4'], nsgRules: openIseRules() }) },
    { name: 'custom DNS without an NSG', arm: iseTemplate({ dnsServers: ['10.0.2.4', '10.0.2.5'] }) },
  ],
  invalid: [
    {
      name: 'a Deny for port 53 to the DNS server',
      arm: denyDns,
      findings: (d) => [{ line: d.item('deny-dns'), messageIncludes: 'DNS name resolution on custom DNS servers (outbound TCP and UDP 53' }],
    },
    {
      name: 'DNS servers from a parameter without value',
      arm: paramDns,
      findings: (d) => [{ line: d.param('dnsServers'), severity: 'note', messageIncludes: 'Could not verify outbound port 53' }],
    },
    {
      name: 'custom DNS assumed by config',
      arm: assumed,
      config: 'assumptions:\n  customDns: true\n',
      findings: (d) => [{ line: d.resource('Microsoft.Network/virtualNetworks'), severity: 'note', messageIncludes: 'assumptions.customDns' }],
    },
  ],
});
