import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../../src/core/finding.js';
import { ruleById } from '../../../../src/rules/index.js';
import { checkFiles, ruleTester, type ExpectedFinding } from '../../../helpers/rule-tester.js';
import { FILE_OF, FORMATS, render, type Format } from './render.js';
import { TF_TYPES } from './to-terraform.js';

export { FILE_OF, FORMATS, render, type Format };

/**
 * Rule tables that run every case in ARM, Bicep and Terraform (issues 3 and 4: "rule tables gain
 * Bicep / Terraform twins of their cases, same findings, Bicep / .tf lines"). A case is written
 * once as an ARM template; its Bicep and Terraform twins are printed from it (`to-bicep.ts`,
 * `to-terraform.ts`) unless the case gives its own text for a format. Expected lines are found
 * in each format's text by markers (`d.line('10.0.1.64/28')`).
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
  constructor(
    readonly format: Format,
    readonly text: string,
  ) {}

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

  /** Line of the `name` property (ARM `"name": "x"`, Bicep `name: 'x'`, Terraform `name = "x"`). */
  nameLine(name: string, nth = 0): number {
    const m = { arm: `"name": "${name}"`, bicep: `name: '${name}'`, terraform: `name = "${name}"` }[this.format];
    return this.line(m, nth);
  }

  /** First line of the object or block whose first property is `name` (the line before it). */
  named(name: string, nth = 0): number {
    return this.nameLine(name, nth) - 1;
  }

  /** First line of the `nth` resource of an ARM type (its Terraform twin's `resource` line). */
  resource(armType: string, nth = 0): number {
    switch (this.format) {
      case 'arm':
        return this.line(`"type": "${armType}"`, nth) - 1;
      case 'bicep':
        return this.line(`'${armType}@`, nth);
      case 'terraform':
        return this.line(`resource "${TF_TYPES[armType.toLowerCase()]}"`, nth);
    }
  }

  /** Line of the `nth` use of a template parameter (ARM `[parameters('x')]`, Bicep `: x`, Terraform `var.x`). */
  param(name: string, nth = 0): number {
    const m = { arm: `[parameters('${name}')]`, bicep: `: ${name}\n`, terraform: `var.${name}` }[this.format];
    return this.line(m, nth);
  }
}

export interface TwinValidCase {
  name: string;
  /** The ARM template; the Bicep and Terraform twins are printed from it (unless `own` gives them). */
  arm?: string;
  /** `.vnet-preflight.yml` text. */
  config?: string;
  /** A format's own text instead of the printed twin (an idiom of that language the ARM template can't show). */
  own?: Partial<Record<Format, string>>;
  /** Only these formats (default: all three), e.g. for a case written in one language's idiom. */
  only?: Format[];
  /** More files next to the template, per format (a parameter file, `.bicepparam`, `terraform.tfvars`). */
  extraFiles?: Partial<Record<Format, Record<string, string>>>;
  /**
   * Known gaps: format → what is wrong. The twin runs as `it.failing` (it must still fail; when a
   * gap is fixed, jest reports it and the entry is removed).
   */
  gaps?: Partial<Record<Format, string>>;
}

export interface TwinInvalidCase extends TwinValidCase {
  findings: (d: Doc) => ExpectedFinding[];
}

function textOf(c: TwinValidCase, format: Format): string {
  const own = c.own?.[format];
  if (own !== undefined) return own;
  if (c.arm === undefined) throw new Error(`case "${c.name}" has no ARM template and no ${format} text`);
  return render(format, c.arm);
}

function describeFinding(f: Finding): string {
  return `${f.range.file}:${f.range.line}:${f.range.column} ${f.severity} ${f.ruleId} ${f.message}`;
}

