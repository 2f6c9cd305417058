import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../src/core/finding.js';
import { checkFiles } from '../rule-tester.js';
import { FILE_OF, FORMATS } from './render.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'src/entry/cli.ts');
/** tsx's loader by absolute URL, to run the CLI from source as `npx tsx src/entry/cli.ts` does (as test/cli/cli.test.ts runs it). */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const VARIANTS = ['broken', 'fixed'] as const;
const TWINS = [FILE_OF.bicep, FILE_OF.terraform] as const;

/** Findings that mean the input wasn't read (they must never appear in an example). */
const isEngineError = (ruleId: string) => /^(parse|internal|load)\//.test(ruleId);
const engineErrors = (findings: Finding[]) => findings.filter((f) => isEngineError(f.ruleId)).map((f) => `${f.range.file}:${f.range.line} ${f.ruleId} ${f.message}`);

/** `ruleId severity` of each finding, sorted (a multiset: the same rule twice appears twice). */
function signature(findings: { ruleId: string; severity: string }[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity}`).sort();
}

/** `ruleId × count` of the findings whose rule id matches `ids`, sorted, e.g. `ase/retired ×1`. */
function ruleCounts(findings: { ruleId: string }[], ids: RegExp): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) if (ids.test(f.ruleId)) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id} ×${n}`).sort();
}

interface JsonReport {
  files: { path: string; errors: unknown[] }[];
  findings: { ruleId: string; severity: string; file: string; line: number; message: string }[];
}

/**
 * Tests of one `examples/<name>` folder whose `broken/` and `fixed/` each hold `azuredeploy.json`,
 * `main.bicep` and `main.tf` (issues 3 and 4: "the examples gain Bicep / Terraform versions"):
 * - the CLI run on `examples/<name>` (all six files at once, `tsx src/entry/cli.ts check
 *   examples/<name> --format json`, cwd = the repository root) reads every file without error and
 *   gives main.bicep and main.tf the same findings (rule id and severity, with multiplicity) as the
 *   azuredeploy.json next to them; the broken ARM template has findings of rules matching `ids`;
 * - each file checked alone has no parse/internal/load finding and, when `expected` is given, the
 *   set of rule ids matching `ids` is `expected[variant]`;
 * - main.bicep and main.tf checked alone give the same rule ids and counts (matching `ids`) as
 *   azuredeploy.json checked alone.
 */
export function exampleTwins(name: string, ids: RegExp, expected?: { broken: string[]; fixed: string[] }): void {
  describe(`examples/${name} in ARM, Bicep and Terraform`, () => {
    it(`the CLI on examples/${name} gives main.bicep and main.tf the findings of azuredeploy.json`, () => {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'check', `examples/${name}`, '--format', 'json', '--fail-on', 'never'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      expect([r.status, r.stderr.includes('Error') ? r.stderr : '']).toEqual([0, '']);
      const report = JSON.parse(r.stdout) as JsonReport;
      expect(report.findings.filter((f) => isEngineError(f.ruleId)).map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
      for (const variant of VARIANTS) {
        const dir = `examples/${name}/${variant}`;
        for (const format of FORMATS) expect([dir, FILE_OF[format], report.files.find((f) => f.path === `${dir}/${FILE_OF[format]}`)?.errors]).toEqual([dir, FILE_OF[format], []]);
        const of = (file: string) => report.findings.filter((f) => f.file === `${dir}/${file}`);
        const arm = signature(of(FILE_OF.arm));
        if (variant === 'broken') expect(ruleCounts(of(FILE_OF.arm), ids).length).toBeGreaterThan(0);
        for (const file of TWINS) expect([variant, file, signature(of(file))]).toEqual([variant, file, arm]);
      }
    });

    for (const variant of VARIANTS) {
      const read = (file: string) => readFileSync(join(ROOT, 'examples', name, variant, file), 'utf8');
      it.each([...FORMATS])(`${variant}/%s checked alone is read without error${expected ? ' and gives the expected rule ids' : ''}`, async (format) => {
        const file = FILE_OF[format];
        const r = await checkFiles({ [file]: read(file) });
        expect(engineErrors(r.findings)).toEqual([]);
        if (expected) {
          const got = [...new Set(r.findings.filter((f) => ids.test(f.ruleId)).map((f) => f.ruleId))].sort();
          expect(got).toEqual([...expected[variant]].sort());
        }
      });
      for (const file of TWINS) {
        it(`${variant}/${file} alone: the same findings as azuredeploy.json`, async () => {
          const arm = await checkFiles({ [FILE_OF.arm]: read(FILE_OF.arm) });
          const twin = await checkFiles({ [file]: read(file) });
          expect(engineErrors(twin.findings)).toEqual([]);
          expect(ruleCounts(twin.findings, ids)).toEqual(ruleCounts(arm.findings, ids));
        });
      }
    }
  });
}
