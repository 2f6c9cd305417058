import { tryPrefix } from '../../net/cidr.js';
import type { Route, RouteTable } from '../../model/entities.js';
import type { UnknownValue } from '../../model/value.js';

/** True when the text is the default route 0.0.0.0/0. */
export function isDefaultRoutePrefix(text: string): boolean {
  const p = tryPrefix(text, { allowHostBits: true });
  return !!p && p.family === 4 && p.length === 0;
}

/**
 * The route table's routes for 0.0.0.0/0, and the unknown address prefixes that might be one
 * (so a caller can say "could not verify" instead of "missing").
 */
export function defaultRoutes(rt: RouteTable): { routes: Route[]; unknown: { route: Route; value: UnknownValue }[] } {
  const routes: Route[] = [];
  const unknown: { route: Route; value: UnknownValue }[] = [];
  for (const r of rt.routes) {
    if (!r.addressPrefix) continue;
    if (!r.addressPrefix.known) unknown.push({ route: r, value: r.addressPrefix });
    else if (isDefaultRoutePrefix(r.addressPrefix.value)) routes.push(r);
  }
  return { routes, unknown };
}

/** The next hop type lower-cased, or undefined when unset/unknown. */
export function nextHop(r: Route): string | undefined {
  return r.nextHopType?.known ? r.nextHopType.value.trim().toLowerCase() : undefined;
}
