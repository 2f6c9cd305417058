import { twinRule, type Markers } from '../../helpers/formats/twins.js';
import { iseTemplate, openIseRules, openIseRulesWith } from './fixtures.js';

const tcpOnly = iseTemplate({ nsgRules: openIseRulesWith({ 'connectors-in': { protocol: 'Tcp' } }) });
const pair = iseTemplate({
  nsgRules: openIseRulesWith({ 'apim-in': { protocol: 'Tcp' } }, [{ name: 'apim-in-udp', priority: 161, protocol: 'Udp', source: 'ApiManagement', destination: 'VirtualNetwork', destinationPort: '3443' }]),
});
const denyUdp = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'deny-udp-454', priority: 105, protocol: 'Udp', access: 'Deny', destinationPort: '454' }]),
});
const bothTcpOnly = iseTemplate({ nsgRules: openIseRulesWith({ 'internet-out': { protocol: 'Tcp' } }) });
const tcpBlocked = iseTemplate({ nsgRules: openIseRulesWith({ 'connectors-in': { protocol: 'Udp' } }) });

const tcp: Markers = { arm: '"protocol": "Tcp"', bicep: "protocol: 'Tcp'", terraform: 'protocol = "Tcp"' };

twinRule('ise/nsg-protocol', {
  valid: [
    { name: 'protocol * everywhere', arm: iseTemplate({ nsgRules: openIseRules() }) },
    { name: 'a TCP rule and a UDP rule', arm: pair },
    { name: 'blocked for TCP (ise/nsg-inbound reports it, not this rule)', arm: tcpBlocked },
  ],
  invalid: [
    {
      name: 'an Allow rule for TCP only',
      arm: tcpOnly,
      findings: (d) => [{ line: d.line(tcp), messageIncludes: "security rule 'connectors-in' (priority 130) allows connector deployment (inbound 454) for TCP only" }],
    },
    {
      name: 'a Deny rule for UDP 454',
      arm: denyUdp,
      findings: (d) => [{ line: d.item('deny-udp-454'), messageIncludes: "security rule 'deny-udp-454' (priority 105) denies UDP" }],
    },
    {
      name: 'one TCP-only outbound rule serving several flows: one finding',
      arm: bothTcpOnly,
      findings: (d) => [{ line: d.line(tcp), messageIncludes: 'Azure SQL dependency (outbound 1433)' }],
    },
  ],
});
