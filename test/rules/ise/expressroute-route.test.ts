import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, lineOf } from './fixtures.js';

const toInternet = [{ name: 'default-internet', prefix: '0.0.0.0/0', nextHop: 'Internet' }];
const noTable = iseTemplate({ expressRoute: true });
const toNva = iseTemplate({ expressRoute: true, routes: [{ name: 'default-nva', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance' }] });
const otherRoute = iseTemplate({ expressRoute: true, routes: [{ name: 'onprem', prefix: '192.168.0.0/16', nextHop: 'VirtualNetworkGateway' }] });

const rtParam = iseTemplate({ expressRoute: true, routes: toInternet })
  .replace(`"id": "[resourceId('Microsoft.Network/routeTables', 'ise-routes')]"`, `"id": "[parameters('routeTableId')]"`)
  .replace('"resources": [', '"parameters": { "routeTableId": { "type": "string" } },\n  "resources": [');

ruleTester.run('ise/expressroute-route', {
  valid: [
    { name: 'no ExpressRoute, no route table', files: arm(iseTemplate()) },
    { name: 'ExpressRoute with 0.0.0.0/0 → Internet on every ISE subnet', files: arm(iseTemplate({ expressRoute: true, routes: toInternet })) },
    {
      name: 'ExpressRoute assumed by config, route present',
      files: arm(iseTemplate({ routes: toInternet })),
      config: 'assumptions:\n  expressRoute: true\n',
    },
  ],
  invalid: [
    {
      name: 'ExpressRoute and no route table',
      files: arm(noTable),
      findings: ['ise-1', 'ise-2', 'ise-3', 'ise-4'].map((n) => ({ line: lineOf(noTable, `"name": "${n}"`) - 1, messageIncludes: `ISE subnet '${n}' has no route table` })),
    },
    {
      name: 'ExpressRoute and 0.0.0.0/0 to a virtual appliance',
      files: arm(toNva),
      findings: [{ line: lineOf(toNva, '"nextHopType": "VirtualAppliance"'), messageIncludes: 'Set nextHopType to \'Internet\'' }],
    },
    {
      name: 'ExpressRoute and a route table without 0.0.0.0/0',
      files: arm(otherRoute),
      findings: [{ line: lineOf(otherRoute, '"type": "Microsoft.Network/routeTables"') - 1, messageIncludes: 'has no route 0.0.0.0/0' }],
    },
    {
      name: 'ExpressRoute assumed by config, no route table',
      files: arm(iseTemplate({ iseSubnets: ['ise-1'] })),
      config: 'assumptions:\n  expressRoute: [ise-vnet]\n',
      findings: [{ line: lineOf(iseTemplate({ iseSubnets: ['ise-1'] }), '"name": "ise-1"') - 1, messageIncludes: 'no route table' }],
    },
    {
      name: 'route table id from a parameter without value',
      files: arm(rtParam),
      findings: [{ line: lineOf(rtParam, `"id": "[parameters('routeTableId')]"`), severity: 'note', messageIncludes: 'Could not verify the route table' }],
    },
  ],
});
