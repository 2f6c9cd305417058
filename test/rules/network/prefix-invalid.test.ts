import { ruleTester } from '../../helpers/rule-tester.js';
import { lineOf, subnet, template, vnet } from '../ase/fixtures.js';

const net = (vnetPrefixes: string[], subnetPrefix: string) =>
  template([vnet({ name: 'vnet', prefixes: vnetPrefixes, subnets: [subnet({ name: 'app', prefix: subnetPrefix })] })]);

const hostBits = net(['10.0.0.0/16'], '10.0.1.5/24');
const vnetHostBits = net(['10.1.0.0/8'], '10.0.1.0/24');
const garbage = net(['10.0.0.0/16'], '10.0.300.0/24');
const tooLong = net(['10.0.0.0/16'], '10.0.1.0/33');
const fromParam = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'app', prefix: "[parameters('appPrefix')]" })] })], {
  appPrefix: { type: 'string' },
});
const withDefault = template([vnet({ name: 'vnet', prefixes: ['10.0.0.0/16'], subnets: [subnet({ name: 'app', prefix: "[parameters('appPrefix')]" })] })], {
  appPrefix: { type: 'string', defaultValue: '10.0.4.5/24' },
});

ruleTester.run('network/prefix-invalid', {
  valid: [
    { name: 'valid IPv4 prefixes', files: { 'azuredeploy.json': net(['10.0.0.0/16'], '10.0.1.0/24') } },
    { name: 'valid IPv6 prefixes', files: { 'azuredeploy.json': net(['10.0.0.0/16', 'fd00:db8::/48'], '10.0.1.0/24') } },
  ],
  invalid: [
    {
      name: 'subnet prefix with host bits set',
      files: { 'azuredeploy.json': hostBits },
      findings: [{ line: lineOf(hostBits, '"addressPrefix": "10.0.1.5/24"'), messageIncludes: '10.0.1.0/24' }],
    },
    {
      name: 'VNet prefix with host bits set',
      files: { 'azuredeploy.json': vnetHostBits },
      findings: [{ line: lineOf(vnetHostBits, '"10.1.0.0/8"'), messageIncludes: 'should be 10.0.0.0/8' }],
    },
    { name: 'octet above 255', files: { 'azuredeploy.json': garbage }, findings: [{ line: lineOf(garbage, '"10.0.300.0/24"'), messageIncludes: 'not a CIDR' }] },
    { name: 'prefix length 33', files: { 'azuredeploy.json': tooLong }, findings: [{ line: lineOf(tooLong, '"10.0.1.0/33"'), messageIncludes: 'out of range' }] },
    {
      name: 'prefix from a parameter without value: one could-not-verify note',
      files: { 'azuredeploy.json': fromParam },
      findings: [{ line: lineOf(fromParam, `"addressPrefix": "[parameters('appPrefix')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'prefix from a parameter default with host bits',
      files: { 'azuredeploy.json': withDefault },
      findings: [{ line: lineOf(withDefault, `"addressPrefix": "[parameters('appPrefix')]"`), messageIncludes: 'should be 10.0.4.0/24' }],
    },
  ],
});
