import { bicepExpression, bicepString } from './to-bicep.js';
import { TF_TYPES } from './to-terraform.js';
import { FILE_OF, render, type Format } from './render.js';

/**
 * Finding where an expected finding lands in each format's text of a case, so one expectation reads
 * the same for the ARM template and its Bicep and Terraform twins. Two notations, both on a
 * {@link Doc}:
 * - {@link Doc} methods, for `findings: (d) => [{ line: d.item('ise-1') }]`: `line(marker)`,
 *   `lineAfter`, `named`, `item`, `resource`, `param` (`nth` 0-based);
 * - {@link Loc} functions, for `findings: [{ at: item('ise-1') }]`: `named`, `item`, `prop`,
 *   `valueAt`, `resourceAt`, `perFormat` (`nth` 0-based, `after` a name).
 * `named` is the line of the `name` property (ARM `"name": "x"`, Bicep `name: 'x'`, Terraform
 * `name = "x"`); `item` the line above it (an array item's `{`, a resource's first line, a
 * Terraform block header). All throw when the marker is absent.
 */

/** A marker per format. */
export type Markers = Record<Format, string>;

/** 1-based line of the `nth` (0-based) occurrence of `marker` in `text`; throws when absent. */
export function lineIn(text: string, marker: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker not found (${nth}): ${marker}`);
  }
  return text.slice(0, at).split('\n').length;
}

/** One format's text of a case, with marker look-ups that read the same in every format. */
export class Doc {
  readonly lines: string[];

  constructor(
    readonly format: Format,
    readonly text: string,
  ) {
    this.lines = text.split('\n');
  }

  /** The file the case is written to in this format (`azuredeploy.json`, `main.bicep`, `main.tf`). */
  get file(): string {
    return FILE_OF[this.format];
  }

  /** Line of the `nth` (0-based) occurrence of `marker` (one text, or one per format). */
  line(marker: string | Markers, nth = 0): number {
    return lineIn(this.text, typeof marker === 'string' ? marker : marker[this.format], nth);
  }

  /** Line of the first `marker` after the first `after` (both one text, or one per format). */
  lineAfter(after: string | Markers, marker: string | Markers): number {
    const pick = (m: string | Markers) => (typeof m === 'string' ? m : m[this.format]);
    const from = this.text.indexOf(pick(after));
    if (from < 0) throw new Error(`marker not found: ${pick(after)}`);
    const at = this.text.indexOf(pick(marker), from);
    if (at < 0) throw new Error(`marker not found after ${pick(after)}: ${pick(marker)}`);
    return this.text.slice(0, at).split('\n').length;
  }

  /** A string literal as this format writes it: `"x"` (ARM, Terraform) or `'x'` (Bicep). */
  str(s: string): string {
    return this.format === 'bicep' ? `'${s}'` : `"${s}"`;
  }

  /** Line of the `nth` (0-based) `name` property with this value (ARM `"name": "x"`, Bicep `name: 'x'`, Terraform `name = "x"`). */
  named(name: string, nth = 0): number {
    const m = { arm: `"name": "${name}"`, bicep: `name: '${name}'`, terraform: `name = "${name}"` }[this.format];
    return this.line(m, nth);
  }

  /** First line of the object or block whose first property is `name` (the line before it). */
  item(name: string, nth = 0): number {
    return this.named(name, nth) - 1;
  }

  /** First line of the `nth` resource of an ARM type (its Terraform twin's `resource` line). */
  resource(armType: string, nth = 0): number {
    switch (this.format) {
      case 'arm':
        return this.line(`"type": "${armType}"`, nth) - 1;
      case 'bicep':
        return this.line(`'${armType}@`, nth);
      case 'terraform': {
        const tf = TF_TYPES[armType.toLowerCase()];
        if (!tf) throw new Error(`no fixed Terraform type for ${armType}`);
        return this.line(`resource "${tf}"`, nth);
      }
    }
  }

  /** Line of the `nth` use of a template parameter (ARM `[parameters('x')]`, Bicep `: x`, Terraform `var.x`). */
  param(name: string, nth = 0): number {
    const m = { arm: `[parameters('${name}')]`, bicep: `: ${name}\n`, terraform: `var.${name}` }[this.format];
    return this.line(m, nth);
  }
}

/** The {@link Doc} of an ARM fixture template in `format` (see `render`). */
export function docOf(format: Format, armText: string): Doc {
  return new Doc(format, render(format, armText));
}

/** Where a finding lands, per format: a 1-based line. */
export type Loc = (d: Doc) => number;

type Scalar = string | number | boolean;
const isExpr = (v: Scalar): v is string => typeof v === 'string' && v.startsWith('[') && v.endsWith(']');

/** The 1-based line of the `nth` (0-based) line matching `match`, searching from line index `from`; throws when absent. */
function find(d: Doc, what: string, match: (line: string) => boolean, opts: { nth?: number; from?: number } = {}): number {
  let count = 0;
  for (let i = opts.from ?? 0; i < d.lines.length; i++) {
    if (match(d.lines[i]!) && count++ === (opts.nth ?? 0)) return i + 1;
  }
  throw new Error(`${d.format}: marker not found: ${what}\n${d.text}`);
}

