import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, defaultSubnets, iseTemplate, lineOf } from './fixtures.js';

const named = (i: number, name: string) => {
  const s = defaultSubnets();
  s[i]!.name = name;
  return iseTemplate({ subnets: s });
};
const digit = named(1, '2nd-subnet');
const percent = named(2, 'ise%3');

ruleTester.run('ise/subnet-name', {
  valid: [
    { name: 'letters, digits and hyphens', files: arm(iseTemplate()) },
    { name: 'leading underscore', files: arm(named(0, '_ise_one')) },
    { name: 'a digit-led subnet no ISE uses', files: arm(iseTemplate({ subnets: [...defaultSubnets(), { name: '9other', prefix: '10.0.2.0/27' }], iseSubnets: ['ise-1', 'ise-2', 'ise-3', 'ise-4'] })) },
  ],
  invalid: [
    {
      name: 'starts with a digit',
      files: arm(digit),
      findings: [{ line: lineOf(digit, '"name": "2nd-subnet"'), messageIncludes: "starts with '2'" }],
    },
    {
      name: 'contains %',
      files: arm(percent),
      findings: [{ line: lineOf(percent, '"name": "ise%3"'), messageIncludes: "contains '%'" }],
    },
  ],
});
