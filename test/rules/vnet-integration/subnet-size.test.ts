import { armTemplate } from './fixtures.js';
import { prop, twinRule } from '../../helpers/formats/twins.js';

const unique = { vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } };

twinRule('vnet-integration/subnet-size', [
  { name: '/26 subnet', arm: armTemplate() },
  { name: '/24 subnet', arm: armTemplate({ subnetPrefix: '10.0.1.0/24' }) },
  { name: '/29 subnet nothing integrates with', arm: armTemplate({ subnetPrefix: '10.0.1.0/29', noIntegration: true }) },
  { name: '/29 subnet', arm: armTemplate({ subnetPrefix: '10.0.1.0/29' }), findings: [{ at: prop('addressPrefix', '10.0.1.0/29'), messageIncludes: '/29 (8 addresses)' }] },
  {
    name: '/28 subnet: below the recommended /26',
    arm: armTemplate({ subnetPrefix: '10.0.1.0/28' }),
    findings: [{ at: prop('addressPrefix', '10.0.1.0/28'), severity: 'warning', messageIncludes: '/26 (64 addresses)' }],
  },
  { name: '/27 subnet: below the recommended /26', arm: armTemplate({ subnetPrefix: '10.0.1.0/27' }), findings: [{ at: prop('addressPrefix', '10.0.1.0/27'), severity: 'warning' }] },
  { name: 'uniqueString names, /29 subnet', arm: armTemplate({ subnetPrefix: '10.0.1.0/29', ...unique }), findings: [{ at: prop('addressPrefix', '10.0.1.0/29') }] },
  {
    name: 'prefix from a parameter without default',
    arm: armTemplate({ parameters: { subnetPrefix: { type: 'string' } }, subnetPrefix: "[parameters('subnetPrefix')]" }),
    findings: [{ at: prop('addressPrefix', "[parameters('subnetPrefix')]"), severity: 'note', messageIncludes: 'Could not verify' }],
  },
]);
