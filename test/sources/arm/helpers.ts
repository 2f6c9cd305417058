import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { rget, type RNode, type ResolvedResource } from '../../../src/model/resolved-resource.js';
import { Unknown } from '../../../src/model/symbolic.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import type { LoaderContext, LoaderOutput, SourceFile } from '../../../src/sources/types.js';

/** In-memory files (display path → text), rooted at a fake absolute folder. */
export function memFiles(files: Record<string, string>, root = '/virtual/repo'): SourceFile[] {
  return Object.entries(files).map(([p, text]) => ({ path: p, absPath: path.posix.join(root, p), text }));
}

export function ctxOf(files: SourceFile[], opts: Partial<LoaderContext> = {}): LoaderContext {
  return {
    files: new Map(files.map((f) => [f.path, f])),
    roots: ['/virtual/repo'],
    parameterFiles: new Map(),
    parseBudgetMs: 2000,
    ...opts,
  };
}

/** Loads in-memory files: claimed ones are passed to the loader, all are in ctx.files. */
export async function loadMem(files: Record<string, string>, opts: Partial<LoaderContext> = {}): Promise<LoaderOutput> {
  const all = memFiles(files);
  const claimed = all.filter((f) => armLoader.claims(f) !== undefined);
  return armLoader.load(claimed, ctxOf(all, opts));
}

/** Loads fixture files from test/fixtures/arm-loader/<dir> (display paths relative to that folder). */
export async function loadFixture(dir: string, opts: Partial<LoaderContext> = {}): Promise<LoaderOutput> {
  const base = path.join(process.cwd(), 'test/fixtures/arm-loader', dir);
  const { readdirSync, statSync } = await import('node:fs');
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
  const all: SourceFile[] = walk(base).map((abs) => ({ path: path.relative(base, abs).split(path.sep).join('/'), absPath: abs, text: readFileSync(abs, 'utf8') }));
  const claimed = all.filter((f) => armLoader.claims(f) !== undefined);
  return armLoader.load(claimed, { files: new Map(all.map((f) => [f.path, f])), roots: [base], parameterFiles: new Map(), parseBudgetMs: 2000, ...opts });
}

export const tpl = (body: object): string =>
  JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', ...body }, null, 2);

export function find(out: LoaderOutput, type: string, name?: string): ResolvedResource | undefined {
  return out.resources.find((r) => r.type.toLowerCase() === type.toLowerCase()
    && (name === undefined || r.nameSegments.map(symText).join('/') === name));
}

/** A symbolic string as text: known pieces as written, unknown pieces `{expr}`. */
export function symText(s: string | Unknown): string {
  return typeof s === 'string' ? s : s.parts ? s.expr : `{${s.expr}}`;
}

/** Plain value of an RNode (unknowns as `{expr}`). */
export function val(n: RNode | undefined): unknown {
  if (!n) return undefined;
  switch (n.kind) {
    case 'scalar':
      return n.value;
    case 'unknown':
      return symText(n.value);
    case 'array':
      return n.items.map(val);
    case 'object':
      return Object.fromEntries([...n.props.values()].map((p) => [p.name, val(p.node)]));
  }
}

export function prop(r: ResolvedResource | undefined, ...p: (string | number)[]): unknown {
  return r ? val(rget(r.body, ...p)) : undefined;
}

export { Unknown };

/** Every .json file under a folder, with display paths relative to it. */
export function jsonFiles(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const abs = path.join(d, n);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (n.toLowerCase().endsWith('.json')) out.push({ path: path.relative(root, abs).split(path.sep).join('/'), absPath: abs, text: readFileSync(abs, 'utf8') });
    }
  };
  walk(root);
  return out;
}

