import type { RouteTable, Subnet } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { allIseSubnets, nameOf } from './ise-subnets.js';
import { defaultRoutes, nextHop } from './routes.js';
import { literal, propertyName } from './property-names.js';

/**
 * `ise/expressroute-route` — when the ISE's VNet uses ExpressRoute, a route table with the route
 * 0.0.0.0/0 → next hop `Internet` is linked to every ISE subnet (seed 000, *Create subnets*;
 * seed 001, *Prerequisites*). ExpressRoute presence: `NetworkModel.expressRoute` (an ExpressRoute
 * gateway or connection on the VNet, or the config's `assumptions.expressRoute`).
 */
export const expressrouteRoute: Rule = {
  meta: {
    id: 'ise/expressroute-route',
    title: 'With ExpressRoute, ISE subnets route 0.0.0.0/0 to the Internet',
    description:
      'When the VNet is connected to ExpressRoute, every ISE subnet has a route table with a route 0.0.0.0/0 whose next hop is Internet.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Create subnets'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    const tables = new Map<RouteTable, Subnet[]>();
    for (const { subnet } of allIseSubnets(model)) {
      const vnet = model.vnetOf(subnet);
      if (!vnet || model.expressRoute(vnet) !== 'yes') continue;
      if (!subnet.routeTable) {
        ctx.report({
          entity: subnet,
          range: subnet.range,
          data: ['no-route-table'],
          message: `ISE subnet '${nameOf(subnet)}' has no route table, but its VNet '${nameOf(vnet)}' uses ExpressRoute; link a route table with a route 0.0.0.0/0 → next hop Internet to every ISE subnet.`,
        });
        continue;
      }
      if (!subnet.routeTable.known) {
        ctx.couldNotVerify(subnet.routeTable, subnet, 'the route table of an ISE subnet on an ExpressRoute VNet');
        continue;
      }
      const rt = model.routeTableOf(subnet);
      if (!rt || rt.existing) continue;
      const l = tables.get(rt);
      if (l) l.push(subnet);
      else tables.set(rt, [subnet]);
    }
    for (const [rt, subnets] of tables) {
      const names = subnets.map((s) => `'${nameOf(s)}'`).join(', ');
      if (rt.routesUnknown) {
        ctx.couldNotVerify(rt.routesUnknown, rt, 'the routes of an ISE route table on an ExpressRoute VNet');
        continue;
      }
      const { routes, unknown } = defaultRoutes(rt);
      if (routes.some((r) => nextHop(r) === 'internet')) continue;
      const bad = routes.filter((r) => r.nextHopType?.known);
      for (const r of routes) if (r.nextHopType && !r.nextHopType.known) ctx.couldNotVerify(r.nextHopType, r, 'the next hop of the 0.0.0.0/0 route (ExpressRoute)');
      if (routes.some((r) => r.nextHopType && !r.nextHopType.known)) continue;
      if (bad.length) {
        for (const r of bad) {
          ctx.report({
            entity: r,
            range: r.nextHopType!.range,
            message: `Route '${nameOf(r)}' sends 0.0.0.0/0 to next hop ${r.nextHopType!.known ? r.nextHopType!.value : '?'}, but the ISE subnets ${names} are on an ExpressRoute VNet; they need 0.0.0.0/0 → next hop Internet. Set ${propertyName(r.format, 'nextHopType')} to ${literal(r.format, 'Internet')}.`,
          });
        }
        continue;
      }
      if (unknown.length) {
        for (const u of unknown) ctx.couldNotVerify(u.value, u.route, 'whether the route is 0.0.0.0/0 (ExpressRoute)');
        continue;
      }
      ctx.report({
        entity: rt,
        range: rt.range,
        data: ['missing-route'],
        message: `Route table '${nameOf(rt)}' of the ISE subnets ${names} has no route 0.0.0.0/0 → Internet, but the VNet uses ExpressRoute. Add a route with ${propertyName(rt.format, 'route addressPrefix')} ${literal(rt.format, '0.0.0.0/0')} and ${propertyName(rt.format, 'nextHopType')} ${literal(rt.format, 'Internet')}.`,
      });
    }
  },
};