function nameTest(format: Format, name: string): (line: string) => boolean {
  if (format === 'arm') return (l) => l.includes(`"name": ${JSON.stringify(name)}`);
  if (format === 'bicep') return (l) => l.trim() === `name: ${bicepString(name)}`;
  return (l) => l.trim() === `name = ${JSON.stringify(name)}`;
}

export interface LocOpts {
  /** The nth match (0-based, as the {@link Doc} methods count). */
  nth?: number;
  /** Search from the line that names this (an item or resource `name`). */
  after?: string;
}

const fromOf = (d: Doc, opts: LocOpts) => (opts.after === undefined ? 0 : find(d, `name ${opts.after}`, nameTest(d.format, opts.after)) - 1);

/** The line of `name: 'x'` (ARM `"name": "x"`, Terraform `name = "x"`). */
export function named(name: string, opts: LocOpts = {}): Loc {
  return (d) => find(d, `name ${name}`, nameTest(d.format, name), { nth: opts.nth, from: fromOf(d, opts) });
}

/** The line above `named(name)`: an array item's `{` (ARM, Bicep) or its block header (Terraform). */
export function item(name: string, opts: LocOpts = {}): Loc {
  return (d) => named(name, opts)(d) - 1;
}

/** ARM property names whose Terraform attribute isn't their snake_case form. */
const TF_KEYS: Record<string, string[]> = {
  addressPrefix: ['address_prefixes', 'address_prefix'],
  addressPrefixes: ['address_prefixes', 'address_space'],
  serviceName: ['name'],
  serviceEndpointPolicies: ['service_endpoint_policy_ids'],
  subnetResourceId: ['subnet_id'],
  id: ['subnet_id'],
  capacity: ['worker_count'],
};
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface PropOpts extends LocOpts {
  /** Terraform attribute names to match instead of the default mapping. */
  tf?: string[];
}

/**
 * The line of a property: ARM `"key": value`, Bicep `key: value`, Terraform `attr = …value…`
 * (attr from {@link TF_KEYS} or the snake_case key). Without `value`, any value.
 * An ARM expression value (`[parameters('x')]`) matches the Bicep identifier and the Terraform `var.x`/`local.x`.
 */
export function prop(key: string, value?: Scalar, opts: PropOpts = {}): Loc {
  return (d) => {
    let test: (l: string) => boolean;
    if (d.format === 'arm') {
      const m = value === undefined ? `"${key}":` : `"${key}": ${JSON.stringify(value)}`;
      test = (l) => l.includes(m);
    } else if (d.format === 'bicep') {
      const v = value === undefined ? '' : isExpr(value) ? ` ${bicepExpression(value.slice(1, -1))}` : ` ${typeof value === 'string' ? bicepString(value) : String(value)}`;
      const m = `${key}:${v}`;
      test = (l) => (value === undefined ? l.trim().startsWith(m) : l.trim() === m || l.trim().startsWith(`${m} `));
    } else {
      const keys = opts.tf ?? TF_KEYS[key] ?? [snake(key)];
      const v = value === undefined ? undefined : isExpr(value) ? `.${/\('([^']+)'\)/.exec(value)?.[1] ?? value}` : typeof value === 'string' ? JSON.stringify(value) : String(value);
      test = (l) => keys.some((k) => l.trim().startsWith(`${k} = `)) && (v === undefined || l.includes(v));
    }
    return find(d, `${key} ${String(value ?? '')}`, test, { nth: opts.nth, from: fromOf(d, opts) });
  };
}

/** A line holding the string `value` as an array item or value (`"v"` / `'v'`). */
export function valueAt(value: string, opts: LocOpts = {}): Loc {
  return (d) => {
    const m = d.format === 'arm' ? JSON.stringify(value) : d.format === 'bicep' ? (isExpr(value) ? bicepExpression(value.slice(1, -1)) : bicepString(value)) : isExpr(value) ? `.${/\('([^']+)'\)/.exec(value)?.[1]}` : JSON.stringify(value);
    const exprInBicep = d.format === 'bicep' && isExpr(value);
    return find(d, `value ${value}`, (l) => (exprInBicep ? l.trim() === m : l.includes(m)), { nth: opts.nth, from: fromOf(d, opts) });
  };
}

/** The first line of a resource `name` of `armType`: ARM `{`, Bicep `resource … '<type>@…' = {`, Terraform `resource "…" "…" {`. */
export function resourceAt(armType: string, name: string): Loc {
  return (d) => {
    const n = named(name)(d);
    for (let i = n - 1; i >= 1 && i >= n - 4; i--) {
      const l = d.lines[i - 1]!;
      if (d.format === 'arm' && l.includes(`"type": ${JSON.stringify(armType)}`)) return i - 1;
      if (d.format === 'bicep' && l.startsWith('resource ') && l.includes(`'${armType}@`)) return i;
      if (d.format === 'terraform' && l.startsWith('resource "')) return i;
    }
    throw new Error(`${d.format}: resource ${armType} ${name} not found\n${d.text}`);
  };
}

/** Different locations per format. */
export function perFormat(locs: { arm: Loc; bicep?: Loc; terraform?: Loc }): Loc {
  return (d) => (locs[d.format] ?? locs.arm)(d);
}

