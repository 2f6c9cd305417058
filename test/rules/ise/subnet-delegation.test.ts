import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, defaultSubnets, iseTemplate, lineOf } from './fixtures.js';

const ISE = 'Microsoft.Logic/integrationServiceEnvironments';
const none = (() => {
  const s = defaultSubnets();
  delete s[0]!.delegation;
  return iseTemplate({ subnets: s });
})();
const two = (() => {
  const s = defaultSubnets();
  s[2]!.delegation = ISE;
  return iseTemplate({ subnets: s });
})();
const other = (() => {
  const s = defaultSubnets();
  s[3]!.delegation = 'Microsoft.Web/serverFarms';
  return iseTemplate({ subnets: s });
})();

ruleTester.run('ise/subnet-delegation', {
  valid: [
    { name: 'exactly one subnet delegated to the ISE', files: arm(iseTemplate()) },
    { name: 'delegation written in another case', files: arm(iseTemplate().replace(ISE, 'microsoft.logic/integrationserviceenvironments')) },
  ],
  invalid: [
    {
      name: 'no subnet delegated',
      files: arm(none),
      findings: [{ line: lineOf(none, '"name": "ise-1"') - 1, messageIncludes: 'None of the subnets' }],
    },
    {
      name: 'two subnets delegated',
      files: arm(two),
      findings: [{ line: lineOf(two, `"serviceName": "${ISE}"`, 1), messageIncludes: "but so is 'ise-1'" }],
    },
    {
      name: 'a subnet delegated to another service',
      files: arm(other),
      findings: [{ line: lineOf(other, '"serviceName": "Microsoft.Web/serverFarms"'), messageIncludes: "delegated to 'Microsoft.Web/serverFarms'" }],
    },
  ],
});
