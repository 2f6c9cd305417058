import { ruleTester } from '../../helpers/rule-tester.js';
import { twinRule, type Markers } from '../../helpers/formats/twins.js';
import { defaultSubnets, iseTemplate } from './fixtures.js';

const three = iseTemplate({ iseSubnets: ['ise-1', 'ise-2', 'ise-3'], sku: 'Developer' });
const five = iseTemplate({ subnets: [...defaultSubnets(), { name: 'ise-5', prefix: '10.0.1.128/27' }] });
const dup = iseTemplate({ iseSubnets: ['ise-1', 'ise-2', 'ise-3', 'ise-3'] });
const unknownRef = iseTemplate().replace(
  `"[resourceId('Microsoft.Network/virtualNetworks/subnets', 'ise-vnet', 'ise-4')]"`,
  `"[parameters('fourthSubnetId')]"`,
).replace('"resources": [', '"parameters": { "fourthSubnetId": { "type": "string" } },\n  "resources": [');

const listParam = iseTemplate()
  .replace(/"subnets": \[\s*\{\s*"id": "\[resourceId\('Microsoft.Network\/virtualNetworks\/subnets', 'ise-vnet', 'ise-1'\)\]"[\s\S]*?\]\s*\}\s*\}/, `"subnets": "[parameters('iseSubnets')]" } }`)
  .replace('"resources": [', '"parameters": { "iseSubnets": { "type": "array" } },\n  "resources": [');


/** The ISE's list of subnets (ARM and Bicep: the second `subnets` list, after the VNet's). */
const iseList = (d: { line(m: Markers, nth?: number): number; format: string }) =>
  d.format === 'terraform' ? d.line(subnetsList) : d.line(subnetsList, 1);
const subnetsList: Markers = { arm: '"subnets": [', bicep: 'subnets: [', terraform: 'virtual_network_subnet_ids = [' };

twinRule('ise/subnet-count', {
  valid: [
    { name: 'four subnets', arm: iseTemplate() },
    { name: 'four subnets, Developer SKU', arm: iseTemplate({ sku: 'Developer' }) },
  ],
  invalid: [
    {
      name: 'Developer SKU with three subnets',
      arm: three,
      findings: (d) => [{ line: iseList(d), messageIncludes: 'names 3 distinct subnets' }],
    },
    {
      name: 'five subnets',
      arm: five,
      findings: (d) => [{ line: iseList(d), messageIncludes: 'names 5 subnets' }],
    },
    {
      name: 'a subnet listed twice',
      arm: dup,
      findings: (d) => [{ line: iseList(d), messageIncludes: 'listed twice' }],
    },
    {
      name: 'a subnet id from a parameter without value',
      arm: unknownRef,
      findings: (d) => [{ line: d.param('fourthSubnetId'), severity: 'note', messageIncludes: 'Could not verify' }],
    },
    {
      name: 'the whole subnet list from a parameter without value',
      arm: listParam,
      findings: (d) => [{ line: d.param('iseSubnets'), severity: 'note', messageIncludes: 'the number of ISE subnets' }],
    },
  ],
});

// Unknown is not false: an ISE whose four subnets the checked files don't declare gets one
// could-not-verify note (their size, delegation, emptiness, NSG and routes can't be checked).
const undeclared = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Logic/integrationServiceEnvironments',
        apiVersion: '2019-05-01',
        name: 'ise',
        location: 'westeurope',
        sku: { name: 'Developer', capacity: 0 },
        properties: {
          networkConfiguration: {
            accessEndpoint: { type: 'Internal' },
            subnets: ['a', 'b', 'c', 'd'].map((s) => ({ id: `[resourceId('net', 'Microsoft.Network/virtualNetworks/subnets', 'v', '${s}')]` })),
          },
        },
      },
    ],
  },
  null,
  2,
);
ruleTester.run('ise/subnet-count', {
  valid: [],
  invalid: [
    {
      name: 'subnets not declared in the checked files: could not verify',
      files: { 'azuredeploy.json': undeclared },
      findings: [{ line: undeclared.split('\n').findIndex((l) => l.includes("'v', 'a'")) + 1, severity: 'note', messageIncludes: "Could not verify ISE subnets 'a', 'b', 'c', 'd'" }],
    },
  ],
});
