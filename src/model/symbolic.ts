/**
 * Values that can't be resolved statically. An `Unknown` is never guessed: it keeps a
 * normalized expression so that two values built from the same unknown compare equal
 * (e.g. two names derived from `uniqueString(resourceGroup().id)`), whichever language wrote it.
 *
 * Canonical expression text, shared by the ARM, Bicep and Terraform evaluators:
 * - a function call: lower-case name, args joined by `,` without spaces: `uniquestring(resourcegroup().id)`
 * - a string literal argument: single-quoted, `'` doubled: `'it''s'`
 * - a template parameter without a value: `parameters('vnetName')` (Bicep params too);
 *   a Terraform variable: `var.name`; a runtime property: `reference(...).x`
 * - a string made of known and unknown pieces keeps those `parts`; its expr is the parts joined,
 *   each unknown written `{expr}`: `{uniquestring(resourcegroup().id)}-vnet`.
 */
export class Unknown {
  /** Canonical expression text (see above). */
  readonly expr: string;
  /** When the unknown is a string with known pieces: the pieces, adjacent strings merged. */
  readonly parts?: readonly (string | Unknown)[];
  /** Why it is unknown, for notes ("parameter without default", "runtime property", ...). */
  readonly reason?: string;

  constructor(expr: string, reason?: string, parts?: readonly (string | Unknown)[]) {
    this.expr = expr;
    this.reason = reason;
    this.parts = parts;
  }

  toString(): string {
    return `{${this.expr}}`;
  }
}

export function isUnknown(x: unknown): x is Unknown {
  return x instanceof Unknown;
}

/** A string that may have unknown pieces. */
export type SymString = string | Unknown;

/**
 * Concatenates string pieces. Returns a plain string when every piece is known, else an
 * `Unknown` whose `parts` keep the known pieces (nested part lists are flattened).
 */
export function symConcat(items: readonly SymString[]): SymString {
  const parts: (string | Unknown)[] = [];
  for (const it of items) {
    const sub = typeof it === 'string' ? [it] : it.parts ?? [it];
    for (const p of sub) {
      const last = parts[parts.length - 1];
      if (typeof p === 'string' && typeof last === 'string') parts[parts.length - 1] = last + p;
      else if (!(typeof p === 'string' && p === '')) parts.push(p);
    }
  }
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0]!;
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  const expr = parts.map((p) => (typeof p === 'string' ? p : `{${p.expr}}`)).join('');
  return new Unknown(expr, (parts.find((p) => typeof p !== 'string') as Unknown).reason, parts);
}

/**
 * Splits a possibly-symbolic string on a literal separator found in its known pieces.
 * An unknown piece is never split (its content is unknown).
 */
export function symSplit(s: SymString, sep: string): SymString[] {
  if (typeof s === 'string') return s.split(sep);
  const parts = s.parts ?? [s];
  const out: SymString[][] = [[]];
  for (const p of parts) {
    if (typeof p !== 'string') {
      out[out.length - 1]!.push(p);
      continue;
    }
    const pieces = p.split(sep);
    pieces.forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece !== '') out[out.length - 1]!.push(piece);
    });
  }
  return out.map((pieces) => symConcat(pieces));
}

/** Key text of a name piece: known strings lower-cased (Azure names are case-insensitive); unknowns `{expr}`. */
export function symKey(s: SymString): string {
  return typeof s === 'string' ? s.toLowerCase() : `{${s.expr.toLowerCase()}}`;
}

/** Canonical expression text of a function call with evaluated arguments. */
export function callExpr(name: string, args: readonly unknown[]): string {
  return `${name.toLowerCase()}(${args.map(argText).join(',')})`;
}

function argText(a: unknown): string {
  if (a instanceof Unknown) return a.expr;
  if (typeof a === 'string') return `'${a.replace(/'/g, "''")}'`;
  if (a === null || a === undefined) return 'null';
  if (typeof a === 'object') return JSON.stringify(a, (_k, v) => (v instanceof Unknown ? `{${v.expr}}` : v));
  return String(a);
}
