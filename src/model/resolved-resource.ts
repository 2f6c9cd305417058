import type { SourceRange } from '../core/position.js';
import type { SymString, Unknown } from './symbolic.js';

/**
 * An evaluated property tree with source ranges, produced by the ARM and Bicep loaders (both
 * write ARM resource types and property shapes). Keys of objects are matched case-insensitively
 * (ARM property names are); `props` is keyed by the lower-cased name.
 * A value that came from one expression (e.g. `[variables('subnets')]`) has every node's
 * `range` set to that expression's range.
 */
export type RNode = RObject | RArray | RScalar | RUnknown;

export interface RObject {
  kind: 'object';
  /** Lower-cased property name → entry (original name kept in `name`). */
  props: Map<string, { name: string; keyRange: SourceRange; node: RNode }>;
  range: SourceRange;
}
export interface RArray {
  kind: 'array';
  items: RNode[];
  range: SourceRange;
}
export interface RScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  range: SourceRange;
}
export interface RUnknown {
  kind: 'unknown';
  value: Unknown;
  range: SourceRange;
}

/**
 * One resource declaration after evaluation, in ARM terms (ARM JSON and Bicep both produce these;
 * `copy` loops produce one per iteration, `condition: false` produces none).
 */
export interface ResolvedResource {
  /** Full type, e.g. `Microsoft.Network/virtualNetworks/subnets` (child types fully qualified). */
  type: string;
  /** Full name segments, one per type level, e.g. [`vnet1`, `default`] for a subnet. */
  nameSegments: SymString[];
  /** Range of the `name` value (or of the resource when the name is implied). */
  nameRange: SourceRange;
  /** Range of the whole resource declaration. */
  range: SourceRange;
  /** `location`, `kind`, `sku`, `properties`, `tags`, `identity`... as one object (all top-level members). */
  body: RObject;
  /** `existing` resources (Bicep) are known by name only: their properties are unknown. */
  existing?: boolean;
  /** `condition` that could not be evaluated: the resource may or may not be deployed. */
  conditionUnknown?: Unknown;
  /** Source format. */
  format: 'arm' | 'bicep';
  /** Deployment scope: the root template file (display path) this resource was deployed from. */
  scope: string;
}

/** Case-insensitive property lookup along a path, e.g. `get(body, 'properties', 'subnet', 'id')`. */
export function rget(node: RNode | undefined, ...path: (string | number)[]): RNode | undefined {
  let cur = node;
  for (const p of path) {
    if (!cur) return undefined;
    if (typeof p === 'number') cur = cur.kind === 'array' ? cur.items[p] : undefined;
    else cur = cur.kind === 'object' ? cur.props.get(p.toLowerCase())?.node : undefined;
  }
  return cur;
}
