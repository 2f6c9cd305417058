import { armTemplate } from './fixtures.js';
import { docOf, prop, twinRule } from '../../helpers/formats/twins.js';

const unique = { vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } };

const uniqueApart = armTemplate({ vnetLocation: 'westus', appLocation: 'eastus', ...unique });
const bicepOfUniqueApart = docOf('bicep', uniqueApart);

twinRule(
  'vnet-integration/same-region',
  [
    { name: 'both resourceGroup().location', arm: armTemplate() },
    { name: 'same region written differently', arm: armTemplate({ vnetLocation: 'westeurope', appLocation: 'West Europe' }) },
    {
      name: 'app in East US, VNet in westus',
      arm: armTemplate({ vnetLocation: 'westus', appLocation: 'East US' }),
      findings: [{ at: prop('virtualNetworkSubnetId'), messageIncludes: 'is in East US' }],
    },
    { name: 'uniqueString names, different regions', arm: armTemplate({ vnetLocation: 'westus', appLocation: 'eastus', ...unique }), findings: [{ at: prop('virtualNetworkSubnetId') }] },
    {
      name: 'app location from resourceGroup(), VNet location literal: could not verify',
      arm: armTemplate({ vnetLocation: 'westus' }),
      findings: [{ at: prop('location', "[parameters('location')]", { after: 'app1' }), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
  {
    invalid: [
      {
        // One key per app and VNet in both files (same uniqueString names): each file gets its own finding.
        name: 'a Bicep file and its compiled ARM template in one folder',
        files: { 'azuredeploy.json': uniqueApart, 'main.bicep': bicepOfUniqueApart.text },
        findings: [
          { file: 'azuredeploy.json', line: prop('virtualNetworkSubnetId')(docOf('arm', uniqueApart)) },
          { file: 'main.bicep', line: prop('virtualNetworkSubnetId')(bicepOfUniqueApart) },
        ],
      },
    ],
  },
);
