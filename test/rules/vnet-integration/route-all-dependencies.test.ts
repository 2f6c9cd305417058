import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, itemLine, lineOf, secRule } from './fixtures.js';

const on = { siteProps: { vnetRouteAllEnabled: true } };
const denyInternet = [secRule('deny-internet-out', 300, 'Outbound', 'Deny', { destinationAddressPrefix: 'Internet' })];
const windows = armTemplate({ ...on, nsgRules: denyInternet });
const linux = armTemplate({ ...on, siteKind: 'app,linux', nsgRules: denyInternet });
const bySetting = armTemplate({ siteConfig: { appSettings: [{ name: 'WEBSITE_VNET_ROUTE_ALL', value: '1' }] }, nsgRules: denyInternet });
const dropRoute = armTemplate({ ...on, routes: [{ name: 'drop-all', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'None' } }] });

ruleTester.run('vnet-integration/route-all-dependencies', {
  valid: [
    { name: 'route-all without NSG or route table', files: files(armTemplate(on)) },
    {
      name: 'dependencies allowed before the internet deny',
      files: files(
        armTemplate({
          ...on,
          siteKind: 'app,linux',
          nsgRules: [secRule('allow-web', 100, 'Outbound', 'Allow', { protocol: 'Tcp', destinationPortRanges: ['80', '443'], destinationPortRange: undefined, destinationAddressPrefix: 'Internet' }), ...denyInternet],
        }),
      ),
    },
    { name: 'internet denied without route-all', files: files(armTemplate({ nsgRules: denyInternet })) },
    { name: 'default route to a firewall', files: files(armTemplate({ ...on, routes: [{ name: 'fw', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.9.4' } }] })) },
  ],
  invalid: [
    {
      name: 'internet denied: Entra ID and CRL checks blocked',
      files: files(windows),
      findings: [
        { line: itemLine(windows, 'deny-internet-out'), messageIncludes: 'Microsoft Entra ID' },
        { line: itemLine(windows, 'deny-internet-out'), messageIncludes: 'CRL' },
      ],
    },
    {
      name: 'Linux app: continuous deployment blocked too',
      files: files(linux),
      findings: [
        { line: itemLine(linux, 'deny-internet-out'), messageIncludes: 'Microsoft Entra ID' },
        { line: itemLine(linux, 'deny-internet-out'), messageIncludes: 'CRL' },
        { line: itemLine(linux, 'deny-internet-out'), messageIncludes: 'oryx-cdn.microsoft.io' },
      ],
    },
    {
      name: 'WEBSITE_VNET_ROUTE_ALL app setting',
      files: files(bySetting),
      findings: [{ line: itemLine(bySetting, 'deny-internet-out') }, { line: itemLine(bySetting, 'deny-internet-out') }],
    },
    {
      name: '0.0.0.0/0 to next hop None',
      files: files(dropRoute),
      findings: [
        { line: lineOf(dropRoute, '"nextHopType": "None"'), messageIncludes: 'Microsoft Entra ID' },
        { line: lineOf(dropRoute, '"nextHopType": "None"'), messageIncludes: 'CRL' },
      ],
    },
  ],
});
