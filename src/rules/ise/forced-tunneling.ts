import type { Route, RouteTable } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { allIseSubnets, nameOf } from './ise-subnets.js';
import { defaultRoutes, nextHop } from './routes.js';
import { propertyName } from './property-names.js';

/**
 * Service endpoints an ISE subnet needs under forced tunneling, "because you can't send traffic
 * through a firewall to these services" (seed 000, *Forced tunneling requirements*: Azure SQL,
 * Storage, Service Bus, KeyVault and Event Hubs).
 */
export const FORCED_TUNNELING_SERVICE_ENDPOINTS = ['Microsoft.Sql', 'Microsoft.Storage', 'Microsoft.ServiceBus', 'Microsoft.KeyVault', 'Microsoft.EventHub'] as const;

/** Next hop types that make a 0.0.0.0/0 route forced tunneling (to a firewall/NVA or a VPN/ExpressRoute gateway). */
export const FORCED_TUNNELING_NEXT_HOPS = ['virtualappliance', 'virtualnetworkgateway'];

/**
 * `ise/forced-tunneling` — an ISE subnet whose route table sends 0.0.0.0/0 to a virtual appliance
 * or gateway needs service endpoints for Microsoft.Sql, Microsoft.Storage, Microsoft.ServiceBus,
 * Microsoft.KeyVault and Microsoft.EventHub (error), and routes with next hop Internet for the
 * Logic Apps, connector, App Service Environment management, Traffic Manager and API Management
 * control-plane addresses of the region, whose lists aren't in the template (a note on the route)
 * (seed 000, *Forced tunneling requirements*).
 */
export const forcedTunneling: Rule = {
  meta: {
    id: 'ise/forced-tunneling',
    title: 'Forced tunneling keeps ISE dependencies reachable',
    description:
      'With a 0.0.0.0/0 route to a virtual appliance or gateway, ISE subnets have service endpoints for Azure SQL, Storage, Service Bus, Key Vault and Event Hubs, and routes with next hop Internet for the management addresses.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Forced tunneling requirements'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    const noted = new Set<Route>();
    for (const { subnet } of allIseSubnets(model)) {
      const rt: RouteTable | undefined = model.routeTableOf(subnet);
      if (!rt || rt.existing || rt.routesUnknown) continue; // unknown routes: ise/expressroute-route or nothing to say
      const tunnel = defaultRoutes(rt).routes.find((r) => FORCED_TUNNELING_NEXT_HOPS.includes(nextHop(r) ?? ''));
      if (!tunnel) continue;
      const hop = tunnel.nextHopType!.known ? tunnel.nextHopType!.value : '';
      const se = subnet.serviceEndpoints;
      if (se.unknown) {
        ctx.couldNotVerify(se.unknown, subnet, 'the service endpoints of a force-tunneled ISE subnet');
      } else {
        const present: string[] = [];
        let unknown = false;
        for (const v of se.items) {
          if (!v.known) {
            ctx.couldNotVerify(v, subnet, 'the service endpoints of a force-tunneled ISE subnet');
            unknown = true;
          } else present.push(v.value.trim().toLowerCase());
        }
        const missing = FORCED_TUNNELING_SERVICE_ENDPOINTS.filter((n) => {
          const l = n.toLowerCase();
          return !present.some((p) => p === l || p.startsWith(`${l}.`));
        });
        if (missing.length && !unknown) {
          ctx.report({
            entity: subnet,
            range: se.range ?? subnet.range,
            data: ['service-endpoints'],
            related: [{ range: tunnel.range, message: `route '${nameOf(tunnel)}' sends 0.0.0.0/0 to ${hop}` }],
            message: `ISE subnet '${nameOf(subnet)}' is force-tunneled (route '${nameOf(tunnel)}' sends 0.0.0.0/0 to ${hop}) but lacks the service endpoint${missing.length === 1 ? '' : 's'} ${missing.join(', ')}; traffic to these services can't go through a firewall. Add ${missing.length === 1 ? 'it' : 'them'} to ${propertyName(subnet.format, 'serviceEndpoints')}.`,
          });
        }
      }
      if (!noted.has(tunnel)) {
        noted.add(tunnel);
        ctx.report({
          entity: tunnel,
          range: tunnel.range,
          severity: 'note',
          data: ['management-routes'],
          message: `Route '${nameOf(tunnel)}' force-tunnels ISE subnets to ${hop}: add routes with next hop Internet for the region's Azure Logic Apps inbound and outbound addresses, connector addresses, App Service Environment management addresses, Traffic Manager probe addresses and API Management control-plane addresses (these lists are not in the template, so they can't be checked), or the ISE deployment fails.`,
        });
      }
    }
  },
};
