import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, defaultSubnets, iseTemplate, lineOf } from './fixtures.js';

const three = iseTemplate({ iseSubnets: ['ise-1', 'ise-2', 'ise-3'], sku: 'Developer' });
const five = iseTemplate({ subnets: [...defaultSubnets(), { name: 'ise-5', prefix: '10.0.1.128/27' }] });
const dup = iseTemplate({ iseSubnets: ['ise-1', 'ise-2', 'ise-3', 'ise-3'] });
const unknownRef = iseTemplate().replace(
  `"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-4')]"`,
  `"[parameters('fourthSubnetId')]"`,
).replace('"resources": [', '"parameters": { "fourthSubnetId": { "type": "string" } },\n  "resources": [');

const listParam = iseTemplate()
  .replace(/"subnets": \[\s*\{\s*"id": "\[resourceId\('Microsoft.Network\/virtualNetworks\/subnets', 'ise-vnet', 'ise-1'\)\]"[\s\S]*?\]\s*\}\s*\}/, `"subnets": "[parameters('iseSubnets')]" } }`)
  .replace('"resources": [', '"parameters": { "iseSubnets": { "type": "array" } },\n  "resources": [');

ruleTester.run('ise/subnet-count', {
  valid: [
    { name: 'four subnets', files: arm(iseTemplate()) },
    { name: 'four subnets, Developer SKU', files: arm(iseTemplate({ sku: 'Developer' })) },
  ],
  invalid: [
    {
      name: 'Developer SKU with three subnets',
      files: arm(three),
      findings: [{ line: lineOf(three, '"subnets": [', 1), messageIncludes: 'names 3 distinct subnets' }],
    },
    {
      name: 'five subnets',
      files: arm(five),
      findings: [{ line: lineOf(five, '"subnets": [', 1), messageIncludes: 'names 5 subnets' }],
    },
    {
      name: 'a subnet listed twice',
      files: arm(dup),
      findings: [{ line: lineOf(dup, '"subnets": [', 1), messageIncludes: 'listed twice' }],
    },
    {
      name: 'a subnet id from a parameter without value',
      files: arm(unknownRef),
      findings: [{ line: lineOf(unknownRef, `"id": "[parameters('fourthSubnetId')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'the whole subnet list from a parameter without value',
      files: arm(listParam),
      findings: [{ line: lineOf(listParam, `"subnets": "[parameters('iseSubnets')]"`), severity: 'note', messageIncludes: 'the number of ISE subnets' }],
    },
  ],
});
