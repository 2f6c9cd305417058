import { tryPrefix } from '../../net/cidr.js';
import type { Route } from '../../model/entities.js';
import type { UnknownValue } from '../../model/value.js';
import { SEEDS, seedSection } from '../sources.js';
import type { Rule } from '../types.js';
import { aseSites, aseText, subnetText } from './ase-site.js';

/**
 * `ase/expressroute-route` — when the ASE's VNet is connected to ExpressRoute (NetworkModel.expressRoute),
 * the ASE subnet has a route table with a UDR 0.0.0.0/0 → next hop `Internet`, so management replies and
 * SQL traffic leave through the ASE's VIP instead of being forced down the ExpressRoute.
 * Source: seed 003 *Routes* (and its IMPORTANT box: more specific advertised routes still win).
 */
export const aseExpressRouteRoute: Rule = {
  meta: {
    id: 'ase/expressroute-route',
    title: 'ASE subnets on ExpressRoute route 0.0.0.0/0 to Internet',
    description: 'With ExpressRoute on the VNet, the ASEv1/v2 subnet needs a route table with a 0.0.0.0/0 route whose next hop is Internet.',
    severity: 'error',
    source: seedSection(SEEDS.ASE_NETWORKING, 'Routes'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const { ase, version, subnet } of aseSites(model, ctx, [1, 2], 'the ExpressRoute route check')) {
      const vnet = model.vnetOf(subnet);
      if (!vnet || model.expressRoute(vnet) !== 'yes') continue;
      const head = `${aseText(ase)} (ASEv${version}) is in ${subnetText(subnet)} of a VNet connected to ExpressRoute`;
      const tail = `Note that routes more specific than 0.0.0.0/0 advertised over ExpressRoute still override it.`;
      if (!subnet.routeTable) {
        ctx.report({
          range: subnet.range,
          entity: subnet,
          message:
            `${head}, but the subnet has no route table; without a UDR 0.0.0.0/0 → Internet the ASE's management and SQL traffic is forced down ExpressRoute and the ASE stops working. ` +
            `Link a route table with a route addressPrefix '0.0.0.0/0', nextHopType 'Internet'. ${tail}`,
          data: ['no-route-table'],
        });
        continue;
      }
      if (!subnet.routeTable.known) {
        ctx.couldNotVerify(subnet.routeTable, subnet, 'the route table of the ASE subnet, to check for 0.0.0.0/0 → Internet');
        continue;
      }
      const rt = model.routeTableOf(subnet);
      if (!rt || rt.existing) continue; // declared elsewhere: can't see its routes
      const defaults: Route[] = [];
      const unknowns: UnknownValue[] = [];
      for (const r of rt.routes) {
        if (!r.addressPrefix) continue;
        if (!r.addressPrefix.known) {
          unknowns.push(r.addressPrefix);
          continue;
        }
        const p = tryPrefix(r.addressPrefix.value);
        if (p && p.family === 4 && p.length === 0) defaults.push(r);
      }
      if (rt.routesUnknown) unknowns.push(rt.routesUnknown);
      const ok = defaults.find((r) => r.nextHopType?.known && r.nextHopType.value.toLowerCase() === 'internet');
      if (ok) continue;
      const unknownHop = defaults.find((r) => r.nextHopType && !r.nextHopType.known);
      if (unknownHop?.nextHopType && !unknownHop.nextHopType.known) {
        ctx.couldNotVerify(unknownHop.nextHopType, unknownHop, 'the next hop of the 0.0.0.0/0 route on the ASE subnet');
        continue;
      }
      const wrong = defaults[0];
      if (wrong) {
        const hop = wrong.nextHopType?.known ? wrong.nextHopType.value : 'none';
        ctx.report({
          range: wrong.nextHopType?.range ?? wrong.range,
          entity: wrong,
          message:
            `${head}; its route 0.0.0.0/0 has next hop '${hop}', so internet-bound traffic (SQL, management replies) doesn't leave through the ASE's VIP and the ASE stops working. ` +
            `Set nextHopType to 'Internet'. ${tail}`,
          data: ['wrong-next-hop'],
        });
        continue;
      }
      if (unknowns.length > 0) {
        for (const u of unknowns) ctx.couldNotVerify(u, rt, 'the routes of the ASE subnet, to find 0.0.0.0/0 → Internet');
        continue;
      }
      ctx.report({
        range: rt.range,
        entity: rt,
        message:
          `${head}, but its route table has no route 0.0.0.0/0 → Internet; the ASE's management and SQL traffic is forced down ExpressRoute and the ASE stops working. ` +
          `Add a route with addressPrefix '0.0.0.0/0' and nextHopType 'Internet'. ${tail}`,
        related: [{ range: subnet.routeTable.range, message: `${subnetText(subnet)} uses this route table` }],
        data: ['no-default-route'],
      });
    }
  },
};
