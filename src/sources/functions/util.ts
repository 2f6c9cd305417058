import { Unknown, callExpr, type SymString } from '../../model/symbolic.js';
import { getMember, isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';

/** Thrown by a template function on bad arguments; `callTemplateFunction` turns it into an `Unknown` with this reason. */
export class TemplateFunctionError extends Error {}

/** True when `v` is, or contains anywhere, an `Unknown`. */
export function hasUnknown(v: EvalValue): boolean {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (isEvalObject(v)) {
    for (const k in v) if (hasUnknown(v[k]!)) return true;
  }
  return false;
}

/** The first `Unknown` inside `v` (depth-first), for its reason. */
export function firstUnknown(v: EvalValue): Unknown | undefined {
  if (v instanceof Unknown) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = firstUnknown(x);
      if (u) return u;
    }
  } else if (isEvalObject(v)) {
    for (const k in v) {
      const u = firstUnknown(v[k]!);
      if (u) return u;
    }
  }
  return undefined;
}

/** An `Unknown` for the call `name(args)` with the canonical expression text. */
export function unknownCall(name: string, args: readonly EvalValue[], reason?: string): Unknown {
  const r = reason ?? args.map(firstUnknown).find((u) => u !== undefined)?.reason ?? 'depends on an unknown value';
  return new Unknown(callExpr(name, args), r);
}

/** A string, or an Unknown (string-typed, possibly with known parts). */
export function isSymString(v: EvalValue): v is SymString {
  return typeof v === 'string' || v instanceof Unknown;
}

/**
 * Three-valued equality of template values: true, false, or an `Unknown` when it depends on an
 * unknown. Two unknowns with the same canonical expression are equal. Strings compare
 * case-sensitively (ARM `equals`); object keys case-insensitively.
 */
export function valuesEqual(a: EvalValue, b: EvalValue): boolean | 'unknown' {
  if (a instanceof Unknown || b instanceof Unknown) {
    if (a instanceof Unknown && b instanceof Unknown && a.expr === b.expr) return true;
    if (isSymString(a) && isSymString(b) && symStringsDiffer(a, b)) return false;
    return 'unknown';
  }
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const r = valuesEqual(a[i]!, b[i]!);
      if (r === false) return false;
      if (r === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : true;
  }
  if (isEvalObject(a) || isEvalObject(b)) {
    if (!isEvalObject(a) || !isEvalObject(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    let unknown = false;
    for (const k of ka) {
      const other = getMember(b, k);
      if (other === undefined) return false;
      const r = valuesEqual(a[k]!, other);
      if (r === false) return false;
      if (r === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : true;
  }
  return a === b;
}

/** True when the known prefixes or suffixes of two symbolic strings already differ. */
function symStringsDiffer(a: SymString, b: SymString): boolean {
  const pa = typeof a === 'string' ? [a] : a.parts ?? [a];
  const pb = typeof b === 'string' ? [b] : b.parts ?? [b];
  const pre = (p: readonly SymString[]) => (typeof p[0] === 'string' ? p[0] : '');
  const suf = (p: readonly SymString[]) => {
    const l = p[p.length - 1];
    return typeof l === 'string' ? l : '';
  };
  const [x, y] = [pre(pa), pre(pb)];
  const n = Math.min(x.length, y.length);
  if (x.slice(0, n) !== y.slice(0, n)) return true;
  const [s, t] = [suf(pa), suf(pb)];
  const m = Math.min(s.length, t.length);
  return s.slice(s.length - m) !== t.slice(t.length - m);
}

/** Argument type guards raising `TemplateFunctionError`. */
export function needString(v: EvalValue | undefined, fn: string): string {
  if (typeof v !== 'string') throw new TemplateFunctionError(`${fn}: expected a string, got ${typeName(v)}`);
  return v;
}
export function needInt(v: EvalValue | undefined, fn: string): number {
  if (typeof v === 'number') return Math.trunc(v);
  throw new TemplateFunctionError(`${fn}: expected an integer, got ${typeName(v)}`);
}
export function needArray(v: EvalValue | undefined, fn: string): EvalValue[] {
  if (!Array.isArray(v)) throw new TemplateFunctionError(`${fn}: expected an array, got ${typeName(v)}`);
  return v;
}
export function needObject(v: EvalValue | undefined, fn: string): EvalObject {
  if (!isEvalObject(v)) throw new TemplateFunctionError(`${fn}: expected an object, got ${typeName(v)}`);
  return v;
}
export function needArgs(args: readonly EvalValue[], min: number, max: number, fn: string): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new TemplateFunctionError(`${fn}: expected ${want} argument(s), got ${args.length}`);
  }
}

export function typeName(v: EvalValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (v instanceof Unknown) return 'unknown';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v === 'number' ? 'int' : typeof v;
}

/** ARM `string()` text of a known value: booleans `True`/`False`, objects and arrays as compact JSON. */
export function toText(v: EvalValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (v === null) return '';
  return JSON.stringify(v, (_k, x) => (x instanceof Unknown ? `{${x.expr}}` : x));
}
