import { armTemplate } from './fixtures.js';
import { docOf, twinRule, valueAt } from '../../helpers/formats/twins.js';

const dualStack = ['10.0.0.0/16', 'fd00:db8:deca::/48'];
const unique = { vnetName: "[variables('vnetName')]", variables: { vnetName: "[concat('vnet-', uniqueString(resourceGroup().id))]" } };
const uniqueDual = armTemplate({ vnetPrefixes: dualStack, ...unique });
const bicepOfUniqueDual = docOf('bicep', uniqueDual);

twinRule(
  'vnet-integration/ipv6-address-space',
  [
    { name: 'IPv4 only', arm: armTemplate() },
    { name: 'dual-stack VNet nothing integrates with', arm: armTemplate({ noIntegration: true, vnetPrefixes: dualStack }) },
    { name: 'IPv6 address space', arm: armTemplate({ vnetPrefixes: dualStack }), findings: [{ at: valueAt('fd00:db8:deca::/48'), messageIncludes: 'fd00:db8:deca::/48' }] },
    { name: 'uniqueString names, IPv6 address space', arm: uniqueDual, findings: [{ at: valueAt('fd00:db8:deca::/48') }] },
    {
      name: 'prefix from a parameter without default',
      arm: armTemplate({ parameters: { v6: { type: 'string' } }, vnetPrefixes: ['10.0.0.0/16', "[parameters('v6')]"] }),
      findings: [{ at: valueAt("[parameters('v6')]"), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
  {
    invalid: [
      {
        // One key for both VNets (same uniqueString name): each file still gets its own finding.
        name: 'a Bicep file and its compiled ARM template in one folder',
        files: { 'azuredeploy.json': uniqueDual, 'main.bicep': bicepOfUniqueDual.text },
        findings: [
          { file: 'azuredeploy.json', line: valueAt('fd00:db8:deca::/48')(docOf('arm', uniqueDual)) },
          { file: 'main.bicep', line: valueAt('fd00:db8:deca::/48')(bicepOfUniqueDual) },
        ],
      },
    ],
  },
);
