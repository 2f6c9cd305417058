import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate, openIseRules, openIseRulesWith } from './fixtures.js';

const callers = { name: 'callers-in', priority: 170, source: 'Internet', destination: 'VirtualNetwork', destinationPort: '443' };
const closed = iseTemplate({ endpoint: 'External', nsgRules: openIseRulesWith({}, [callers]) });
const tag = openIseRulesWith({}, [callers, { name: 'connectors-all-in', priority: 180, source: 'AzureConnectors', destination: 'VirtualNetwork' }]);
const ips = openIseRulesWith({}, [callers, { name: 'connector-ips-in', priority: 180, source: '52.178.0.0/24', destination: 'VirtualNetwork' }]);

twinRule('ise/external-connector-inbound', {
  valid: [
    { name: 'internal ISE', arm: iseTemplate({ nsgRules: openIseRules() }) },
    { name: 'external ISE without an NSG', arm: iseTemplate({ endpoint: 'External' }) },
    { name: 'external ISE, AzureConnectors allowed on all ports', arm: iseTemplate({ endpoint: 'External', nsgRules: tag }) },
    { name: "external ISE, the connectors' public addresses allowed on all ports", arm: iseTemplate({ endpoint: 'External', nsgRules: ips }) },
  ],
  invalid: [
    {
      name: 'external ISE, connectors only on 454',
      arm: closed,
      findings: (d) => [{ line: d.item('deny-in'), messageIncludes: "managed connectors' outbound IP addresses" }],
    },
  ],
});
