import { armTemplate, secRule } from './fixtures.js';
import { item, prop, twinRule } from '../../helpers/formats/twins.js';

const on = { siteProps: { vnetContentShareEnabled: true }, siteKind: 'functionapp' };
const dropAll = { routes: [{ name: 'drop-all', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'None' } }] };

twinRule('vnet-integration/content-share-ports', [
  { name: 'content share over the VNet, no NSG', arm: armTemplate(on) },
  { name: 'NSG with default rules only', arm: armTemplate({ ...on, nsgRules: [secRule('deny-in', 200, 'Inbound', 'Deny')] }) },
  {
    name: 'Storage 443 and 445 allowed before a deny-all',
    arm: armTemplate({
      ...on,
      nsgRules: [
        secRule('allow-storage', 100, 'Outbound', 'Allow', { protocol: 'Tcp', destinationPortRanges: ['443', '445'], destinationPortRange: undefined, destinationAddressPrefix: 'Storage' }),
        secRule('deny-all-out', 4000, 'Outbound', 'Deny'),
      ],
    }),
  },
  { name: 'content share not over the VNet', arm: armTemplate({ nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] }) },
  { name: 'default route to a firewall', arm: armTemplate({ ...on, routes: [{ name: 'fw', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' } }] }) },
  {
    name: 'port 445 to Storage denied',
    arm: armTemplate({ ...on, nsgRules: [secRule('deny-smb', 200, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '445', destinationAddressPrefix: 'Storage' })] }),
    findings: [{ at: item('deny-smb'), messageIncludes: "'deny-smb'" }],
  },
  { name: 'all outbound denied', arm: armTemplate({ ...on, nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] }), findings: [{ at: item('deny-all-out') }] },
  {
    name: 'WEBSITE_CONTENTOVERVNET app setting, internet denied',
    arm: armTemplate({
      siteKind: 'functionapp',
      siteConfig: { appSettings: [{ name: 'WEBSITE_CONTENTOVERVNET', value: '1' }] },
      nsgRules: [secRule('deny-internet-out', 300, 'Outbound', 'Deny', { destinationAddressPrefix: 'Internet' })],
    }),
    findings: [{ at: item('deny-internet-out') }],
  },
  { name: '0.0.0.0/0 to next hop None', arm: armTemplate({ ...on, ...dropAll }), findings: [{ at: prop('nextHopType', 'None'), messageIncludes: 'next hop None' }] },
]);
