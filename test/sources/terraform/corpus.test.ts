import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { terraformLoader } from '../../../src/sources/terraform/index.js';
import type { SourceFile } from '../../../src/sources/types.js';
import type { Entity } from '../../../src/model/entities.js';

const SHARED = path.resolve(process.cwd(), '..', 'shared');

function tfFiles(root: string): SourceFile[] {
  const out = execFileSync('find', [root, '-type', 'f', '(', '-name', '*.tf', '-o', '-name', '*.tfvars', ')'], { maxBuffer: 1 << 28 }).toString().trim();
  return out
    .split('\n')
    .filter(Boolean)
    .map((abs) => ({ path: path.relative(root, abs).split(path.sep).join('/'), absPath: abs, text: readFileSync(abs, 'utf8') }));
}

/** Counts network values that stayed unknown (prefixes, delegations, NSG rule fields, subnet references). */
function unknownCount(entities: Entity[]): { values: number; unknown: number } {
  let values = 0;
  let unknown = 0;
  const count = (v: { known: boolean } | undefined) => {
    if (!v) return;
    values++;
    if (!v.known) unknown++;
  };
  for (const e of entities) {
    if (e.kind === 'subnet') e.addressPrefixes.items.forEach(count);
    if (e.kind === 'vnet') e.addressPrefixes.items.forEach(count);
    if (e.kind === 'securityRule') [e.priority, e.access, e.direction, e.protocol].forEach(count);
    if (e.kind === 'app') e.integrations.forEach(count);
    if (e.kind === 'ase') count(e.subnet);
  }
  return { values, unknown };
}

for (const tier of ['corpus', 'corpus-bulk']) {
  const root = path.join(SHARED, tier);
  const run = existsSync(root) ? describe : describe.skip;
  run(`terraform files of shared/${tier}`, () => {
    it('load without a crash and without parse/error', async () => {
      const files = tfFiles(root);
      const out = await terraformLoader.load(files, {
        files: new Map(files.map((f) => [f.path, f])),
        roots: [root],
        parameterFiles: new Map(),
        parseBudgetMs: 5000,
      });
      const errors = out.findings.filter((f) => f.ruleId === 'parse/error' || f.ruleId === 'internal/error');
      const u = unknownCount(out.entities);
      // eslint-disable-next-line no-console
      console.log(`${tier}: ${files.length} Terraform files, ${out.entities.length} entities; ${u.unknown} of ${u.values} network values stayed unknown`);
      expect(errors.map((f) => `${f.range.file}:${f.range.line} ${f.message}`)).toEqual([]);
      expect(files.length).toBeGreaterThan(0);
    });
  });
}
