import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, itemLine, lineOf, secRule } from './fixtures.js';

const on = { siteProps: { vnetContentShareEnabled: true }, siteKind: 'functionapp' };
const denySmb = armTemplate({ ...on, nsgRules: [secRule('deny-smb', 200, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '445', destinationAddressPrefix: 'Storage' })] });
const denyAll = armTemplate({ ...on, nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] });
const bySetting = armTemplate({
  siteKind: 'functionapp',
  siteConfig: { appSettings: [{ name: 'WEBSITE_CONTENTOVERVNET', value: '1' }] },
  nsgRules: [secRule('deny-internet-out', 300, 'Outbound', 'Deny', { destinationAddressPrefix: 'Internet' })],
});
const dropRoute = armTemplate({ ...on, routes: [{ name: 'drop-all', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'None' } }] });

ruleTester.run('vnet-integration/content-share-ports', {
  valid: [
    { name: 'content share over the VNet, no NSG', files: files(armTemplate(on)) },
    { name: 'NSG with default rules only', files: files(armTemplate({ ...on, nsgRules: [secRule('deny-in', 200, 'Inbound', 'Deny')] })) },
    {
      name: 'Storage 443 and 445 allowed before a deny-all',
      files: files(
        armTemplate({
          ...on,
          nsgRules: [
            secRule('allow-storage', 100, 'Outbound', 'Allow', { protocol: 'Tcp', destinationPortRanges: ['443', '445'], destinationPortRange: undefined, destinationAddressPrefix: 'Storage' }),
            secRule('deny-all-out', 4000, 'Outbound', 'Deny'),
          ],
        }),
      ),
    },
    { name: 'content share not over the VNet', files: files(armTemplate({ nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] })) },
    { name: 'default route to a firewall', files: files(armTemplate({ ...on, routes: [{ name: 'fw', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' } }] })) },
  ],
  invalid: [
    { name: 'port 445 to Storage denied', files: files(denySmb), findings: [{ line: itemLine(denySmb, 'deny-smb'), messageIncludes: "'deny-smb'" }] },
    { name: 'all outbound denied', files: files(denyAll), findings: [{ line: itemLine(denyAll, 'deny-all-out') }] },
    { name: 'WEBSITE_CONTENTOVERVNET app setting, internet denied', files: files(bySetting), findings: [{ line: itemLine(bySetting, 'deny-internet-out') }] },
    { name: '0.0.0.0/0 to next hop None', files: files(dropRoute), findings: [{ line: lineOf(dropRoute, '"nextHopType": "None"'), messageIncludes: 'next hop None' }] },
  ],
});
