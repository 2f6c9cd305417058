import { Unknown, symConcat } from '../../model/symbolic.js';
import { isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import { callTemplateFunction, hasUnknown, valuesEqual } from '../functions/index.js';
import { fromBigInt, tryPrefix } from '../../net/cidr.js';

/**
 * Terraform built-in functions that network configurations use
 * (https://developer.hashicorp.com/terraform/language/functions). Where Terraform and ARM agree,
 * the shared template-function library (`src/sources/functions`) does the work; CIDR math is the
 * ARM library's `cidrSubnet`/`cidrHost`/`parseCidr` with Terraform's argument conventions.
 * Never throws: bad arguments or unknown inputs give an `Unknown` with the canonical call text.
 */
export function callTerraformFunction(name: string, args: EvalValue[]): EvalValue {
  const fn = TF_FUNCTIONS[name];
  const expr = () => `${name}(${args.map(argText).join(',')})`;
  if (!fn) return new Unknown(expr(), `unsupported function ${name}()`);
  if (!UNKNOWN_AWARE.has(name) && args.some(hasUnknown)) {
    // String building keeps known pieces so names derived from the same unknown still compare equal.
    return new Unknown(expr(), firstReason(args));
  }
  try {
    const r = fn(args);
    return r === undefined ? new Unknown(expr(), `invalid arguments to ${name}()`) : r;
  } catch (e) {
    return new Unknown(expr(), `${name}(): ${(e as Error)?.message ?? String(e)}`);
  }
}

type Fn = (args: EvalValue[]) => EvalValue | undefined;

const str = (v: EvalValue | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const num = (v: EvalValue | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;
const list = (v: EvalValue | undefined): EvalValue[] | undefined =>
  Array.isArray(v) ? v : undefined;

function prefixLength(cidr: string): number | undefined {
  const m = /\/(\d+)$/.exec(cidr.trim());
  return m ? Number(m[1]) : undefined;
}

const TF_FUNCTIONS: Record<string, Fn> = {
  cidrsubnet: ([p, newbits, netnum]) => {
    const s = str(p);
    const nb = num(newbits);
    const nn = num(netnum);
    const len = s === undefined ? undefined : prefixLength(s);
    if (s === undefined || nb === undefined || nn === undefined || len === undefined) return undefined;
    const r = callTemplateFunction('cidrSubnet', [s, len + nb, nn]);
    return r instanceof Unknown ? undefined : r;
  },
  // Terraform's cidrhost: the network address plus hostnum (negative counts back from the last
  // address); no address is reserved (https://developer.hashicorp.com/terraform/language/functions/cidrhost).
  cidrhost: ([p, hostnum]) => {
    const s = str(p);
    const n = num(hostnum);
    if (s === undefined || n === undefined || !Number.isInteger(n)) return undefined;
    const prefix = tryPrefix(s, { allowHostBits: true });
    if (!prefix) return undefined;
    const host = n >= 0 ? prefix.first + BigInt(n) : prefix.last + 1n + BigInt(n);
    if (host < prefix.first || host > prefix.last) return undefined;
    return fromBigInt(host, prefix.family);
  },
  cidrnetmask: ([p]) => {
    const s = str(p);
    if (s === undefined) return undefined;
    const r = callTemplateFunction('parseCidr', [s]);
    return isEvalObject(r) ? (r.netmask as EvalValue) : undefined;
  },
  format: ([f, ...rest]) => {
    const fmt = str(f);
    if (fmt === undefined) return undefined;
    let i = 0;
    const pieces: (string | Unknown)[] = [];
    let lit = '';
    for (let k = 0; k < fmt.length; k++) {
      const c = fmt[k];
      if (c !== '%') {
        lit += c;
        continue;
      }
      const m = /^%(?:\[(\d+)\])?[-+ #0]*\d*(?:\.\d+)?([sdqvft%])/.exec(fmt.slice(k));
      if (!m) return undefined;
      k += m[0].length - 1;
      if (m[2] === '%') {
        lit += '%';
        continue;
      }
      const idx = m[1] ? Number(m[1]) - 1 : i++;
      const a = rest[idx];
      if (a === undefined) return undefined;
      pieces.push(lit);
      lit = '';
      if (a instanceof Unknown) pieces.push(a);
      else {
        const t = m[2] === 'q' ? JSON.stringify(str(a) ?? '') : str(a);
        if (t === undefined) return undefined;
        pieces.push(t);
      }
    }
    pieces.push(lit);
    return symConcat(pieces);
  },
  concat: (args) => (args.every(Array.isArray) ? (args as EvalValue[][]).flat(1) : undefined),
  merge: (args) => {
    const out: EvalObject = {};
    for (const a of args) {
      if (a === null) continue;
      if (!isEvalObject(a)) return undefined;
      Object.assign(out, a);
    }
    return out;
  },
  lookup: ([m, k, d]) => {
    const key = str(k);
    if (!isEvalObject(m) || key === undefined) return undefined;
    return Object.prototype.hasOwnProperty.call(m, key) ? m[key]! : d;
  },
  element: ([l, i]) => {
    const arr = list(l);
    const n = num(i);
    if (!arr || n === undefined || arr.length === 0) return undefined;
    return arr[((Math.floor(n) % arr.length) + arr.length) % arr.length];
  },
  length: ([v]) => (Array.isArray(v) ? v.length : isEvalObject(v) ? Object.keys(v).length : typeof v === 'string' ? v.length : undefined),
  tolist: ([v]) => (Array.isArray(v) ? v : undefined),
  toset: ([v]) => (Array.isArray(v) ? distinct(v) : undefined),
  tomap: ([v]) => (isEvalObject(v) ? v : undefined),
  tostring: ([v]) => (v === null ? null : str(v)),
  tonumber: ([v]) => (v === null ? null : num(v)),
  tobool: ([v]) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : v === null ? null : undefined),
  coalesce: (args) => {
    for (const a of args) {
      if (a instanceof Unknown) return undefined;
      if (a !== null && a !== '') return a;
    }
    return undefined;
  },
  coalescelist: (args) => args.find((a) => Array.isArray(a) && a.length > 0) ?? undefined,
  lower: ([s]) => str(s)?.toLowerCase(),
  upper: ([s]) => str(s)?.toUpperCase(),
  title: ([s]) => str(s)?.replace(/\b\w/g, (c) => c.toUpperCase()),
  trimspace: ([s]) => str(s)?.trim(),
  trim: ([s, c]) => {
    const t = str(s);
    const chars = str(c);
    if (t === undefined || chars === undefined) return undefined;
    let a = 0;
    let b = t.length;
    while (a < b && chars.includes(t[a]!)) a++;
    while (b > a && chars.includes(t[b - 1]!)) b--;
    return t.slice(a, b);
  },
  replace: ([s, a, b]) => {
    const t = str(s);
    const from = str(a);
    const to = str(b);
    if (t === undefined || from === undefined || to === undefined) return undefined;
    if (from.length > 2 && from.startsWith('/') && from.endsWith('/')) {
      return t.replace(new RegExp(from.slice(1, -1), 'g'), to.replace(/\$\{?(\d+)\}?/g, '$$$1'));
    }
    return t.split(from).join(to);
  },
  split: ([sep, s]) => {
    const t = str(s);
    const d = str(sep);
    return t === undefined || d === undefined ? undefined : t.split(d);
  },
  join: ([sep, ...lists]) => {
    const d = str(sep);
    if (d === undefined || !lists.every(Array.isArray)) return undefined;
    const items = (lists as EvalValue[][]).flat(1).map(str);
    return items.every((x) => x !== undefined) ? items.join(d) : undefined;
  },
  substr: ([s, o, l]) => {
    const t = str(s);
    const off = num(o);
    const len = num(l);
    if (t === undefined || off === undefined || len === undefined) return undefined;
    return len < 0 ? t.slice(off) : t.substr(off, len);
  },
  startswith: ([s, p]) => (str(s) === undefined || str(p) === undefined ? undefined : str(s)!.startsWith(str(p)!)),
  endswith: ([s, p]) => (str(s) === undefined || str(p) === undefined ? undefined : str(s)!.endsWith(str(p)!)),
  flatten: ([l]) => (Array.isArray(l) ? flattenDeep(l) : undefined),
  keys: ([m]) => (isEvalObject(m) ? Object.keys(m).sort() : undefined),
  values: ([m]) => (isEvalObject(m) ? Object.keys(m).sort().map((k) => m[k]!) : undefined),
  contains: ([l, v]) => {
    if (!Array.isArray(l)) return undefined;
    let sawUnknown = false;
    for (const x of l) {
      const eq = valuesEqual(x, v as EvalValue);
      if (eq === true) return true;
      if (eq === 'unknown') sawUnknown = true;
    }
    return sawUnknown ? undefined : false;
  },
  distinct: ([l]) => (Array.isArray(l) ? distinct(l) : undefined),
  compact: ([l]) => (Array.isArray(l) ? l.filter((x) => x !== null && x !== '') : undefined),
  range: (args) => {
    const ns = args.map(num);
    if (ns.some((n) => n === undefined)) return undefined;
    const [a, b, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? (ns[0]! <= ns[1]! ? 1 : -1)];
    const out: number[] = [];
    if (step === 0) return undefined;
    for (let x = a; step > 0 ? x < b : x > b; x += step) {
      out.push(x);
      if (out.length > 10000) return undefined;
    }
    return out;
  },
  zipmap: ([k, v]) => {
    if (!Array.isArray(k) || !Array.isArray(v)) return undefined;
    const o: EvalObject = {};
    k.forEach((key, i) => {
      const s = str(key);
      if (s !== undefined) o[s] = v[i] ?? null;
    });
    return o;
  },
  min: (args) => (args.every((a) => typeof a === 'number') ? Math.min(...(args as number[])) : undefined),
  max: (args) => (args.every((a) => typeof a === 'number') ? Math.max(...(args as number[])) : undefined),
  abs: ([n]) => (typeof n === 'number' ? Math.abs(n) : undefined),
  try: (args) => {
    for (const a of args) if (!(a instanceof Unknown) || !isFailure(a)) return a;
    return undefined;
  },
  can: ([a]) => (a instanceof Unknown ? (isFailure(a) ? false : undefined) : true),
  one: ([l]) => (Array.isArray(l) ? (l.length === 0 ? null : l.length === 1 ? l[0] : undefined) : undefined),
  slice: ([l, a, b]) => (Array.isArray(l) && typeof a === 'number' && typeof b === 'number' ? l.slice(a, b) : undefined),
  reverse: ([l]) => (Array.isArray(l) ? [...l].reverse() : undefined),
  sort: ([l]) => (Array.isArray(l) && l.every((x) => typeof x === 'string') ? [...(l as string[])].sort() : undefined),
};

/** Functions that look inside unknown arguments themselves. */
/** Functions that look inside unknown arguments themselves (the others return Unknown on any unknown argument). */
const UNKNOWN_AWARE = new Set(['format', 'try', 'can', 'coalesce', 'concat', 'merge', 'length', 'tolist', 'toset', 'flatten', 'element', 'lookup', 'contains', 'distinct', 'compact', 'one']);

/** An unknown that stands for an evaluation failure (missing attribute, bad index), as opposed to a runtime value. */
function isFailure(u: Unknown): boolean {
  return !!u.reason && /no member|out of range|invalid index|non-object|invalid arguments/.test(u.reason);
}

function distinct(l: EvalValue[]): EvalValue[] {
  const out: EvalValue[] = [];
  for (const x of l) if (!out.some((y) => valuesEqual(x, y) === true)) out.push(x);
  return out;
}

function flattenDeep(l: EvalValue[]): EvalValue[] {
  const out: EvalValue[] = [];
  for (const x of l) {
    if (Array.isArray(x)) out.push(...flattenDeep(x));
    else out.push(x);
  }
  return out;
}

function firstReason(args: EvalValue[]): string | undefined {
  for (const a of args) if (a instanceof Unknown) return a.reason;
  return undefined;
}

function argText(a: EvalValue): string {
  if (a instanceof Unknown) return a.expr;
  if (typeof a === 'string') return JSON.stringify(a);
  return JSON.stringify(a, (_k, v) => (v instanceof Unknown ? `{${v.expr}}` : v)) ?? 'null';
}
