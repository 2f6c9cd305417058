import { ruleTester } from '../../helpers/rule-tester.js';
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

// Two integrations whose subnets come from different unknowns may be the same subnet: could not
// verify, not an error (a Terraform module often sets `virtual_network_subnet_id` and a swift
// connection from two spellings of the same variable).
const twoUnknownSubnets = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { subnetId: { type: 'string' }, sameSubnetId: { type: 'string' } },
    resources: [
      { type: 'Microsoft.Web/serverfarms', apiVersion: '2023-12-01', name: 'plan', location: 'westeurope', sku: { name: 'P1v3', tier: 'PremiumV3', capacity: 1 } },
      {
        type: 'Microsoft.Web/sites',
        apiVersion: '2023-12-01',
        name: 'web',
        location: 'westeurope',
        properties: { serverFarmId: "[resourceId('Microsoft.Web/serverfarms', 'plan')]", virtualNetworkSubnetId: "[parameters('subnetId')]" },
      },
      { type: 'Microsoft.Web/sites/networkConfig', apiVersion: '2023-12-01', name: 'web/virtualNetwork', properties: { subnetResourceId: "[parameters('sameSubnetId')]" } },
    ],
  },
  null,
  2,
);
ruleTester.run('vnet-integration/plan-limit', {
  valid: [],
  invalid: [
    {
      name: 'two integrations from different unknowns: could not verify',
      files: { 'azuredeploy.json': twoUnknownSubnets },
      findings: [{ line: twoUnknownSubnets.split('\n').findIndex((l) => l.includes('"subnetResourceId"')) + 1, severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
