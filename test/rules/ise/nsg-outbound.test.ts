import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate, openIseRules, openIseRulesWith } from './fixtures.js';

const noSql = iseTemplate({ nsgRules: openIseRulesWith({ 'internet-out': { destinationPort: ['80', '443', '445', '1886', '5672'] } }) });
const denyStorage = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'deny-storage', priority: 105, direction: 'Outbound', access: 'Deny', destination: 'Storage', destinationPort: '445' }]),
});
const denyVnet = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'deny-vnet-out', priority: 90, direction: 'Outbound', access: 'Deny', source: '*', destination: 'VirtualNetwork' }]),
});

twinRule('ise/nsg-outbound', {
  valid: [
    { name: 'no NSG', arm: iseTemplate() },
    { name: 'every outbound flow allowed', arm: iseTemplate({ nsgRules: openIseRules() }) },
    { name: 'only inbound rules: the default outbound rules allow everything', arm: iseTemplate({ nsgRules: openIseRulesWith({ 'deny-out': null, 'vnet-out': null, 'internet-out': null }) }) },
  ],
  invalid: [
    {
      name: '1433 to Sql not allowed',
      arm: noSql,
      findings: (d) => [{ line: d.item('deny-out'), messageIncludes: 'Azure SQL dependency (outbound TCP 1433' }],
    },
    {
      name: 'a Deny for 445 to Storage',
      arm: denyStorage,
      findings: (d) => [{ line: d.item('deny-storage'), messageIncludes: 'Azure Storage dependency' }],
    },
    {
      name: 'a Deny to VirtualNetwork blocks intersubnet and Redis traffic',
      arm: denyVnet,
      findings: (d) => [
        { line: d.item('deny-vnet-out'), messageIncludes: 'intersubnet communication' },
        { line: d.item('deny-vnet-out'), messageIncludes: 'Azure Cache for Redis' },
      ],
    },
  ],
});
