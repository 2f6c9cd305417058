import type { Entity, EntityBase } from '../entities.js';
import { entityKey } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { nameText, nameValue, at, symOf } from '../rnode-values.js';
import { Unknown, type SymString } from '../symbolic.js';

/** ARM types the builder maps, in their documented casing (keys lower-case them). */
export const T = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  securityRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  routeTable: 'Microsoft.Network/routeTables',
  route: 'Microsoft.Network/routeTables/routes',
  vnetGateway: 'Microsoft.Network/virtualNetworkGateways',
  connection: 'Microsoft.Network/connections',
  ise: 'Microsoft.Logic/integrationServiceEnvironments',
  workflow: 'Microsoft.Logic/workflows',
  integrationAccount: 'Microsoft.Logic/integrationAccounts',
  ase: 'Microsoft.Web/hostingEnvironments',
  plan: 'Microsoft.Web/serverfarms',
  site: 'Microsoft.Web/sites',
  slot: 'Microsoft.Web/sites/slots',
  autoscale: 'Microsoft.Insights/autoscalesettings',
} as const;

/**
 * What one resource mapper produces: entities, and links to run once every resource is mapped
 * (a child resource that attaches to its parent, declared anywhere in the run).
 */
export interface MapOutput {
  entities: Entity[];
  links: ((index: EntityIndex) => void)[];
}

/** Entities collected so far, by key (lower-case canonical key). */
export interface EntityIndex {
  byKey(key: string): Entity[];
}

/** Entities produced from an inline array item (a subnet in a VNet's `subnets`): a child resource with the same key and scope replaces them. */
export const inlineEntities = new WeakSet<Entity>();

/** Unknown standing for the properties of an `existing` resource (not written in the template). */
export function existingUnknown(r: ResolvedResource): Unknown {
  return new Unknown(`reference(${displayOf(r.type, r.nameSegments)})`, 'existing resource: its properties are not in the template');
}

/** The resource body; for an `existing` resource an unknown node (only its identity is known). */
export function bodyOf(r: ResolvedResource): RNode {
  if (r.existing) return { kind: 'unknown', value: existingUnknown(r), range: r.range };
  return r.body;
}

/** `type/last name`, the last name `{expr}` when unknown. */
export function displayOf(type: string, names: readonly SymString[]): string {
  const last = names[names.length - 1];
  return `${type}/${last === undefined ? '{name}' : nameText(last)}`;
}

/** Name segments of a resource; never empty. */
export function namesOf(r: ResolvedResource): SymString[] {
  const n = Array.isArray(r.nameSegments) ? r.nameSegments.filter((s) => typeof s === 'string' || s instanceof Unknown) : [];
  return n.length ? n : [new Unknown('<missing name>', 'resource without a name')];
}

/** Common entity fields of a whole resource declaration mapped to `type`. */
export function baseOf(r: ResolvedResource, type: string): EntityBase {
  const names = namesOf(r);
  const last = names[names.length - 1]!;
  const b: EntityBase = {
    key: entityKey(type, names),
    type,
    sourceType: r.type,
    name: nameValue(last, r.nameRange ?? r.range),
    display: displayOf(type, names),
    range: r.range,
    format: r.format,
    scope: r.scope,
  };
  if (r.existing) b.existing = true;
  if (r.conditionUnknown) b.conditional = true;
  return b;
}

/**
 * Common fields of a child entity written inline in its parent (`item` = the array item, e.g.
 * one of a VNet's `subnets`): key from the parent's names + the item's `name`.
 */
export function childBaseOf(parent: EntityBase, parentNames: readonly SymString[], type: string, item: RNode, index: number, listName: string): { base: EntityBase; names: SymString[] } {
  const nameNode = at(item, 'name');
  const sym = symOf(nameNode) ?? new Unknown(`${listName}[${index}].name`, 'inline item without a name');
  const names = [...parentNames, sym];
  const range = nameNode?.range ?? item.range;
  const base: EntityBase = {
    key: entityKey(type, names),
    type,
    sourceType: type,
    name: nameValue(sym, range),
    display: displayOf(type, names),
    range: item.range,
    format: parent.format,
    scope: parent.scope,
  };
  if (parent.existing) base.existing = true;
  if (parent.conditional) base.conditional = true;
  return { base, names };
}

/**
 * The entities of `kind` with `key` a child resource attaches to: those of the child's own
 * deployment scope when there are any (two templates often share a `uniqueString` name), else
 * every one with that key (a parent declared in another template).
 */
export function parentsOf<K extends Entity['kind']>(index: EntityIndex, key: string, kind: K, scope: string): Extract<Entity, { kind: K }>[] {
  const all = index.byKey(key).filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);
  const same = all.filter((e) => e.scope === scope);
  return same.length ? same : all;
}
