import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, defaultSubnets, iseTemplate, lineOf } from './fixtures.js';

const withPrefix = (i: number, prefix: string) => {
  const s = defaultSubnets();
  s[i]!.prefix = prefix;
  return iseTemplate({ subnets: s });
};
const small = withPrefix(2, '10.0.1.64/28');
const large = withPrefix(3, '10.0.2.0/24');
const param = iseTemplate()
  .replace('"addressPrefix": "10.0.1.32/27"', `"addressPrefix": "[parameters('subnet2Prefix')]"`)
  .replace('"resources": [', '"parameters": { "subnet2Prefix": { "type": "string" } },\n  "resources": [');

ruleTester.run('ise/subnet-size', {
  valid: [
    { name: 'four /27 subnets', files: arm(iseTemplate()) },
    { name: 'a /28 that no ISE uses', files: arm(iseTemplate({ noIse: true, subnets: [{ name: 'other', prefix: '10.0.1.0/28' }] })) },
  ],
  invalid: [
    {
      name: '/28 is too small',
      files: arm(small),
      findings: [{ line: lineOf(small, '"addressPrefix": "10.0.1.64/28"'), messageIncludes: "Subnet 'ise-3' is /28 (16 addresses); an ISE subnet must be a /27 (32 addresses)" }],
    },
    {
      name: '/24 is more than needed',
      files: arm(large),
      findings: [{ line: lineOf(large, '"addressPrefix": "10.0.2.0/24"'), severity: 'note', messageIncludes: '/24 (256 addresses)' }],
    },
    {
      name: 'prefix from a parameter without value',
      files: arm(param),
      findings: [{ line: lineOf(param, `"addressPrefix": "[parameters('subnet2Prefix')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
