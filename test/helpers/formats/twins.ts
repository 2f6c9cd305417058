import { describe, expect, it, test } from '@jest/globals';
import type { Finding } from '../../../src/core/finding.js';
import { ruleById } from '../../../src/rules/index.js';
import { checkFiles, ruleTester, type ExpectedFinding, type InvalidCase, type ValidCase } from '../rule-tester.js';
import { NoTwin } from './arm-source.js';
import { Doc, type Loc } from './markers.js';
import { FILE_OF, FORMATS, render, type Format } from './render.js';

export * from './markers.js';
export { FILE_OF, FORMATS, render, type Format };

/**
 * Rule tables that run every case in ARM, Bicep and Terraform (issues 3 and 4: "rule tables gain
 * Bicep / Terraform twins of their cases, same findings, Bicep / .tf lines"). A case is written
 * once as an ARM template; its Bicep and Terraform twins are printed from it (`to-bicep.ts`,
 * `to-terraform.ts`) unless the case gives its own text for a format. Expected lines are found in
 * each format's text by markers (`markers.ts`).
 */

/** An expected finding whose line is located in each format by a {@link Loc} (`{ at: item('ise-1') }`). */
export interface TwinFinding extends Omit<ExpectedFinding, 'line' | 'file'> {
  at: Loc;
}

export interface TwinCase {
  name: string;
  /** The ARM template text; the Bicep and Terraform twins are printed from it (unless `own` gives them). */
  arm?: string;
  /** `.vnet-preflight.yml` text. */
  config?: string;
  /**
   * Expected findings of the rule (none or absent: a valid case): a list located by {@link Loc}s,
   * or a function of the format's {@link Doc} (`(d) => [{ line: d.item('ise-1') }]`).
   */
  findings?: TwinFinding[] | ((d: Doc) => ExpectedFinding[]);
  /** Per format, other expected findings, with the reason the formats differ. */
  differs?: Partial<Record<Format, { findings: TwinFinding[]; why: string }>>;
  /** A format's own text instead of the printed twin (an idiom of that language the ARM template can't show). */
  own?: Partial<Record<Format, string>>;
  /** Only these formats (default: all three), e.g. for a case written in one language's idiom. */
  only?: Format[];
  /** More files next to the template, per format (a parameter file, `.bicepparam`, `terraform.tfvars`). */
  extraFiles?: Partial<Record<Format, Record<string, string>>>;
  /**
   * Known gaps (loader or rule): format → what is wrong. The twin runs as `it.failing` (it must
   * still fail; when a gap is fixed, jest reports it and the entry is removed).
   */
  gaps?: Partial<Record<Format, string>>;
  /** Per format, why the language can't express the case (`test.todo`); a printer's {@link NoTwin} does the same. */
  noTwin?: Partial<Record<Format, string>>;
}

export interface TwinOptions {
  /** ARM-only or hand-written cases (`ruleTester` shapes), run with the ARM cases. */
  valid?: ValidCase[];
  invalid?: InvalidCase[];
  /** The formats to run (default: all three). */
  formats?: readonly Format[];
}

/** A case's text in `format`, or why there is none. */
type Rendered = { doc: Doc } | { todo: string };

function renderCase(c: TwinCase, format: Format): Rendered {
  const why = c.noTwin?.[format];
  if (why) return { todo: why };
  const own = c.own?.[format];
  if (own !== undefined) return { doc: new Doc(format, own) };
  if (c.arm === undefined) throw new Error(`case "${c.name}" has no ARM template and no ${format} text`);
  try {
    return { doc: new Doc(format, render(format, c.arm)) };
  } catch (e) {
    if (e instanceof NoTwin) return { todo: e.message };
    throw e;
  }
}

/** The case's expected findings in `d`'s format, each with its file. */
function expectedIn(c: TwinCase, d: Doc): ExpectedFinding[] {
  const fs = c.differs?.[d.format]?.findings ?? c.findings ?? [];
  const list = typeof fs === 'function' ? fs(d) : fs.map(({ at, ...rest }): ExpectedFinding => ({ ...rest, line: at(d) }));
  return list.map((e) => ({ ...e, file: e.file ?? d.file }));
}

function filesOf(c: TwinCase, d: Doc): Record<string, string> {
  return { [d.file]: d.text, ...(c.extraFiles?.[d.format] ?? {}) };
}

function describeFinding(f: Finding): string {
  return `${f.range.file}:${f.range.line}:${f.range.column} ${f.severity} ${f.ruleId} ${f.message}`;
}

