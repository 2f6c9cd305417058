import type { EntityBase, Route, RouteTable } from '../entities.js';
import { entityKey } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { at, boolValue, itemsOf, present, strValue, unknownOf } from '../rnode-values.js';
import { T, baseOf, parentsOf, bodyOf, childBaseOf, inlineEntities, namesOf, type MapOutput } from './context.js';
import { parentNames } from './network.js';

/**
 * `Microsoft.Network/routeTables` with inline `routes` and `disableBgpRoutePropagation`
 * (requirements.md, "What the model must know": route table).
 */
export function mapRouteTable(r: ResolvedResource, out: MapOutput): void {
  const body = bodyOf(r);
  const props = at(body, 'properties');
  const rt: RouteTable = {
    ...baseOf(r, T.routeTable),
    kind: 'routeTable',
    location: strValue(at(body, 'location')),
    routes: [],
    disableBgpRoutePropagation: boolValue(at(props, 'disableBgpRoutePropagation')),
  };
  out.entities.push(rt);
  const routes = at(props, 'routes');
  if (present(routes) && routes.kind !== 'array') rt.routesUnknown = unknownOf(routes, 'an array of routes');
  itemsOf(routes).forEach((item, i) => {
    if (item.kind !== 'object') {
      if (present(item)) rt.routesUnknown ??= unknownOf(item, 'a route object');
      return;
    }
    const { base } = childBaseOf(rt, namesOf(r), T.route, item, i, 'routes');
    const route = routeFrom(base, rt.key, at(item, 'properties'));
    inlineEntities.add(route);
    out.entities.push(route);
    rt.routes.push(route);
  });
}

/** `Microsoft.Network/routeTables/routes` child resource, appended to its route table. */
export function mapRouteResource(r: ResolvedResource, out: MapOutput): void {
  const rtKey = entityKey(T.routeTable, parentNames(namesOf(r)));
  const route = routeFrom(baseOf(r, T.route), rtKey, at(bodyOf(r), 'properties'));
  out.entities.push(route);
  out.links.push((index) => {
    for (const e of parentsOf(index, rtKey, 'routeTable', route.scope)) {
      const i = e.routes.findIndex((x) => x.key === route.key && x.scope === route.scope && inlineEntities.has(x));
      if (i >= 0) e.routes[i] = route;
      else if (!e.routes.includes(route)) e.routes.push(route);
    }
  });
}

/** Route fields: `addressPrefix`, `nextHopType`, `nextHopIpAddress`. */
export function routeFrom(base: EntityBase, rtKey: string, props: RNode | undefined): Route {
  return {
    ...base,
    kind: 'route',
    routeTable: rtKey,
    addressPrefix: strValue(at(props, 'addressPrefix')),
    nextHopType: strValue(at(props, 'nextHopType')),
    nextHopIpAddress: strValue(at(props, 'nextHopIpAddress')),
  };
}
