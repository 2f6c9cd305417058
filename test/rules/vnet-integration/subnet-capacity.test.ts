import { armTemplate, siteResource, subnetId } from './fixtures.js';
import { perFormat, prop, twinRule } from '../../helpers/formats/twins.js';

const autoscale = (max: string) => ({
  type: 'Microsoft.Insights/autoscalesettings',
  apiVersion: '2022-10-01',
  name: 'scale1',
  location: "[parameters('location')]",
  properties: {
    enabled: true,
    targetResourceUri: "[resourceId('Microsoft.Web/serverfarms', 'plan1')]",
    profiles: [{ name: 'default', capacity: { minimum: '1', maximum: max, default: '1' }, rules: [] }],
  },
});
const winContainer = { windowsFxVersion: 'DOCKER|mcr.microsoft.com/dotnet/samples:aspnetapp' };

twinRule('vnet-integration/subnet-capacity', [
  { name: 'one instance on a /28', arm: armTemplate({ subnetPrefix: '10.0.1.0/28' }) },
  { name: 'ten instances on a /26', arm: armTemplate({ planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 10 } }) },
  { name: 'autoscale to 29 on a /26 (5 + 2 × 29 = 63)', arm: armTemplate({ extra: [autoscale('29')] }) },
  {
    name: 'ten instances on a /28',
    arm: armTemplate({ subnetPrefix: '10.0.1.0/28', planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 10 } }),
    findings: [{ at: prop('addressPrefix', '10.0.1.0/28'), messageIncludes: 'needs 25 addresses' }],
  },
  { name: 'autoscale maximum 30 on a /26', arm: armTemplate({ extra: [autoscale('30')] }), findings: [{ at: prop('addressPrefix', '10.0.1.0/26'), messageIncludes: 'needs 65 addresses' }] },
  {
    name: 'elastic maximum 20 on a /27',
    arm: armTemplate({ subnetPrefix: '10.0.1.0/27', planSku: { name: 'EP1', tier: 'ElasticPremium', capacity: 1 }, planProps: { maximumElasticWorkerCount: 20 }, siteKind: 'functionapp' }),
    findings: [{ at: prop('addressPrefix', '10.0.1.0/27'), messageIncludes: 'needs 45 addresses' }],
  },
  {
    name: 'Windows containers: 5 instances × (1 + 2 apps) on a /27',
    arm: armTemplate({
      subnetPrefix: '10.0.1.0/27',
      planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 5 },
      planKind: 'windows',
      planProps: { hyperV: true },
      siteConfig: winContainer,
      extra: [siteResource('app2', 'plan1', subnetId('vnet1', 'integration'), { siteConfig: winContainer })],
    }),
    findings: [{ at: prop('addressPrefix', '10.0.1.0/27'), messageIncludes: 'needs 35 addresses' }],
  },
  {
    name: 'capacity from a parameter without default',
    arm: armTemplate({ subnetPrefix: '10.0.1.0/29', parameters: { capacity: { type: 'int' } }, planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: "[parameters('capacity')]" } }),
    findings: [{ at: perFormat({ arm: prop('capacity', "[parameters('capacity')]"), terraform: prop('worker_count', "[parameters('capacity')]", { tf: ['worker_count'] }) }), severity: 'note', messageIncludes: 'Could not verify' }],
  },
]);
