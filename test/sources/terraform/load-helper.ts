import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { terraformLoader } from '../../../src/sources/terraform/index.js';
import type { LoaderOutput, SourceFile } from '../../../src/sources/types.js';

/**
 * Writes `files` (display path → text) into a fresh temp folder and runs the Terraform loader on
 * the ones it claims, as the engine would (display paths relative to that folder).
 */
export async function loadTf(files: Record<string, string>, opts: { parseBudgetMs?: number; roots?: string[] } = {}): Promise<LoaderOutput & { dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vp-tf-'));
  const src: SourceFile[] = [];
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  for (const rel of Object.keys(files)) {
    const f = { path: rel, absPath: path.join(dir, rel), text: readFileSync(path.join(dir, rel), 'utf8') };
    if (terraformLoader.claims(f)) src.push(f);
  }
  const roots = (opts.roots ?? ['.']).map((r) => path.join(dir, r));
  const out = await terraformLoader.load(src, {
    files: new Map(src.map((f) => [f.path, f])),
    roots,
    parameterFiles: new Map(),
    parseBudgetMs: opts.parseBudgetMs ?? 2000,
  });
  return { ...out, dir };
}

/** 1-based line of the first line containing `marker`. Throws when absent (a broken fixture). */
export function lineOf(text: string, marker: string, nth = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(marker) && ++seen === nth) return i + 1;
  }
  throw new Error(`marker not found: ${marker}`);
}
