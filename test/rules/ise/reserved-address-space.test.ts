import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate } from './fixtures.js';

const shared = iseTemplate({
  vnetPrefixes: ['100.64.0.0/22'],
  subnets: [
    { name: 'ise-1', prefix: '100.64.1.0/27', delegation: 'Microsoft.Logic/integrationServiceEnvironments' },
    { name: 'ise-2', prefix: '100.64.1.32/27' },
    { name: 'ise-3', prefix: '100.64.1.64/27' },
    { name: 'ise-4', prefix: '100.64.1.96/27' },
  ],
});
const second = iseTemplate({ vnetPrefixes: ['10.0.0.0/22', '127.0.0.0/24'] });

twinRule('ise/reserved-address-space', {
  valid: [
    { name: 'private 10.0.0.0/22', arm: iseTemplate() },
    { name: 'a VNet in 100.64.0.0/10 without an ISE', arm: iseTemplate({ noIse: true, vnetPrefixes: ['100.64.0.0/22'], subnets: [{ name: 'a', prefix: '100.64.1.0/27' }] }) },
  ],
  invalid: [
    {
      name: 'VNet and subnets in the shared address space 100.64.0.0/10',
      arm: shared,
      findings: (d) => [
        { line: d.line('100.64.0.0/22'), messageIncludes: "Virtual network 'ise-vnet'" },
        { line: d.line('100.64.1.0/27'), messageIncludes: "ISE subnet 'ise-1'" },
        { line: d.line('100.64.1.32/27') },
        { line: d.line('100.64.1.64/27') },
        { line: d.line('100.64.1.96/27') },
      ],
    },
    {
      name: 'a second VNet prefix in loopback space',
      arm: second,
      findings: (d) => [{ line: d.line('127.0.0.0/24'), messageIncludes: 'overlaps 127.0.0.0/8' }],
    },
  ],
});
