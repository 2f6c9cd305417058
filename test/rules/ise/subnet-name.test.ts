import { twinRule } from '../../helpers/formats/twins.js';
import { defaultSubnets, iseTemplate } from './fixtures.js';

const named = (i: number, name: string) => {
  const s = defaultSubnets();
  s[i]!.name = name;
  return iseTemplate({ subnets: s });
};
const digit = named(1, '2nd-subnet');
const percent = named(2, 'ise%3');

twinRule('ise/subnet-name', {
  valid: [
    { name: 'letters, digits and hyphens', arm: iseTemplate() },
    { name: 'leading underscore', arm: named(0, '_ise_one') },
    { name: 'a digit-led subnet no ISE uses', arm: iseTemplate({ subnets: [...defaultSubnets(), { name: '9other', prefix: '10.0.2.0/27' }], iseSubnets: ['ise-1', 'ise-2', 'ise-3', 'ise-4'] }) },
  ],
  invalid: [
    {
      name: 'starts with a digit',
      arm: digit,
      findings: (d) => [{ line: d.named('2nd-subnet'), messageIncludes: "starts with '2'" }],
    },
    {
      name: 'contains %',
      arm: percent,
      findings: (d) => [{ line: d.named('ise%3'), messageIncludes: "contains '%'" }],
    },
  ],
});
