import type { App, EntityBase, Subnet } from '../../model/entities.js';
import type { Value } from '../../model/value.js';
import type { NetworkModel } from '../../model/model.js';
import type { PortRange } from '../../net/flow.js';
import { lookupRoute } from '../../net/routes.js';
import type { RuleContext } from '../types.js';
import { nameOf, subnetPrefix, subnetRouteTable } from '../shared/subnet-facts.js';
import { checkRequiredFlows, flowText, type RequiredFlowRow } from '../shared/required-flows.js';
import { integratedSubnets } from './integrations.js';

/**
 * Ports of the App Service private ports feature: 20000–30000, TCP and UDP, inbound and outbound
 * within the integration subnet. Source: seed 004_e9cc4b29cfa7aaa9.txt, *Network routing*.
 */
export const PRIVATE_PORTS: PortRange = { from: 20000, to: 30000 };

/** UDP port of Azure's network health checks. Source: seed 004, *Network routing*. */
export const HEALTH_CHECK_PORT = 30000;

/**
 * The address of the integration subnet for flow rows: its IPv4 network (`10.0.1.0/26`) when
 * known, else the `VirtualNetwork` service tag (which contains it).
 */
export function subnetAddress(subnet: Subnet): string {
  const p = subnetPrefix(subnet);
  return p.kind === 'known' ? p.prefix.network : 'VirtualNetwork';
}

/**
 * Checks that traffic leaving the integration subnet for public destinations (Azure services, the
 * internet) is not dropped by a route to next hop `None` covering 0.0.0.0/0 on the subnet's route
 * table. Reports at the route's next hop (`what` names the traffic, e.g. "content share traffic
 * (TCP 443, 445 to Storage)"); an unknown route table reference or route value → couldNotVerify.
 * A route to a virtual appliance is not judged (the appliance's rules are not in the templates).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Network routing*.
 */
export function checkDropRoute(model: NetworkModel, ctx: RuleContext, args: { subnet: Subnet; entity: EntityBase; what: string; data: string }): void {
  const { subnet, entity, what } = args;
  const rt = subnetRouteTable(model, subnet);
  if (rt.kind === 'unknown') {
    ctx.couldNotVerify(rt.value, entity, `the routes of subnet '${nameOf(subnet)}' for ${what}`);
    return;
  }
  if (rt.kind !== 'table') return;
  const table = rt.table;
  const r = lookupRoute(table, '0.0.0.0/0');
  if (r.nextHopType === 'unknown') {
    const at = r.unknownAt;
    const v = at?.addressPrefix && !at.addressPrefix.known ? at.addressPrefix : at?.nextHopType && !at.nextHopType.known ? at.nextHopType : table.routesUnknown;
    if (v && !v.known) ctx.couldNotVerify(v, entity, `the routes of subnet '${nameOf(subnet)}' for ${what}`);
    return;
  }
  if (!r.route || r.nextHopType.toLowerCase() !== 'none') return;
  const route = r.route;
  const prefix = route.addressPrefix?.known ? route.addressPrefix.value : '0.0.0.0/0';
  ctx.report({
    range: route.nextHopType?.range ?? route.range,
    entity,
    message:
      `${what} is dropped: route '${nameOf(route)}' of route table '${nameOf(table)}' on subnet '${nameOf(subnet)}' sends ${prefix} to next hop None. ` +
      `Send that traffic to the internet or to a firewall (VirtualAppliance) that allows it, or add a more specific route for it.`,
    related: [{ range: subnet.range, message: `subnet '${nameOf(subnet)}' uses route table '${nameOf(table)}'` }],
    data: ['route', args.data],
  });
}

/**
 * Runs a table of required flows for every integration subnet that has an NSG or a route table and
 * whose apps turn a routing feature on (`flag`): the NSG check through `checkRequiredFlows`
 * (blocked → at the blocking security rule), and, when `routes` is set, the drop-route check above.
 * A flag that is unknown on such a subnet → couldNotVerify at the app.
 */
export function checkFeatureFlows(
  model: NetworkModel,
  ctx: RuleContext,
  opts: {
    /** The app's feature flag; apps where it is known and true need the rows. */
    flag: (app: App) => Value<boolean> | undefined;
    /** Feature name for "could not verify" notes, e.g. "content share over the VNet (vnetContentShareEnabled)". */
    feature: string;
    /** The rows for a subnet and the apps that use the feature on it. */
    rows: (subnet: Subnet, apps: App[]) => RequiredFlowRow[];
    /** Also check the subnet's route table for a 0.0.0.0/0 route to None. */
    routes: boolean;
  },
): void {
  for (const s of integratedSubnets(model)) {
    const subnet = s.subnet;
    if (subnet.existing || (!subnet.nsg && !subnet.routeTable)) continue;
    const apps: App[] = [];
    for (const app of s.apps) {
      const f = opts.flag(app);
      if (!f) continue;
      if (!f.known) ctx.couldNotVerify(f, app, `whether ${opts.feature} is on`);
      else if (f.value) apps.push(app);
    }
    if (apps.length === 0) continue;
    const rows = opts.rows(subnet, apps);
    if (rows.length === 0) continue;
    checkRequiredFlows(model, ctx, { subnet, rows, entity: subnet });
    if (opts.routes) {
      for (const row of rows) checkDropRoute(model, ctx, { subnet, entity: subnet, what: `${row.purpose} (${flowText(row.flow)})`, data: row.purpose });
    }
  }
}

export { appsText } from './integrations.js';
