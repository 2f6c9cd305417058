import type { Route, RouteTable } from '../model/entities.js';
import { contains, NON_PUBLIC_RANGES, tryPrefix, type Prefix } from './cidr.js';

/**
 * Route lookup by longest prefix match over a subnet's route table (user-defined routes), falling
 * back to the system routes (https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview):
 * a UDR wins over a system route of the same or shorter prefix; without a matching UDR, addresses of
 * the VNet's space go `VnetLocal`, private ranges (RFC 1918, 100.64.0.0/10) have no system route
 * (`None`), and everything else goes `Internet`. Routes learned by BGP (ExpressRoute, VPN) are not in
 * the templates and are not modeled.
 */

/** The result of a route lookup. */
export interface RouteLookup {
  /** The matching user-defined route, when one decides. */
  route?: Route;
  /** `Internet`, `VirtualAppliance`, `VirtualNetworkGateway`, `VnetLocal`, `None` as written (or the system route's), or `unknown`. */
  nextHopType: string | 'unknown';
  /** True when no UDR matched and the system route applies. */
  system: boolean;
  /** A route whose prefix or next hop is unknown and could be the longest match: the answer is then `unknown`. */
  unknownAt?: Route;
}

export interface LookupOptions {
  /** The VNet's address prefixes (CIDR text); a destination inside them matches the system `VnetLocal` route. */
  vnetPrefixes?: readonly string[];
}

/**
 * Longest-prefix lookup of `destination` (an IP or CIDR: the whole CIDR must fall inside a route's
 * prefix for that route to match) in `table` (undefined = no route table = system routes only).
 * Routes with an unknown or unparsable address prefix, or an unknown next hop type, make the answer
 * `unknown` (`unknownAt`) when they could be a longer match than the one found. An invalid
 * destination gives `nextHopType: 'unknown'`. Never throws.
 */
export function lookupRoute(table: RouteTable | undefined, destination: string, options: LookupOptions = {}): RouteLookup {
  const dest = tryPrefix(destination, { allowHostBits: true });
  if (!dest) return { nextHopType: 'unknown', system: false };
  let best: { route: Route; prefix: Prefix } | undefined;
  const unknowns: Route[] = [];
  for (const route of table?.routes ?? []) {
    const p = route.addressPrefix?.known ? tryPrefix(route.addressPrefix.value, { allowHostBits: true }) : undefined;
    if (!p) {
      unknowns.push(route);
      continue;
    }
    if (p.family !== dest.family || !contains(p, dest)) continue;
    if (!best || p.length > best.prefix.length) best = { route, prefix: p };
  }
  // a route with an unknown prefix could be a longer match than anything but a host route
  const bestLen = best?.prefix.length ?? -1;
  const maxLen = dest.family === 4 ? 32 : 128;
  const shadow = bestLen < Math.min(dest.length, maxLen) ? unknowns[0] : undefined;
  if (shadow) return { nextHopType: 'unknown', system: false, unknownAt: shadow, ...(best ? { route: best.route } : {}) };
  if (table?.routesUnknown && bestLen < dest.length) return { nextHopType: 'unknown', system: false, ...(best ? { route: best.route } : {}) };
  if (best) {
    const hop = best.route.nextHopType;
    if (!hop || !hop.known) return { route: best.route, nextHopType: 'unknown', system: false, unknownAt: best.route };
    return { route: best.route, nextHopType: hop.value, system: false };
  }
  return { nextHopType: systemNextHop(dest, options), system: true };
}

/** The next hop type of the system routes for a destination prefix. */
export function systemNextHop(dest: Prefix, options: LookupOptions = {}): 'VnetLocal' | 'Internet' | 'None' {
  for (const t of options.vnetPrefixes ?? []) {
    const v = tryPrefix(t, { allowHostBits: true });
    if (v && contains(v, dest)) return 'VnetLocal';
  }
  const privateSpaces = NON_PUBLIC_RANGES.slice(0, 4); // 10/8, 172.16/12, 192.168/16, 100.64/10
  if (privateSpaces.some((r) => contains(r, dest))) return 'None';
  return 'Internet';
}

/**
 * The table's default route (address prefix `0.0.0.0/0`), if any. With several, the first. Routes
 * whose prefix is unknown are not returned (see lookupRoute for the unknown-aware answer).
 */
export function defaultRoute(table: RouteTable | undefined): Route | undefined {
  return table?.routes.find((r) => {
    if (!r.addressPrefix?.known) return false;
    const p = tryPrefix(r.addressPrefix.value, { allowHostBits: true });
    return !!p && p.family === 4 && p.length === 0;
  });
}

/** Next hop type of a route as written, or undefined when unknown/absent. */
export function nextHopOf(route: Route): string | undefined {
  return route.nextHopType?.known ? route.nextHopType.value : undefined;
}
