import { armTemplate, childSubnet, networkConfig, siteResource, subnetId } from './fixtures.js';
import { prop, twinRule } from '../../helpers/formats/twins.js';

const subnets = [childSubnet('second', '10.0.2.0/26'), childSubnet('third', '10.0.3.0/26')];
const slot = {
  type: 'Microsoft.Web/sites/slots',
  apiVersion: '2022-09-01',
  name: 'app1/staging',
  location: "[parameters('location')]",
  dependsOn: ["[resourceId('Microsoft.Web/sites', 'app1')]"],
  properties: { virtualNetworkSubnetId: subnetId('vnet1', 'third') },
};

twinRule('vnet-integration/plan-limit', [
  { name: 'one app, one subnet', arm: armTemplate() },
  { name: 'site property and networkConfig name the same subnet', arm: armTemplate({ extra: [networkConfig('app1', subnetId('vnet1', 'integration'))] }) },
  { name: 'two subnets for one plan', arm: armTemplate({ extra: [subnets[0]!, siteResource('app2', 'plan1', subnetId('vnet1', 'second'))] }) },
  {
    name: 'three apps of one plan on two subnets',
    arm: armTemplate({ extra: [subnets[0]!, siteResource('app2', 'plan1', subnetId('vnet1', 'second')), siteResource('app3', 'plan1', subnetId('vnet1', 'integration'))] }),
  },
  {
    name: 'one app integrated with two subnets',
    arm: armTemplate({ extra: [subnets[0]!, networkConfig('app1', subnetId('vnet1', 'second'))] }),
    findings: [{ at: prop('subnetResourceId'), messageIncludes: "App 'app1' integrates with 2 different subnets" }],
  },
  {
    name: 'three subnets for one plan',
    arm: armTemplate({ extra: [...subnets, siteResource('app2', 'plan1', subnetId('vnet1', 'second')), siteResource('app3', 'plan1', subnetId('vnet1', 'third'))] }),
    findings: [{ at: prop('virtualNetworkSubnetId', undefined, { nth: 2 }), messageIncludes: 'joins 3 integration subnets' }],
  },
  {
    // The slot names no serverFarmId: it runs on its site's plan, which then joins a third subnet.
    name: "a slot without serverFarmId adds a third subnet to its site's plan",
    arm: armTemplate({ extra: [...subnets, siteResource('app2', 'plan1', subnetId('vnet1', 'second')), slot] }),
    findings: [{ at: prop('virtualNetworkSubnetId', undefined, { nth: 2 }), messageIncludes: "Integrate app 'staging'" }],
  },
]);
