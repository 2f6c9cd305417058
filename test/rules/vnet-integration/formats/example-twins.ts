import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../../../src/core/finding.js';
import { checkFiles } from '../../../helpers/rule-tester.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = `${ROOT}src/entry/cli.ts`;
/** tsx's loader by absolute URL, to run the CLI from source as `npx tsx src/entry/cli.ts` does. */
const TSX = pathToFileURL(`${ROOT}node_modules/tsx/dist/loader.mjs`).href;
const TWINS = ['main.bicep', 'main.tf'] as const;

/** `ruleId × count` of the findings whose rule id matches `prefix`, sorted, e.g. `ase/retired ×1`. */
function ruleCounts(findings: { ruleId: string }[], prefix: RegExp): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) if (prefix.test(f.ruleId)) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id} ×${n}`).sort();
}

const isEngineError = (ruleId: string) => ruleId === 'parse/error' || ruleId === 'internal/error';
const engineErrors = (findings: Finding[]) => findings.filter((f) => isEngineError(f.ruleId)).map((f) => `${f.range.file}:${f.range.line} ${f.message}`);

/**
 * The Bicep and Terraform versions of an example (`examples/<name>/{broken,fixed}/main.bicep`,
 * `main.tf`) give the same findings (rule ids and counts, rules matching `prefix`) as its ARM
 * template, each checked alone, and when the CLI checks the whole folder at once (`tsx src/entry/cli.ts check examples/<name>
 * --format json`, cwd = the repository root).
 */
export function describeExampleTwins(name: string, prefix: RegExp): void {
  describe(`examples/${name}: Bicep and Terraform versions`, () => {
    for (const variant of ['broken', 'fixed']) {
      const dir = `examples/${name}/${variant}`;
      const read = (file: string) => readFileSync(`${ROOT}${dir}/${file}`, 'utf8');
      for (const file of TWINS) {
        it(`${variant}/${file} alone: the same findings as azuredeploy.json`, async () => {
          const arm = await checkFiles({ 'azuredeploy.json': read('azuredeploy.json') });
          const twin = await checkFiles({ [file]: read(file) });
          expect(engineErrors(twin.findings)).toEqual([]);
          expect(ruleCounts(twin.findings, prefix)).toEqual(ruleCounts(arm.findings, prefix));
        });
      }
    }
    it(`vnet-preflight check examples/${name} (the CLI): main.bicep and main.tf get the findings of azuredeploy.json`, () => {
      const r = spawnSync(process.execPath, ['--import', TSX, CLI, 'check', `examples/${name}`, '--format', 'json', '--fail-on', 'never'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      expect([r.status, r.stderr.includes('Error') ? r.stderr : '']).toEqual([0, '']);
      const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] };
      expect(report.findings.filter((f) => isEngineError(f.ruleId)).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
      for (const variant of ['broken', 'fixed']) {
        const of = (file: string) => ruleCounts(report.findings.filter((f) => f.file === `examples/${name}/${variant}/${file}`), prefix);
        const arm = of('azuredeploy.json');
        if (variant === 'broken') expect(arm.length).toBeGreaterThan(0);
        for (const file of TWINS) expect([variant, file, of(file)]).toEqual([variant, file, arm]);
      }
    });
  });
}
