import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf } from './fixtures.js';

const p29 = armTemplate({ subnetPrefix: '10.0.1.0/29' });
const p28 = armTemplate({ subnetPrefix: '10.0.1.0/28' });
const p27 = armTemplate({ subnetPrefix: '10.0.1.0/27' });
const unique = armTemplate({ subnetPrefix: '10.0.1.0/29', vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } });
const param = armTemplate({ parameters: { subnetPrefix: { type: 'string' } }, subnetPrefix: "[parameters('subnetPrefix')]" });

ruleTester.run('vnet-integration/subnet-size', {
  valid: [
    { name: '/26 subnet', files: files(armTemplate()) },
    { name: '/24 subnet', files: files(armTemplate({ subnetPrefix: '10.0.1.0/24' })) },
    { name: '/29 subnet nothing integrates with', files: files(armTemplate({ subnetPrefix: '10.0.1.0/29', noIntegration: true })) },
  ],
  invalid: [
    { name: '/29 subnet', files: files(p29), findings: [{ line: lineOf(p29, '"addressPrefix": "10.0.1.0/29"'), messageIncludes: '/29 (8 addresses)' }] },
    { name: '/28 subnet: below the recommended /26', files: files(p28), findings: [{ line: lineOf(p28, '"addressPrefix": "10.0.1.0/28"'), severity: 'warning', messageIncludes: '/26 (64 addresses)' }] },
    { name: '/27 subnet: below the recommended /26', files: files(p27), findings: [{ line: lineOf(p27, '"addressPrefix": "10.0.1.0/27"'), severity: 'warning' }] },
    { name: 'uniqueString names, /29 subnet', files: files(unique), findings: [{ line: lineOf(unique, '"addressPrefix": "10.0.1.0/29"') }] },
    { name: 'prefix from a parameter without default', files: files(param), findings: [{ line: lineOf(param, '"addressPrefix": "[parameters('), severity: 'note', messageIncludes: 'Could not verify' }] },
  ],
});
