import type { SourceRange } from '../core/position.js';
import type { RNode } from '../model/resolved-resource.js';
import { Unknown } from '../model/symbolic.js';

/**
 * A value computed by a template evaluator (ARM expressions, Bicep, shared template functions):
 * JSON data, or an `Unknown` anywhere inside it. Strings with unknown pieces are `Unknown`s with
 * `parts` (see symbolic.ts).
 */
export type EvalValue = null | boolean | number | string | Unknown | EvalValue[] | EvalObject;

/** An object value. Keys keep the case they were written in; ARM looks them up case-insensitively. */
export interface EvalObject {
  [key: string]: EvalValue;
}

export function isEvalObject(v: EvalValue | undefined): v is EvalObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

/** Case-insensitive member lookup on an object value (ARM semantics); undefined when absent. */
export function getMember(o: EvalObject, name: string): EvalValue | undefined {
  if (Object.prototype.hasOwnProperty.call(o, name)) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

/**
 * Converts an evaluated value into an RNode tree whose every node has `range` (used when one
 * expression, e.g. `[variables('subnets')]`, yields a whole object or array).
 */
export function toRNode(v: EvalValue, range: SourceRange): RNode {
  if (v instanceof Unknown) return { kind: 'unknown', value: v, range };
  if (Array.isArray(v)) return { kind: 'array', items: v.map((x) => toRNode(x, range)), range };
  if (isEvalObject(v)) {
    const props = new Map<string, { name: string; keyRange: SourceRange; node: RNode }>();
    for (const [k, x] of Object.entries(v)) props.set(k.toLowerCase(), { name: k, keyRange: range, node: toRNode(x, range) });
    return { kind: 'object', props, range };
  }
  return { kind: 'scalar', value: v, range };
}

/** Converts an RNode tree back to a plain value (ranges dropped); used by `reference()` and Bicep symbolic access. */
export function fromRNode(n: RNode): EvalValue {
  switch (n.kind) {
    case 'unknown':
      return n.value;
    case 'scalar':
      return n.value;
    case 'array':
      return n.items.map(fromRNode);
    case 'object': {
      const o: EvalObject = {};
      for (const { name, node } of n.props.values()) o[name] = fromRNode(node);
      return o;
    }
  }
}
