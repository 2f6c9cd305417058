import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf, secRule } from './fixtures.js';

const denyIn = armTemplate({ nsgRules: [secRule('deny-internet-in', 200, 'Inbound', 'Deny', { sourceAddressPrefix: 'Internet' }), secRule('allow-https-in', 300, 'Inbound', 'Allow', { destinationPortRange: '443' })] });

ruleTester.run('vnet-integration/inbound-rules-ineffective', {
  valid: [
    { name: 'no NSG', files: files(armTemplate()) },
    { name: 'outbound rules only', files: files(armTemplate({ nsgRules: [secRule('deny-out', 200, 'Outbound', 'Deny', { destinationAddressPrefix: 'Internet', destinationPortRange: '25' })] })) },
    { name: 'inbound rule for the private ports only', files: files(armTemplate({ nsgRules: [secRule('private-ports', 200, 'Inbound', 'Allow', { destinationPortRange: '20000-30000' })] })) },
    { name: 'NSG on a subnet nothing integrates with', files: files(armTemplate({ noIntegration: true, nsgRules: [secRule('deny-in', 200, 'Inbound', 'Deny')] })) },
  ],
  invalid: [
    {
      name: 'inbound deny and allow rules',
      files: files(denyIn),
      findings: [{ line: lineOf(denyIn, '"direction": "Inbound"'), messageIncludes: "2 inbound security rules ('deny-internet-in', 'allow-https-in')" }],
    },
  ],
});
