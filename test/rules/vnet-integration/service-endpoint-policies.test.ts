import { armTemplate } from './fixtures.js';
import { prop, twinRule } from '../../helpers/formats/twins.js';

const sep = {
  type: 'Microsoft.Network/serviceEndpointPolicies',
  apiVersion: '2023-04-01',
  name: 'sep1',
  location: "[parameters('location')]",
  properties: { serviceEndpointPolicyDefinitions: [] },
};

twinRule('vnet-integration/service-endpoint-policies', [
  { name: 'no policies', arm: armTemplate() },
  { name: 'service endpoints without policies', arm: armTemplate({ subnetProps: { serviceEndpoints: [{ service: 'Microsoft.Storage' }] } }) },
  { name: 'empty policy list', arm: armTemplate({ subnetProps: { serviceEndpointPolicies: [] } }) },
  {
    name: 'a service endpoint policy on the subnet',
    arm: armTemplate({
      subnetProps: { serviceEndpoints: [{ service: 'Microsoft.Storage' }], serviceEndpointPolicies: [{ id: "[resourceId('Microsoft.Network/serviceEndpointPolicies', 'sep1')]" }] },
      extra: [sep],
    }),
    findings: [{ at: prop('serviceEndpointPolicies'), messageIncludes: '1 service endpoint policy' }],
  },
]);
