import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, openIseRules, openIseRulesWith, ruleLine } from './fixtures.js';

const noSql = iseTemplate({ nsgRules: openIseRulesWith({ 'internet-out': { destinationPort: ['80', '443', '445', '1886', '5672'] } }) });
const denyStorage = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'deny-storage', priority: 105, direction: 'Outbound', access: 'Deny', destination: 'Storage', destinationPort: '445' }]),
});
const denyVnet = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'deny-vnet-out', priority: 90, direction: 'Outbound', access: 'Deny', source: '*', destination: 'VirtualNetwork' }]),
});

ruleTester.run('ise/nsg-outbound', {
  valid: [
    { name: 'no NSG', files: arm(iseTemplate()) },
    { name: 'every outbound flow allowed', files: arm(iseTemplate({ nsgRules: openIseRules() })) },
    { name: 'only inbound rules: the default outbound rules allow everything', files: arm(iseTemplate({ nsgRules: openIseRulesWith({ 'deny-out': null, 'vnet-out': null, 'internet-out': null }) })) },
  ],
  invalid: [
    {
      name: '1433 to Sql not allowed',
      files: arm(noSql),
      findings: [{ line: ruleLine(noSql, 'deny-out'), messageIncludes: 'Azure SQL dependency (outbound TCP 1433' }],
    },
    {
      name: 'a Deny for 445 to Storage',
      files: arm(denyStorage),
      findings: [{ line: ruleLine(denyStorage, 'deny-storage'), messageIncludes: 'Azure Storage dependency' }],
    },
    {
      name: 'a Deny to VirtualNetwork blocks intersubnet and Redis traffic',
      files: arm(denyVnet),
      findings: [
        { line: ruleLine(denyVnet, 'deny-vnet-out'), messageIncludes: 'intersubnet communication' },
        { line: ruleLine(denyVnet, 'deny-vnet-out'), messageIncludes: 'Azure Cache for Redis' },
      ],
    },
  ],
});
