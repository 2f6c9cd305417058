import { armTemplate, secRule } from './fixtures.js';
import { prop, twinRule } from '../../helpers/formats/twins.js';

twinRule('vnet-integration/inbound-rules-ineffective', [
  { name: 'no NSG', arm: armTemplate() },
  { name: 'outbound rules only', arm: armTemplate({ nsgRules: [secRule('deny-out', 200, 'Outbound', 'Deny', { destinationAddressPrefix: 'Internet', destinationPortRange: '25' })] }) },
  { name: 'inbound rule for the private ports only', arm: armTemplate({ nsgRules: [secRule('private-ports', 200, 'Inbound', 'Allow', { destinationPortRange: '20000-30000' })] }) },
  { name: 'NSG on a subnet nothing integrates with', arm: armTemplate({ noIntegration: true, nsgRules: [secRule('deny-in', 200, 'Inbound', 'Deny')] }) },
  {
    name: 'inbound deny and allow rules',
    arm: armTemplate({
      nsgRules: [secRule('deny-internet-in', 200, 'Inbound', 'Deny', { sourceAddressPrefix: 'Internet' }), secRule('allow-https-in', 300, 'Inbound', 'Allow', { destinationPortRange: '443' })],
    }),
    findings: [{ at: prop('direction', 'Inbound'), messageIncludes: "2 inbound security rules ('deny-internet-in', 'allow-https-in')" }],
  },
]);
