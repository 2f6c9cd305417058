import { describe, expect, it, test } from '@jest/globals';
import { checkFiles, ruleTester, type ExpectedFinding, type InvalidCase, type ValidCase } from '../../../helpers/rule-tester.js';
import { ruleById } from '../../../../src/rules/index.js';
import { armToBicep, bicepExpression, bicepString } from './bicep.js';
import { armToTerraform, NoTwin } from './terraform.js';

/**
 * Rule tables in three formats: one case spec (an ARM template text from the builders, and where
 * its findings land, located by markers that exist in every format) becomes an ARM case, a Bicep
 * twin (`main.bicep`, {@link armToBicep}) and a Terraform twin (`main.tf`, {@link armToTerraform}),
 * each run through the real engine with `ruleTester`.
 */
export type Format = 'arm' | 'bicep' | 'terraform';
export const FORMATS: readonly Format[] = ['arm', 'bicep', 'terraform'];
export const FILE_OF: Record<Format, string> = { arm: 'azuredeploy.json', bicep: 'main.bicep', terraform: 'main.tf' };

/** One rendering of a case. */
export interface Doc {
  format: Format;
  text: string;
  lines: string[];
}

/** The case's ARM text rendered in `format`; throws {@link NoTwin} when Terraform can't express it. */
export function render(arm: string, format: Format): Doc {
  const text = format === 'arm' ? arm : format === 'bicep' ? armToBicep(arm) : armToTerraform(arm);
  return { format, text, lines: text.split('\n') };
}

/** Where a finding lands, per format: a 1-based line. */
export type Loc = (d: Doc) => number;

type Scalar = string | number | boolean;
const isExpr = (v: Scalar): v is string => typeof v === 'string' && v.startsWith('[') && v.endsWith(']');

/** The 1-based line of the `nth` line matching `match`, searching from line index `from`; throws when absent. */
function find(d: Doc, what: string, match: (line: string) => boolean, opts: { nth?: number; from?: number } = {}): number {
  let count = 0;
  for (let i = opts.from ?? 0; i < d.lines.length; i++) {
    if (match(d.lines[i]!) && ++count === (opts.nth ?? 1)) return i + 1;
  }
  throw new Error(`${d.format}: marker not found: ${what}\n${d.text}`);
}

function nameTest(format: Format, name: string): (line: string) => boolean {
  if (format === 'arm') return (l) => l.includes(`"name": ${JSON.stringify(name)}`);
  if (format === 'bicep') return (l) => l.trim() === `name: ${bicepString(name)}`;
  return (l) => l.trim() === `name = ${JSON.stringify(name)}`;
}

export interface LocOpts {
  /** The nth match (1-based). */
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

/** An expected finding whose line is located in each format. */
export interface TwinFinding extends Omit<ExpectedFinding, 'line' | 'file'> {
  at: Loc;
}

export interface TwinCase {
  name: string;
  /** The ARM template text (from the builders). */
  arm: string;
  config?: string;
  /** Expected findings of the rule (none: a valid case). */
  findings?: TwinFinding[];
  /** Per format, other expected findings, with the reason the formats differ. */
  differs?: Partial<Record<Format, { findings: TwinFinding[]; why: string }>>;
  /** Per format, a known gap (loader or rule): the twin runs as `it.failing` with this reason. */
  gap?: Partial<Record<Format, string>>;
  /** Per format, why there is no twin (`test.todo`). */
  noTwin?: Partial<Record<Format, string>>;
}

function expectedIn(c: TwinCase, d: Doc): ExpectedFinding[] {
  const fs = c.differs?.[d.format]?.findings ?? c.findings ?? [];
  return fs.map(({ at, ...rest }) => ({ ...rest, line: at(d) }));
}

function title(format: Format, name: string): string {
  return format === 'arm' ? name : `[${format}] ${name}`;
}

/**
 * Runs a rule's table in the three formats: one `ruleTester.run(ruleId)` per format (ARM case names
 * unchanged, twins prefixed `[bicep]` / `[terraform]`), `extra` ARM-only or hand-written cases with
 * the ARM ones, known gaps as `it.failing`, cases a format can't express as `test.todo`.
 */
export function twinRule(ruleId: string, cases: TwinCase[], extra: { valid?: ValidCase[]; invalid?: InvalidCase[] } = {}): void {
  const failing: [string, TwinCase, Doc][] = [];
  const todo: string[] = [];
  for (const format of FORMATS) {
    const valid: ValidCase[] = format === 'arm' ? [...(extra.valid ?? [])] : [];
    const invalid: InvalidCase[] = format === 'arm' ? [...(extra.invalid ?? [])] : [];
    for (const c of cases) {
      const why = c.noTwin?.[format];
      if (why) {
        todo.push(`${title(format, c.name)} — no twin: ${why}`);
        continue;
      }
      let d: Doc;
      try {
        d = render(c.arm, format);
      } catch (e) {
        if (!(e instanceof NoTwin)) throw e;
        todo.push(`${title(format, c.name)} — no twin: ${e.message}`);
        continue;
      }
      if (c.gap?.[format]) {
        failing.push([`${title(format, c.name)} — known gap: ${c.gap[format]}`, c, d]);
        continue;
      }
      const base = { name: title(format, c.name), files: { [FILE_OF[format]]: d.text }, ...(c.config !== undefined ? { config: c.config } : {}) };
      const findings = expectedIn(c, d);
      if (findings.length === 0) valid.push(base);
      else invalid.push({ ...base, findings });
    }
    if (valid.length + invalid.length > 0) ruleTester.run(ruleId, { valid, invalid });
  }
  if (failing.length + todo.length > 0) {
    describe(`${ruleId} (twins not yet equal)`, () => {
      for (const [name, c, d] of failing) {
        it.failing(name, async () => {
          const rule = ruleById(ruleId)!;
          const r = await checkFiles({ [FILE_OF[d.format]]: d.text }, c.config);
          const bad = r.findings.filter((f) => f.ruleId === 'parse/error' || f.ruleId === 'internal/error');
          expect(bad).toEqual([]);
          const actual = r.findings.filter((f) => f.ruleId === ruleId);
          const remaining = [...actual];
          const missing: string[] = [];
          for (const e of expectedIn(c, d)) {
            const severity = e.severity ?? rule.meta.severity;
            const i = remaining.findIndex((f) => f.range.line === e.line && f.severity === severity && (e.messageIncludes === undefined || f.message.includes(e.messageIncludes)));
            if (i < 0) missing.push(`${e.line} ${severity} ${e.messageIncludes ?? ''}`);
            else remaining.splice(i, 1);
          }
          expect({ missing, unexpected: remaining.map((f) => `${f.range.line} ${f.severity} ${f.message}`) }).toEqual({ missing: [], unexpected: [] });
        });
      }
      for (const t of todo) test.todo(t);
    });
  }
}
