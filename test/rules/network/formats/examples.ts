import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { checkFiles } from '../../../helpers/rule-tester.js';
import { FILE_OF, FORMATS } from './twin-tester.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = join(ROOT, 'src/entry/cli.ts');
/** tsx's loader by absolute URL (as test/cli/cli.test.ts runs the CLI). */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
}

/** `ruleId severity` of each finding, sorted (a multiset: the same rule twice appears twice). */
function signature(findings: { ruleId: string; severity: string }[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity}`).sort();
}

/**
 * Tests of one `examples/<name>` folder whose `broken/` and `fixed/` each hold `azuredeploy.json`,
 * `main.bicep` and `main.tf` (issues 3 and 4: "the examples gain Bicep / Terraform versions"):
 * - the CLI run on `examples/<name>` (all six files at once) gives main.bicep and main.tf the same
 *   findings (rule id and severity, with multiplicity) as the azuredeploy.json next to them;
 * - each file checked alone gives `expected[variant]` as its set of rule ids matching `ids`.
 */
export function exampleTwins(name: string, ids: RegExp, expected: { broken: string[]; fixed: string[] }): void {
  describe(`examples/${name} in ARM, Bicep and Terraform`, () => {
    it(`the CLI on examples/${name} gives main.bicep and main.tf the findings of azuredeploy.json`, () => {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'check', `examples/${name}`, '--format', 'json', '--fail-on', 'never'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { files: { path: string; errors: unknown[] }[]; findings: JsonFinding[] };
      for (const variant of ['broken', 'fixed'] as const) {
        const dir = `examples/${name}/${variant}`;
        for (const format of FORMATS) expect(report.files.find((f) => f.path === `${dir}/${FILE_OF[format]}`)?.errors).toEqual([]);
        const of = (file: string) => signature(report.findings.filter((f) => f.file === `${dir}/${file}`));
        const arm = of(FILE_OF.arm);
        expect(arm.some((s) => /^(parse|internal|load)\//.test(s))).toBe(false);
        expect([variant, 'bicep', of(FILE_OF.bicep)]).toEqual([variant, 'bicep', arm]);
        expect([variant, 'terraform', of(FILE_OF.terraform)]).toEqual([variant, 'terraform', arm]);
      }
    });

    for (const variant of ['broken', 'fixed'] as const) {
      it.each(FORMATS)(`${variant}/%s checked alone gives the expected rule ids`, async (format) => {
        const file = FILE_OF[format];
        const text = readFileSync(join(ROOT, 'examples', name, variant, file), 'utf8');
        const r = await checkFiles({ [file]: text });
        expect(r.findings.filter((f) => /^(parse|internal|load)\//.test(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
        const got = [...new Set(r.findings.filter((f) => ids.test(f.ruleId)).map((f) => f.ruleId))].sort();
        expect(got).toEqual([...expected[variant]].sort());
      });
    }
  });
}
