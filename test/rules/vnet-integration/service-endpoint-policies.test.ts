import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf } from './fixtures.js';

const sep = {
  type: 'Microsoft.Network/serviceEndpointPolicies',
  apiVersion: '2023-04-01',
  name: 'sep1',
  location: "[parameters('location')]",
  properties: { serviceEndpointPolicyDefinitions: [] },
};
const withPolicy = armTemplate({
  subnetProps: { serviceEndpoints: [{ service: 'Microsoft.Storage' }], serviceEndpointPolicies: [{ id: "[resourceId('Microsoft.Network/serviceEndpointPolicies', 'sep1')]" }] },
  extra: [sep],
});

ruleTester.run('vnet-integration/service-endpoint-policies', {
  valid: [
    { name: 'no policies', files: files(armTemplate()) },
    { name: 'service endpoints without policies', files: files(armTemplate({ subnetProps: { serviceEndpoints: [{ service: 'Microsoft.Storage' }] } })) },
    { name: 'empty policy list', files: files(armTemplate({ subnetProps: { serviceEndpointPolicies: [] } })) },
  ],
  invalid: [
    { name: 'a service endpoint policy on the subnet', files: files(withPolicy), findings: [{ line: lineOf(withPolicy, '"serviceEndpointPolicies"'), messageIncludes: '1 service endpoint policy' }] },
  ],
});
