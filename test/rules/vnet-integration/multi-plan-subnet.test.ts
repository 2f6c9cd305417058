import { armTemplate, planResource, siteResource, subnetId } from './fixtures.js';
import { prop, twinRule } from '../../helpers/formats/twins.js';

const secondPlan = [planResource('plan2', { name: 'S1', tier: 'Standard', capacity: 1 }), siteResource('app2', 'plan2', subnetId('vnet1', 'integration'))];

twinRule('vnet-integration/multi-plan-subnet', [
  { name: 'two plans on a /26', arm: armTemplate({ extra: secondPlan }) },
  { name: 'two apps of one plan on a /27', arm: armTemplate({ subnetPrefix: '10.0.1.0/27', extra: [siteResource('app2', 'plan1', subnetId('vnet1', 'integration'))] }) },
  { name: 'second plan not integrated', arm: armTemplate({ subnetPrefix: '10.0.1.0/27', extra: [secondPlan[0]!, siteResource('app2', 'plan2', undefined)] }) },
  {
    name: 'two plans on a /27',
    arm: armTemplate({ subnetPrefix: '10.0.1.0/27', extra: secondPlan }),
    findings: [{ at: prop('addressPrefix', '10.0.1.0/27'), messageIncludes: "2 App Service plans join it ('plan1', 'plan2')" }],
  },
  { name: 'two plans on a /28', arm: armTemplate({ subnetPrefix: '10.0.1.0/28', extra: secondPlan }), findings: [{ at: prop('addressPrefix', '10.0.1.0/28'), messageIncludes: '/26 (64 addresses)' }] },
]);
