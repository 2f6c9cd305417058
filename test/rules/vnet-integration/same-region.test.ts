import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf } from './fixtures.js';

const other = armTemplate({ vnetLocation: 'westus', appLocation: 'East US' });
const unique = armTemplate({ vnetLocation: 'westus', appLocation: 'eastus', vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } });
const unknown = armTemplate({ vnetLocation: 'westus' });

ruleTester.run('vnet-integration/same-region', {
  valid: [
    { name: 'both resourceGroup().location', files: files(armTemplate()) },
    { name: 'same region written differently', files: files(armTemplate({ vnetLocation: 'westeurope', appLocation: 'West Europe' })) },
  ],
  invalid: [
    { name: 'app in East US, VNet in westus', files: files(other), findings: [{ line: lineOf(other, '"virtualNetworkSubnetId"'), messageIncludes: 'is in East US' }] },
    { name: 'uniqueString names, different regions', files: files(unique), findings: [{ line: lineOf(unique, '"virtualNetworkSubnetId"') }] },
    {
      name: 'app location from resourceGroup(), VNet location literal: could not verify',
      files: files(unknown),
      findings: [{ line: lineOf(unknown, `"location": "[parameters('location')]"`, 2), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
