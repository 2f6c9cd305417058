import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, expressRouteGateway, lineOf, routeTable, subnet } from './fixtures.js';

const gatewaySubnet = subnet({ name: 'GatewaySubnet', prefix: '10.0.255.0/27' });
const er = { subnets: [gatewaySubnet], resources: [expressRouteGateway()] };
const good = routeTable('ase-routes', [{ name: 'internet', prefix: '0.0.0.0/0', hop: 'Internet' }]);
const toAppliance = routeTable('ase-routes', [{ name: 'default', prefix: '0.0.0.0/0', hop: 'VirtualAppliance' }]);
const onlyOther = routeTable('ase-routes', [{ name: 'onprem', prefix: '192.168.0.0/16', hop: 'VirtualNetworkGateway' }]);

const noRt = aseTemplate({ kind: 'ASEV2', ...er });
const wrongHop = aseTemplate({ kind: 'ASEV2', routeTable: toAppliance, ...er });
const missing = aseTemplate({ kind: 'ASEV2', routeTable: onlyOther, ...er });

ruleTester.run('ase/expressroute-route', {
  valid: [
    { name: 'ExpressRoute and a UDR 0.0.0.0/0 → Internet', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', routeTable: good, ...er }) } },
    { name: 'no ExpressRoute, no route table', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    { name: 'ASEv3 on ExpressRoute (v1/v2 only)', files: { 'azuredeploy.json': aseTemplate({ ...er }) } },
  ],
  invalid: [
    {
      name: 'ExpressRoute, no route table on the ASE subnet',
      files: { 'azuredeploy.json': noRt },
      findings: [{ line: lineOf(noRt, '"name": "ase-subnet"') - 1, messageIncludes: 'has no route table' }],
    },
    {
      name: 'ExpressRoute, 0.0.0.0/0 to a virtual appliance',
      files: { 'azuredeploy.json': wrongHop },
      findings: [{ line: lineOf(wrongHop, '"nextHopType": "VirtualAppliance"'), messageIncludes: "next hop 'VirtualAppliance'" }],
    },
    {
      name: 'ExpressRoute, route table without a default route',
      files: { 'azuredeploy.json': missing },
      findings: [{ line: lineOf(missing, '"type": "Microsoft.Network/routeTables"') - 1, messageIncludes: 'no route 0.0.0.0/0 → Internet' }],
    },
    {
      name: 'ExpressRoute assumed by the config',
      files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) },
      config: 'assumptions:\n  expressRoute: true\n',
      findings: [{ line: lineOf(aseTemplate({ kind: 'ASEV2' }), '"name": "ase-subnet"') - 1, messageIncludes: 'has no route table' }],
    },
  ],
});