/** Asserts the rule's findings equal `expected` (as `ruleTester` does), for cases run as `it.failing`. */
async function assertCase(ruleId: string, file: string, files: Record<string, string>, config: string | undefined, expected: ExpectedFinding[]): Promise<void> {
  const rule = ruleById(ruleId)!;
  const result = await checkFiles(files, config);
  const broken = result.findings.filter((f) => f.ruleId === 'parse/error' || f.ruleId === 'internal/error');
  expect(broken.map(describeFinding)).toEqual([]);
  const actual = result.findings.filter((f) => f.ruleId === ruleId);
  const remaining = [...actual];
  for (const e of expected) {
    const i = remaining.findIndex(
      (f) =>
        f.range.file === (e.file ?? file) &&
        f.range.line === e.line &&
        f.severity === (e.severity ?? rule.meta.severity) &&
        (e.messageIncludes === undefined || f.message.includes(e.messageIncludes)),
    );
    if (i < 0) throw new Error(`expected ${file}:${e.line} ${e.messageIncludes ?? ''}; got\n${actual.map(describeFinding).join('\n')}`);
    remaining.splice(i, 1);
  }
  expect(remaining.map(describeFinding)).toEqual([]);
}

/**
 * `ruleTester.run` once per format, inside `describe('arm' | 'bicep' | 'terraform')`. Cases with
 * a gap for a format run there as `it.failing`, titled with the gap.
 */
export const twinTester = {
  run(ruleId: string, cases: { valid: TwinValidCase[]; invalid: TwinInvalidCase[] }, formats: Format[] = FORMATS): void {
    for (const format of formats) {
      describe(format, () => {
        const file = FILE_OF[format];
        const doc = (c: TwinValidCase) => new Doc(format, textOf(c, format));
        const files = (c: TwinValidCase, d: Doc) => ({ [file]: d.text, ...(c.extraFiles?.[format] ?? {}) });
        const expected = (c: TwinInvalidCase, d: Doc) => c.findings(d).map((e) => ({ ...e, file: e.file ?? file }));
        const here = (c: TwinValidCase) => (c.only ?? FORMATS).includes(format);
        const works = (c: TwinValidCase) => here(c) && c.gaps?.[format] === undefined;
        ruleTester.run(ruleId, {
          valid: cases.valid.filter(works).map((c) => ({ name: c.name, files: files(c, doc(c)), config: c.config })),
          invalid: cases.invalid.filter(works).map((c) => {
            const d = doc(c);
            return { name: c.name, files: files(c, d), config: c.config, findings: expected(c, d) };
          }),
        });
        for (const c of [...cases.valid, ...cases.invalid].filter((x) => here(x) && !works(x))) {
          const d = doc(c);
          const want = 'findings' in c ? expected(c as TwinInvalidCase, d) : [];
          it.failing(`${ruleId} ${c.name} — known gap: ${c.gaps![format]}`, () => assertCase(ruleId, file, files(c, d), c.config, want));
        }
      });
    }
    // The twins side by side in one folder (a repository with azuredeploy.json next to main.bicep
    // and main.tf): each file gets its own findings, none is lost or merged across formats.
    describe('all formats in one folder', () => {
      const together = (c: TwinValidCase) => formats.filter((f) => (c.only ?? FORMATS).includes(f) && c.gaps?.[f] === undefined);
      const all = [...cases.valid.map((c) => ({ c, kind: 'valid' })), ...cases.invalid.map((c) => ({ c, kind: 'invalid' }))].filter(({ c }) => together(c).length > 1);
      ruleTester.run(ruleId, {
        valid: [],
        invalid: all.map(({ c, kind }) => {
          const files: Record<string, string> = {};
          const findings: ExpectedFinding[] = [];
          for (const format of together(c)) {
            const d = new Doc(format, textOf(c, format));
            Object.assign(files, { [d.file]: d.text }, c.extraFiles?.[format] ?? {});
            if ('findings' in c) findings.push(...(c as TwinInvalidCase).findings(d).map((e) => ({ ...e, file: e.file ?? d.file })));
          }
          return { name: `${kind}: ${c.name}`, files, config: c.config, findings };
        }),
      });
    });
  },
};
