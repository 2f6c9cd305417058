import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf } from './fixtures.js';

const dual = armTemplate({ vnetPrefixes: ['10.0.0.0/16', 'fd00:db8:deca::/48'] });
const unique = armTemplate({
  vnetPrefixes: ['10.0.0.0/16', 'fd00:db8:deca::/48'],
  vnetName: "[variables('vnetName')]",
  variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" },
});
const param = armTemplate({ parameters: { v6: { type: 'string' } }, vnetPrefixes: ['10.0.0.0/16', "[parameters('v6')]"] });

ruleTester.run('vnet-integration/ipv6-address-space', {
  valid: [
    { name: 'IPv4 only', files: files(armTemplate()) },
    { name: 'dual-stack VNet nothing integrates with', files: files(armTemplate({ noIntegration: true, vnetPrefixes: ['10.0.0.0/16', 'fd00:db8:deca::/48'] })) },
  ],
  invalid: [
    { name: 'IPv6 address space', files: files(dual), findings: [{ line: lineOf(dual, '"fd00:db8:deca::/48"'), messageIncludes: 'fd00:db8:deca::/48' }] },
    { name: 'uniqueString names, IPv6 address space', files: files(unique), findings: [{ line: lineOf(unique, '"fd00:db8:deca::/48"') }] },
    { name: 'prefix from a parameter without default', files: files(param), findings: [{ line: lineOf(param, `"[parameters('v6')]"`), severity: 'note', messageIncludes: 'Could not verify' }] },
  ],
});
