import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildModel } from '../../../src/model/build.js';
import { runEngine } from '../../../src/engine/engine.js';
import { allRules } from '../../../src/rules/index.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import { bicepLoader } from '../../../src/sources/bicep/index.js';
import { pairFolders } from './conformance-helpers.js';
import { CORPUS as SHARED_CORPUS } from '../../helpers/shared-corpus.js';

/**
 * Issue 3 "Done when": the engine on a folder of Bicep reports the same rule ids as on its
 * compiled ARM twin, at Bicep lines. Each focused-corpus pair is copied into two temp folders (the
 * Bicep files alone; `azuredeploy.json` alone) and checked with the real engine, loaders, model
 * builder and rules.
 */
const CORPUS = SHARED_CORPUS;
const deps = { loaders: [armLoader, bicepLoader], buildModel, rules: allRules };

function copyInto(dir: string, files: [string, string][]): void {
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

function bicepOf(folder: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const abs = path.join(d, n);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (n.endsWith('.bicep')) out.push([path.relative(folder, abs), readFileSync(abs, 'utf8')]);
    }
  };
  walk(folder);
  return out;
}

/** Rule ids with counts, `load/` and `parse/` findings left out. */
function ruleCounts(findings: { ruleId: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) if (!/^(load|parse|internal)\//.test(f.ruleId)) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

(existsSync(CORPUS) ? describe : describe.skip)('engine on Bicep vs its compiled ARM twin', () => {
  it('reports the same rule ids, at Bicep lines', async () => {
    const rows: string[] = [];
    const mismatches: { folder: string; bicep: Record<string, number>; arm: Record<string, number> }[] = [];
    for (const folder of pairFolders(CORPUS)) {
      const bicepFiles = bicepOf(folder);
      const bDir = mkdtempSync(path.join(tmpdir(), 'bicep-twin-b-'));
      const aDir = mkdtempSync(path.join(tmpdir(), 'bicep-twin-a-'));
      try {
        copyInto(bDir, bicepFiles);
        copyInto(aDir, [['azuredeploy.json', readFileSync(path.join(folder, 'azuredeploy.json'), 'utf8')]]);
        const b = await runEngine({ cwd: bDir, paths: ['.'] }, deps);
        const a = await runEngine({ cwd: aDir, paths: ['.'] }, deps);
        const bc = ruleCounts(b.findings);
        const ac = ruleCounts(a.findings);
        const incomplete = b.findings.some((f) => f.ruleId === 'load/missing-file' || f.ruleId === 'load/remote-module');
        const same = JSON.stringify(Object.entries(bc).sort()) === JSON.stringify(Object.entries(ac).sort());
        rows.push(`  ${same ? 'same' : incomplete ? 'incomplete' : 'DIFFERENT'} ${path.relative(CORPUS, folder)}: ${Object.entries(bc).map(([k, n]) => `${k}×${n}`).join(', ') || 'no findings'}`);
        for (const f of b.findings) if (!/^(load|parse)\//.test(f.ruleId)) expect(f.range.file).toMatch(/\.bicep$/);
        if (!incomplete && !same) mismatches.push({ folder, bicep: bc, arm: ac });
      } finally {
        rmSync(bDir, { recursive: true, force: true });
        rmSync(aDir, { recursive: true, force: true });
      }
    }
    console.log(`engine twins:\n${rows.join('\n')}`);
    expect(mismatches).toEqual([]);
  });
});
