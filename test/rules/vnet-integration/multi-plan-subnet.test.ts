import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf, planResource, siteResource, subnetId } from './fixtures.js';

const secondPlan = [planResource('plan2', { name: 'S1', tier: 'Standard', capacity: 1 }), siteResource('app2', 'plan2', subnetId('vnet1', 'integration'))];
const twoPlans27 = armTemplate({ subnetPrefix: '10.0.1.0/27', extra: secondPlan });
const twoPlans28 = armTemplate({ subnetPrefix: '10.0.1.0/28', extra: secondPlan });

ruleTester.run('vnet-integration/multi-plan-subnet', {
  valid: [
    { name: 'two plans on a /26', files: files(armTemplate({ extra: secondPlan })) },
    { name: 'two apps of one plan on a /27', files: files(armTemplate({ subnetPrefix: '10.0.1.0/27', extra: [siteResource('app2', 'plan1', subnetId('vnet1', 'integration'))] })) },
    { name: 'second plan not integrated', files: files(armTemplate({ subnetPrefix: '10.0.1.0/27', extra: [secondPlan[0]!, siteResource('app2', 'plan2', undefined)] })) },
  ],
  invalid: [
    { name: 'two plans on a /27', files: files(twoPlans27), findings: [{ line: lineOf(twoPlans27, '"addressPrefix": "10.0.1.0/27"'), messageIncludes: "2 App Service plans join it ('plan1', 'plan2')" }] },
    { name: 'two plans on a /28', files: files(twoPlans28), findings: [{ line: lineOf(twoPlans28, '"addressPrefix": "10.0.1.0/28"'), messageIncludes: '/26 (64 addresses)' }] },
  ],
});
