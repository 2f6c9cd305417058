import path from 'node:path';
import { rget, type RNode, type ResolvedResource } from '../../../src/model/resolved-resource.js';
import { Unknown } from '../../../src/model/symbolic.js';
import { bicepLoader } from '../../../src/sources/bicep/index.js';
import type { LoaderContext, LoaderOutput, SourceFile } from '../../../src/sources/types.js';

/** A virtual folder for inline test files: nothing is read from disk (loaders only use `ctx.files`). */
export const VROOT = path.resolve('/virtual/bicep-tests');

/** SourceFiles for `files` (display path → text) under the virtual root. */
export function sourceFiles(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([p, text]) => ({ path: p, absPath: path.join(VROOT, p), text }));
}

/** Loads inline Bicep files with the Bicep loader. */
export async function loadInline(
  files: Record<string, string>,
  opts: { roots?: string[]; parameterFiles?: Record<string, string>; budgetMs?: number; claimed?: string[] } = {},
): Promise<LoaderOutput> {
  const all = sourceFiles(files);
  const ctx: LoaderContext = {
    files: new Map(all.map((f) => [f.path, f])),
    roots: opts.roots ?? [VROOT],
    parameterFiles: new Map(Object.entries(opts.parameterFiles ?? {})),
    parseBudgetMs: opts.budgetMs ?? 2000,
  };
  const claimed = all.filter((f) => bicepLoader.claims(f) && (!opts.claimed || opts.claimed.includes(f.path)));
  return bicepLoader.load(claimed, ctx);
}

/** The resource of `type` whose last name segment is `name` (known), or throws. */
export function resource(out: LoaderOutput, type: string, name: string): ResolvedResource {
  const r = out.resources.find((x) => x.type.toLowerCase() === type.toLowerCase() && x.nameSegments[x.nameSegments.length - 1] === name);
  if (!r) throw new Error(`no ${type} '${name}' among ${out.resources.map((x) => `${x.type}:${x.nameSegments.map(String).join('/')}`).join(', ')}`);
  return r;
}

/** Plain value of an RNode (unknowns as `{expr}`). */
export function plain(n: RNode | undefined): unknown {
  if (!n) return undefined;
  switch (n.kind) {
    case 'scalar': return n.value;
    case 'unknown': return `{${n.value.expr}}`;
    case 'array': return n.items.map(plain);
    case 'object': return Object.fromEntries([...n.props.values()].map((e) => [e.name, plain(e.node)]));
  }
}

/** Value at a path of a resource body. */
export function at(r: ResolvedResource, ...p: (string | number)[]): unknown {
  return plain(rget(r.body, ...p));
}

/** Name segments as text (unknowns `{expr}`). */
export function names(r: ResolvedResource): string[] {
  return r.nameSegments.map((s) => (s instanceof Unknown ? `{${s.expr}}` : s));
}
