import type { Entity } from './entities.js';
import { T, inlineEntities, type EntityIndex, type MapOutput } from './from-arm/context.js';
import { mapConnection, mapVnetGateway } from './from-arm/gateways.js';
import { mapIntegrationAccount, mapIse, mapWorkflow } from './from-arm/logic.js';
import { mapPeeringResource, mapSubnetResource, mapVirtualNetwork } from './from-arm/network.js';
import { mapNsg, mapSecurityRuleResource } from './from-arm/nsg.js';
import { mapOccupants } from './from-arm/occupants.js';
import { mapRouteResource, mapRouteTable } from './from-arm/routes.js';
import { mapAppConfig, mapApp, mapNetworkConfig, mapVnetConnection } from './from-arm/web-apps.js';
import { mapAse, mapAutoscale, mapPlan } from './from-arm/web.js';
import { NetworkModel, type Assumptions } from './model.js';
import type { ResolvedResource } from './resolved-resource.js';

type Mapper = (r: ResolvedResource, out: MapOutput) => void;

/** ARM type (lower-case) → mapper. Types not listed only yield subnet occupants. */
const MAPPERS = new Map<string, Mapper>(
  (
    [
      [T.vnet, mapVirtualNetwork],
      [T.subnet, mapSubnetResource],
      [T.peering, mapPeeringResource],
      [T.nsg, mapNsg],
      [T.securityRule, mapSecurityRuleResource],
      [T.routeTable, mapRouteTable],
      [T.route, mapRouteResource],
      [T.vnetGateway, mapVnetGateway],
      [T.connection, mapConnection],
      [T.ise, mapIse],
      [T.workflow, mapWorkflow],
      [T.integrationAccount, mapIntegrationAccount],
      [T.ase, mapAse],
      [T.plan, mapPlan],
      [T.site, (r, o) => mapApp(r, o, false)],
      [T.slot, (r, o) => mapApp(r, o, true)],
      ['Microsoft.Web/sites/config', mapAppConfig],
      ['Microsoft.Web/sites/slots/config', mapAppConfig],
      ['Microsoft.Web/sites/networkConfig', mapNetworkConfig],
      ['Microsoft.Web/sites/slots/networkConfig', mapNetworkConfig],
      ['Microsoft.Web/sites/virtualNetworkConnections', mapVnetConnection],
      ['Microsoft.Web/sites/slots/virtualNetworkConnections', mapVnetConnection],
      [T.autoscale, mapAutoscale],
    ] as [string, Mapper][]
  ).map(([t, m]) => [t.toLowerCase(), m]),
);

/**
 * Builds the network model of one run (design.md, "Data flow" step 2; requirements.md, "What the
 * model must know").
 * - `resources`: ARM-shaped resources from the ARM and Bicep loaders, mapped here to entities
 *   (VNets with their inline subnets and peerings, NSGs with their rules in declaration order,
 *   route tables and routes, gateways and connections, ISEs and logic apps, ASEs, plans, apps with
 *   their VNet integrations and routing flags, autoscale settings, and subnet occupants).
 *   Child resources attach to their parents wherever those are declared; a child resource
 *   replaces an inline declaration of the same key in the same scope.
 * - `entities`: entities already mapped by a loader (Terraform), added as they are.
 * - `assumptions`: the config's facts the templates can't show.
 * Never throws on user content: odd shapes become unknown or absent values; a resource whose
 * mapping fails anyway is left out.
 */
export function buildModel(resources: ResolvedResource[], entities: Entity[], assumptions?: Assumptions): NetworkModel {
  const out: MapOutput = { entities: [], links: [] };
  for (const r of Array.isArray(resources) ? resources : []) {
    const mark = out.entities.length;
    const linkMark = out.links.length;
    try {
      mapResource(r, out);
    } catch {
      // A shape the mappers didn't foresee: leave this resource out rather than fail the run.
      out.entities.length = mark;
      out.links.length = linkMark;
    }
  }

  const mapped = dropShadowedInline(out.entities);
  const all = [...mapped, ...(Array.isArray(entities) ? entities.filter((e) => e && typeof e === 'object') : [])];
  const byKey = new Map<string, Entity[]>();
  for (const e of all) {
    const l = byKey.get(e.key);
    if (l) l.push(e);
    else byKey.set(e.key, [e]);
  }
  const index: EntityIndex = { byKey: (k) => byKey.get(k) ?? [] };
  for (const link of out.links) {
    try {
      link(index);
    } catch {
      // a link between odd shapes: skip it
    }
  }

  const model = new NetworkModel(assumptions ?? {});
  for (const e of all) model.add(e);
  return model;
}

/**
 * Maps one resource into `out` (entities, and links to run once all are mapped). Types without a
 * mapper only yield subnet occupants. May throw on shapes no loader produces (a body that is not
 * an RNode tree); `buildModel` catches that per resource.
 */
export function mapResource(r: ResolvedResource, out: MapOutput): void {
  if (!r || typeof r.type !== 'string' || !r.body) return;
  const mapper = MAPPERS.get(r.type.toLowerCase());
  if (mapper) mapper(r, out);
  else mapOccupants(r, out);
}

/** Drops inline child entities (subnets, rules, routes, peerings) that a child resource of the same key, kind and scope redeclares. */
function dropShadowedInline(list: Entity[]): Entity[] {
  const declared = new Set<string>();
  for (const e of list) if (!inlineEntities.has(e)) declared.add(`${e.kind}\u0000${e.scope}\u0000${e.key}`);
  return list.filter((e) => !inlineEntities.has(e) || !declared.has(`${e.kind}\u0000${e.scope}\u0000${e.key}`));
}
