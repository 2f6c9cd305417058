import { item, prop, resourceAt, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate, expressRouteGateway, routeTable, subnet } from './fixtures.js';

const gatewaySubnet = subnet({ name: 'GatewaySubnet', prefix: '10.0.255.0/27' });
const er = { subnets: [gatewaySubnet], resources: [expressRouteGateway()] };
const good = routeTable('ase-routes', [{ name: 'internet', prefix: '0.0.0.0/0', hop: 'Internet' }]);
const toAppliance = routeTable('ase-routes', [{ name: 'default', prefix: '0.0.0.0/0', hop: 'VirtualAppliance' }]);
const onlyOther = routeTable('ase-routes', [{ name: 'onprem', prefix: '192.168.0.0/16', hop: 'VirtualNetworkGateway' }]);

twinRule('ase/expressroute-route', [
  { name: 'ExpressRoute and a UDR 0.0.0.0/0 → Internet', arm: aseTemplate({ kind: 'ASEV2', routeTable: good, ...er }) },
  { name: 'no ExpressRoute, no route table', arm: aseTemplate({ kind: 'ASEV2' }) },
  { name: 'ASEv3 on ExpressRoute (v1/v2 only)', arm: aseTemplate({ ...er }) },
  { name: 'ExpressRoute, no route table on the ASE subnet', arm: aseTemplate({ kind: 'ASEV2', ...er }), findings: [{ at: item('ase-subnet'), messageIncludes: 'has no route table' }] },
  {
    name: 'ExpressRoute, 0.0.0.0/0 to a virtual appliance',
    arm: aseTemplate({ kind: 'ASEV2', routeTable: toAppliance, ...er }),
    findings: [{ at: prop('nextHopType', 'VirtualAppliance'), messageIncludes: "next hop 'VirtualAppliance'" }],
  },
  {
    name: 'ExpressRoute, route table without a default route',
    arm: aseTemplate({ kind: 'ASEV2', routeTable: onlyOther, ...er }),
    findings: [{ at: resourceAt('Microsoft.Network/routeTables', 'ase-routes'), messageIncludes: 'no route 0.0.0.0/0 → Internet' }],
  },
  {
    name: 'ExpressRoute assumed by the config',
    arm: aseTemplate({ kind: 'ASEV2' }),
    config: 'assumptions:\n  expressRoute: true\n',
    findings: [{ at: item('ase-subnet'), messageIncludes: 'has no route table' }],
  },
]);
