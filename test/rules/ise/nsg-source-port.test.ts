import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate, openIseRules, openIseRulesWith } from './fixtures.js';

const restricted = iseTemplate({ nsgRules: openIseRulesWith({ 'connectors-in': { sourcePort: '1024-65535' } }) });
const unrelated = iseTemplate({
  nsgRules: openIseRulesWith({}, [{ name: 'ssh-from-admin', priority: 200, source: '198.51.100.7', sourcePort: '50000', destination: '10.0.2.4', destinationPort: '22' }]),
});

twinRule('ise/nsg-source-port', {
  valid: [
    { name: 'source port * everywhere', arm: iseTemplate({ nsgRules: openIseRules() }) },
    { name: 'a restricted source port on a rule that serves no ISE flow', arm: unrelated },
  ],
  invalid: [
    {
      name: 'the AzureConnectors rule only from source ports 1024-65535',
      arm: restricted,
      findings: (d) => [
        {
          line: d.line('1024-65535'),
          messageIncludes:
            "security rule 'connectors-in' (priority 130) of NSG 'ise-nsg' serves ISE traffic (connector deployment) but only from source ports 1024-65535; " +
            (d.format === 'terraform' ? 'source ports are ephemeral, so ISE rules need source port range \'*\'. Set its source port range (source_port_range) to "*".' : "source ports are ephemeral, so ISE rules need source port range '*'. Set its source port range (sourcePortRange) to '*'."),
        },
      ],
    },
  ],
});
