import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, lineOf, openIseRules, openIseRulesWith } from './fixtures.js';

const restricted = iseTemplate({ nsgRules: openIseRulesWith({ 'connectors-in': { sourcePort: '1024-65535' } }) });
const unrelated = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'ssh-from-admin', priority: 200, source: '198.51.100.7', sourcePort: '50000', destination: '10.0.2.4', destinationPort: '22' }]),
});

ruleTester.run('ise/nsg-source-port', {
  valid: [
    { name: 'source port * everywhere', files: arm(iseTemplate({ nsgRules: openIseRules() })) },
    { name: 'a restricted source port on a rule that serves no ISE flow', files: arm(unrelated) },
  ],
  invalid: [
    {
      name: 'the AzureConnectors rule only from source ports 1024-65535',
      files: arm(restricted),
      findings: [{ line: lineOf(restricted, '"sourcePortRange": "1024-65535"'), messageIncludes: "security rule 'connectors-in' (priority 130) of NSG 'ise-nsg' serves ISE traffic (connector deployment)" }],
    },
  ],
});