/** Asserts the rule's findings equal `expected` (as `ruleTester` does), for cases run as `it.failing`. */
async function assertCase(ruleId: string, files: Record<string, string>, config: string | undefined, expected: ExpectedFinding[]): Promise<void> {
  const rule = ruleById(ruleId)!;
  const result = await checkFiles(files, config);
  const broken = result.findings.filter((f) => f.ruleId === 'parse/error' || f.ruleId === 'internal/error');
  expect(broken.map(describeFinding)).toEqual([]);
  const actual = result.findings.filter((f) => f.ruleId === ruleId);
  const remaining = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const severity = e.severity ?? rule.meta.severity;
    const i = remaining.findIndex(
      (f) => f.range.file === e.file && f.range.line === e.line && f.severity === severity && (e.messageIncludes === undefined || f.message.includes(e.messageIncludes)),
    );
    if (i < 0) missing.push(`${e.file}:${e.line} ${severity} ${e.messageIncludes ?? ''}`);
    else remaining.splice(i, 1);
  }
  expect({ missing, unexpected: remaining.map(describeFinding) }).toEqual({ missing: [], unexpected: [] });
}

/**
 * Runs a rule's table in the three formats, each inside `describe('arm' | 'bicep' | 'terraform')`:
 * `ruleTester.run(ruleId)` on the cases (with `options.valid` / `options.invalid` in ARM), cases
 * with a known gap in a format as `it.failing` (titled with the gap), cases a format can't express
 * as `test.todo`. Then `describe('all formats in one folder')`: each case's twins side by side in
 * one folder (a repository with azuredeploy.json next to main.bicep and main.tf), where each file
 * must get its own findings, none lost or merged across formats.
 * `cases` is one list, or `{ valid, invalid }` (the same cases, grouped for reading).
 */
export function twinRule(ruleId: string, cases: TwinCase[] | { valid: TwinCase[]; invalid: TwinCase[] }, options: TwinOptions = {}): void {
  const all = Array.isArray(cases) ? cases : [...cases.valid, ...cases.invalid];
  const formats = options.formats ?? FORMATS;
  const here = (c: TwinCase, format: Format) => (c.only ?? FORMATS).includes(format);
  for (const format of formats) {
    describe(format, () => {
      const valid: ValidCase[] = format === 'arm' ? [...(options.valid ?? [])] : [];
      const invalid: InvalidCase[] = format === 'arm' ? [...(options.invalid ?? [])] : [];
      const failing: [string, TwinCase, Doc][] = [];
      const todo: string[] = [];
      for (const c of all.filter((x) => here(x, format))) {
        const r = renderCase(c, format);
        if ('todo' in r) {
          todo.push(`${ruleId} ${c.name} — no twin: ${r.todo}`);
          continue;
        }
        const d = r.doc;
        if (c.gaps?.[format]) {
          failing.push([`${ruleId} ${c.name} — known gap: ${c.gaps[format]}`, c, d]);
          continue;
        }
        const base = { name: c.name, files: filesOf(c, d), ...(c.config !== undefined ? { config: c.config } : {}) };
        const findings = expectedIn(c, d);
        if (findings.length === 0) valid.push(base);
        else invalid.push({ ...base, findings });
      }
      if (valid.length + invalid.length > 0) ruleTester.run(ruleId, { valid, invalid });
      for (const [title, c, d] of failing) it.failing(title, () => assertCase(ruleId, filesOf(c, d), c.config, expectedIn(c, d)));
      for (const t of todo) test.todo(t);
    });
  }
  describe('all formats in one folder', () => {
    const together: InvalidCase[] = [];
    for (const c of all) {
      const docs = formats
        .filter((f) => here(c, f) && c.gaps?.[f] === undefined)
        .map((f) => renderCase(c, f))
        .flatMap((r) => ('doc' in r ? [r.doc] : []));
      if (docs.length < 2) continue;
      const files: Record<string, string> = {};
      const findings: ExpectedFinding[] = [];
      for (const d of docs) {
        Object.assign(files, filesOf(c, d));
        findings.push(...expectedIn(c, d));
      }
      together.push({ name: `${c.findings === undefined || (Array.isArray(c.findings) && c.findings.length === 0) ? 'valid' : 'invalid'}: ${c.name}`, files, ...(c.config !== undefined ? { config: c.config } : {}), findings });
    }
    if (together.length > 0) ruleTester.run(ruleId, { valid: [], invalid: together });
  });
}
