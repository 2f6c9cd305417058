import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate } from './fixtures.js';

const toInternet = [{ name: 'default-internet', prefix: '0.0.0.0/0', nextHop: 'Internet' }];
const noTable = iseTemplate({ expressRoute: true });
const toNva = iseTemplate({ expressRoute: true, routes: [{ name: 'default-nva', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance' }] });
const otherRoute = iseTemplate({ expressRoute: true, routes: [{ name: 'onprem', prefix: '192.168.0.0/16', nextHop: 'VirtualNetworkGateway' }] });
const oneSubnet = iseTemplate({ iseSubnets: ['ise-1'] });

const rtParam = iseTemplate({ expressRoute: true, routes: toInternet })
  .replace(`"id": "[resourceId('Microsoft.Network/routeTables', 'ise-routes')]"`, `"id": "[parameters('routeTableId')]"`)
  .replace('"resources": [', '"parameters": { "routeTableId": { "type": "string" } },\n  "resources": [');

twinRule('ise/expressroute-route', {
  valid: [
    { name: 'no ExpressRoute, no route table', arm: iseTemplate() },
    { name: 'ExpressRoute with 0.0.0.0/0 → Internet on every ISE subnet', arm: iseTemplate({ expressRoute: true, routes: toInternet }) },
    {
      name: 'ExpressRoute assumed by config, route present',
      arm: iseTemplate({ routes: toInternet }),
      config: 'assumptions:\n  expressRoute: true\n',
    },
  ],
  invalid: [
    {
      name: 'ExpressRoute and no route table',
      arm: noTable,
      findings: (d) => ['ise-1', 'ise-2', 'ise-3', 'ise-4'].map((n) => ({ line: d.item(n), messageIncludes: `ISE subnet '${n}' has no route table` })),
    },
    {
      name: 'ExpressRoute and 0.0.0.0/0 to a virtual appliance',
      arm: toNva,
      findings: (d) => [{ line: d.line(d.str('VirtualAppliance')), messageIncludes: d.format === 'terraform' ? 'Set next_hop_type to "Internet"' : "Set nextHopType to 'Internet'" }],
    },
    {
      name: 'ExpressRoute and a route table without 0.0.0.0/0',
      arm: otherRoute,
      findings: (d) => [
        {
          line: d.resource('Microsoft.Network/routeTables'),
          messageIncludes:
            d.format === 'terraform'
              ? 'has no route 0.0.0.0/0 → Internet, but the VNet uses ExpressRoute. Add a route with address_prefix "0.0.0.0/0" and next_hop_type "Internet".'
              : "has no route 0.0.0.0/0 → Internet, but the VNet uses ExpressRoute. Add a route with addressPrefix '0.0.0.0/0' and nextHopType 'Internet'.",
        },
      ],
    },
    {
      name: 'ExpressRoute assumed by config, no route table',
      arm: oneSubnet,
      config: 'assumptions:\n  expressRoute: [ise-vnet]\n',
      findings: (d) => [{ line: d.item('ise-1'), messageIncludes: 'no route table' }],
    },
    {
      name: 'route table id from a parameter without value',
      arm: rtParam,
      findings: (d) => [{ line: d.param('routeTableId'), severity: 'note', messageIncludes: 'Could not verify the route table' }],
    },
  ],
});
