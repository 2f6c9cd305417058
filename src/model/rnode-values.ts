import type { SourceRange } from '../core/position.js';
import type { ValueList } from './entities.js';
import { idToKey } from './keys.js';
import type { RNode, RUnknown } from './resolved-resource.js';
import { Unknown, type SymString } from './symbolic.js';
import { known, unknownValue, type UnknownValue, type Value } from './value.js';

/**
 * Converters from evaluated property trees (RNode, see resolved-resource.ts) to model values
 * (value.ts). None of them throws: a node of the wrong shape (an object where a string is
 * expected, a string where an object is expected) becomes an unknown value with the node's range,
 * `null` and missing properties become absent (`undefined`).
 */

/** Unknown standing for a value of the wrong shape; `expected` says what the model wanted. */
export function invalidUnknown(found: RNode, expected: string): Unknown {
  const what = found.kind === 'scalar' ? (found.value === null ? 'null' : typeof found.value) : found.kind;
  return new Unknown(`<${what}>`, `expected ${expected}, found ${what}`);
}

function invalidNode(found: RNode, expected: string): RUnknown {
  return { kind: 'unknown', value: invalidUnknown(found, expected), range: found.range };
}

/**
 * Case-insensitive property lookup along a path (names, or array indexes). Unlike `rget`, an
 * unknown node met on the way is returned as is (a property of an unknown object is unknown),
 * and stepping into a value of the wrong shape (a string where an object is expected) yields an
 * unknown node with that value's range. Missing properties and `null` yield `undefined`.
 */
export function at(node: RNode | undefined, ...path: (string | number)[]): RNode | undefined {
  let cur = node;
  for (const p of path) {
    if (!cur) return undefined;
    if (cur.kind === 'unknown') return cur;
    if (cur.kind === 'scalar' && cur.value === null) return undefined;
    if (typeof p === 'number') {
      if (cur.kind !== 'array') return invalidNode(cur, 'an array');
      cur = cur.items[p];
    } else {
      if (cur.kind !== 'object') return invalidNode(cur, 'an object');
      cur = cur.props.get(p.toLowerCase())?.node;
    }
  }
  if (cur && cur.kind === 'scalar' && cur.value === null) return undefined;
  return cur;
}

/** True when the node is present and not `null`. */
export function present(node: RNode | undefined): node is RNode {
  return !!node && !(node.kind === 'scalar' && node.value === null);
}

/** The node as a possibly-symbolic string: a string scalar, or an unknown's `Unknown`; else undefined. */
export function symOf(node: RNode | undefined): SymString | undefined {
  if (!node) return undefined;
  if (node.kind === 'unknown') return node.value;
  if (node.kind === 'scalar' && typeof node.value === 'string') return node.value;
  return undefined;
}

/** Items of an array node; `[]` for anything else. */
export function itemsOf(node: RNode | undefined): RNode[] {
  return node && node.kind === 'array' ? node.items : [];
}

/** Unknown value of an unknown node, or of a node of the wrong shape. */
export function unknownOf(node: RNode, expected: string): UnknownValue {
  return unknownValue(node.kind === 'unknown' ? node.value : invalidUnknown(node, expected), node.range);
}

/** A string value. Numbers and booleans are kept as their text; objects and arrays are unknown. */
export function strValue(node: RNode | undefined): Value<string> | undefined {
  if (!present(node)) return undefined;
  if (node.kind === 'scalar') return known(String(node.value), node.range);
  return unknownOf(node, 'a string');
}

/** A number value; ARM often writes numbers as strings (`"10"`), which are parsed. */
export function numValue(node: RNode | undefined): Value<number> | undefined {
  if (!present(node)) return undefined;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'number' && Number.isFinite(node.value)) return known(node.value, node.range);
    if (typeof node.value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value)) return known(Number(node.value), node.range);
  }
  return unknownOf(node, 'a number');
}

/** A boolean value; the strings `true`/`false` (any case) are accepted. */
export function boolValue(node: RNode | undefined): Value<boolean> | undefined {
  if (!present(node)) return undefined;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'boolean') return known(node.value, node.range);
    if (typeof node.value === 'string') {
      const s = node.value.trim().toLowerCase();
      if (s === 'true' || s === 'false') return known(s === 'true', node.range);
    }
  }
  return unknownOf(node, 'a boolean');
}

/**
 * A reference to another resource: an `{ id: '...' }` object or an id string (possibly
 * symbolic), as the referenced entity's key (keys.ts `idToKey`). An id that can't be parsed is
 * unknown. An object without `id` is absent.
 */
export function refValue(node: RNode | undefined): Value<string> | undefined {
  if (!present(node)) return undefined;
  if (node.kind === 'object') return refValue(at(node, 'id'));
  const sym = symOf(node);
  if (sym === undefined) return unknownOf(node, 'a resource id');
  const key = idToKey(sym);
  if (key !== undefined) return known(key, node.range);
  if (typeof sym === 'string') return unknownValue(new Unknown(`'${sym.replace(/'/g, "''")}'`, 'not a resource id'), node.range);
  return unknownValue(sym, node.range);
}

/**
 * A list: each array item converted on its own (with its own range); items the converter maps
 * to `undefined` are dropped. An unknown array, or a value that is not an array, sets `unknown`.
 * Absent → empty list.
 */
export function listValue<T>(node: RNode | undefined, conv: (item: RNode) => Value<T> | undefined): ValueList<T> {
  if (!present(node)) return { items: [] };
  if (node.kind !== 'array') return { items: [], unknown: unknownOf(node, 'an array'), range: node.range };
  const items: Value<T>[] = [];
  for (const it of node.items) {
    const v = conv(it);
    if (v) items.push(v);
  }
  return { items, range: node.range };
}

/**
 * Merges a singular property and its plural twin into one list (NSG `sourcePortRange` +
 * `sourcePortRanges`, subnet `addressPrefix` + `addressPrefixes`). An empty-string singular is
 * ignored (ARM writes `""` next to a plural). The list's range is the plural array's when
 * written, else the singular value's.
 */
export function mergedList<T>(
  singular: RNode | undefined,
  plural: RNode | undefined,
  conv: (item: RNode) => Value<T> | undefined,
): ValueList<T> {
  const pl = listValue(plural, conv);
  if (!present(singular) || (singular.kind === 'scalar' && singular.value === '')) return pl;
  const one = conv(singular);
  const out: ValueList<T> = { items: one ? [one, ...pl.items] : pl.items, range: pl.range ?? singular.range };
  if (pl.unknown) out.unknown = pl.unknown;
  return out;
}

/** An always-empty list that is unknown (e.g. a property of an `existing` resource). */
export function unknownList<T>(u: Unknown, range: SourceRange): ValueList<T> {
  return { items: [], unknown: unknownValue(u, range), range };
}

/** Entity name value of a name segment. */
export function nameValue(seg: SymString, range: SourceRange): Value<string> {
  return typeof seg === 'string' ? known(seg, range) : unknownValue(seg, range);
}

/** Display text of a name segment: the name, or `{expr}` when unknown. */
export function nameText(seg: SymString): string {
  return typeof seg === 'string' ? seg : `{${seg.expr}}`;
}

/**
 * Combines boolean values that each can turn a feature on (a property and an app setting):
 * the first known `true`; else the first unknown (it could be `true`); else the first known
 * `false`; else absent.
 */
export function anyTrue(values: readonly (Value<boolean> | undefined)[]): Value<boolean> | undefined {
  return (
    values.find((v) => v?.known && v.value === true) ??
    values.find((v) => v && !v.known) ??
    values.find((v) => v?.known && v.value === false)
  );
}
