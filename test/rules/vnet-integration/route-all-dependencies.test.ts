import { armTemplate, secRule } from './fixtures.js';
import { item, prop, twinRule } from '../../helpers/formats/twins.js';

const on = { siteProps: { vnetRouteAllEnabled: true } };
const denyInternet = [secRule('deny-internet-out', 300, 'Outbound', 'Deny', { destinationAddressPrefix: 'Internet' })];
const dropAll = { routes: [{ name: 'drop-all', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'None' } }] };

twinRule('vnet-integration/route-all-dependencies', [
  { name: 'route-all without NSG or route table', arm: armTemplate(on) },
  {
    name: 'dependencies allowed before the internet deny',
    arm: armTemplate({
      ...on,
      siteKind: 'app,linux',
      nsgRules: [secRule('allow-web', 100, 'Outbound', 'Allow', { protocol: 'Tcp', destinationPortRanges: ['80', '443'], destinationPortRange: undefined, destinationAddressPrefix: 'Internet' }), ...denyInternet],
    }),
  },
  { name: 'internet denied without route-all', arm: armTemplate({ nsgRules: denyInternet }) },
  { name: 'default route to a firewall', arm: armTemplate({ ...on, routes: [{ name: 'fw', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' } }] }) },
  {
    name: 'internet denied: Entra ID and CRL checks blocked',
    arm: armTemplate({ ...on, nsgRules: denyInternet }),
    findings: [
      { at: item('deny-internet-out'), messageIncludes: 'Microsoft Entra ID' },
      { at: item('deny-internet-out'), messageIncludes: 'CRL' },
    ],
  },
  {
    name: 'Linux app: continuous deployment blocked too',
    arm: armTemplate({ ...on, siteKind: 'app,linux', nsgRules: denyInternet }),
    findings: [
      { at: item('deny-internet-out'), messageIncludes: 'Microsoft Entra ID' },
      { at: item('deny-internet-out'), messageIncludes: 'CRL' },
      { at: item('deny-internet-out'), messageIncludes: 'oryx-cdn.microsoft.io' },
    ],
  },
  {
    name: 'WEBSITE_VNET_ROUTE_ALL app setting',
    arm: armTemplate({ siteConfig: { appSettings: [{ name: 'WEBSITE_VNET_ROUTE_ALL', value: '1' }] }, nsgRules: denyInternet }),
    findings: [{ at: item('deny-internet-out') }, { at: item('deny-internet-out') }],
  },
  {
    name: '0.0.0.0/0 to next hop None',
    arm: armTemplate({ ...on, ...dropAll }),
    findings: [
      { at: prop('nextHopType', 'None'), messageIncludes: 'Microsoft Entra ID' },
      { at: prop('nextHopType', 'None'), messageIncludes: 'CRL' },
    ],
  },
]);
