import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, childSubnet, files, lineOf, networkConfig, siteResource, subnetId } from './fixtures.js';

const subnets = [childSubnet('second', '10.0.2.0/26'), childSubnet('third', '10.0.3.0/26')];
const twoForOneApp = armTemplate({ extra: [subnets[0]!, networkConfig('app1', subnetId('vnet1', 'second'))] });
const slot = {
  type: 'Microsoft.Web/sites/slots',
  apiVersion: '2022-09-01',
  name: 'app1/staging',
  location: "[parameters('location')]",
  dependsOn: ["[resourceId('Microsoft.Web/sites', 'app1')]"],
  properties: { virtualNetworkSubnetId: subnetId('vnet1', 'third') },
};
// The slot names no serverFarmId: it runs on its site's plan, which then joins a third subnet.
const slotThird = armTemplate({ extra: [...subnets, siteResource('app2', 'plan1', subnetId('vnet1', 'second')), slot] });
const threeForPlan = armTemplate({
  extra: [...subnets, siteResource('app2', 'plan1', subnetId('vnet1', 'second')), siteResource('app3', 'plan1', subnetId('vnet1', 'third'))],
});

ruleTester.run('vnet-integration/plan-limit', {
  valid: [
    { name: 'one app, one subnet', files: files(armTemplate()) },
    { name: 'site property and networkConfig name the same subnet', files: files(armTemplate({ extra: [networkConfig('app1', subnetId('vnet1', 'integration'))] })) },
    { name: 'two subnets for one plan', files: files(armTemplate({ extra: [subnets[0]!, siteResource('app2', 'plan1', subnetId('vnet1', 'second'))] })) },
    {
      name: 'three apps of one plan on two subnets',
      files: files(armTemplate({ extra: [subnets[0]!, siteResource('app2', 'plan1', subnetId('vnet1', 'second')), siteResource('app3', 'plan1', subnetId('vnet1', 'integration'))] })),
    },
  ],
  invalid: [
    {
      name: 'one app integrated with two subnets',
      files: files(twoForOneApp),
      findings: [{ line: lineOf(twoForOneApp, '"subnetResourceId"'), messageIncludes: "App 'app1' integrates with 2 different subnets" }],
    },
    {
      name: 'three subnets for one plan',
      files: files(threeForPlan),
      findings: [{ line: lineOf(threeForPlan, '"virtualNetworkSubnetId"', 3), messageIncludes: "joins 3 integration subnets" }],
    },
    {
      name: "a slot without serverFarmId adds a third subnet to its site's plan",
      files: files(slotThird),
      findings: [{ line: lineOf(slotThird, '"virtualNetworkSubnetId"', 3), messageIncludes: "Integrate app 'staging'" }],
    },
  ],
});
