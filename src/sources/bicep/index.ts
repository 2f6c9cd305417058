import type { SourceRange } from '../../core/position.js';
import path from 'node:path';
import type { Finding } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import { LineMap, fileStart } from '../../core/position.js';
import { entityKey } from '../../model/keys.js';
import { rget, type ResolvedResource } from '../../model/resolved-resource.js';
import type { EvalValue } from '../eval-value.js';
import type { FunctionEnv } from '../functions/index.js';
import { loadLanguage } from '../tree-sitter.js';
import type { FileReport, Loader, LoaderContext, LoaderOutput, SourceFile } from '../types.js';
import { jsonParameterValues, pairParameterFiles } from './parameters.js';
import { parseBicepFile, parseErrorFinding, releaseTree, reparse, type ParsedBicep } from './parse.js';
import { BicepTemplate, type BicepSession } from './template.js';

/**
 * Evaluation steps (expression nodes plus loop items) allowed per root template and its modules:
 * far above real templates (no file of the 5,876 in the bulk corpus reaches it), low enough that nested
 * `range(0, 10000)` loops end in seconds. Past it, values are Unknown and a `load/skipped` note is given.
 */
export const MAX_EVALUATION_STEPS = 1_000_000;

/**
 * Parsed source (UTF-16 code units) whose syntax trees may stay in web-tree-sitter's wasm heap at
 * once; past it, trees are freed between root templates and parsed again when needed, so the
 * number of live trees stays bounded on very large runs. (Measured on the 49 MB bulk corpus in one
 * run: the wasm heap peaked at 435 MB with or without this limit, i.e. single large files dominate
 * there; the limit is a safety bound, not a speed-up.)
 */
export const RETAINED_SOURCE_CHARS = 8_000_000;

/** Default per-file parse budget, milliseconds (issue 3, "Bad input"). */
export const DEFAULT_PARSE_BUDGET_MS = 2000;

/**
 * The Bicep loader: reads `.bicep` templates and `.bicepparam` parameter files with the
 * tree-sitter-bicep grammar (no Bicep CLI), evaluates them and returns ARM-shaped resources
 * (`format: 'bicep'`) whose ranges point at Bicep lines.
 *
 * Roots are the `.bicep` files no other file of the run uses as a local module; each is evaluated
 * once, with the values of the first `.bicepparam` file (by path) that pairs with it
 * (`using './main.bicep'`, or a config `parameterFiles` entry, which may also name an ARM JSON
 * parameter file), else with parameter defaults. Modules are evaluated with the values their
 * caller passes and their resources get the root's `scope`.
 * Findings: `parse/error` (syntax errors, parse over budget), `load/module-cycle` (error),
 * `load/outside-root` (error), `load/missing-file` (warning), `load/remote-module` (note),
 * `load/unresolved-loop` (note), `load/skipped` (note: evaluation budget used up),
 * `load/evaluation-error` (warning: an evaluator bug, reported instead of thrown). Never throws on user content.
 */
export const bicepLoader: Loader = {
  name: 'bicep',
  claims(file: SourceFile) {
    const lower = file.path.toLowerCase();
    if (lower.endsWith('.bicep')) return 'bicep';
    if (lower.endsWith('.bicepparam')) return 'bicepparam';
    return undefined;
  },
  load: (files, ctx) => loadBicep(files, ctx),
};

/** Loads every claimed Bicep file together (see `bicepLoader`). */
export async function loadBicep(
  files: SourceFile[],
  ctx: LoaderContext,
  env: FunctionEnv = {},
  /** Tuning for tests: `retainedSourceChars` (default RETAINED_SOURCE_CHARS). */
  opts: { retainedSourceChars?: number } = {},
): Promise<LoaderOutput> {
  const retainLimit = opts.retainedSourceChars ?? RETAINED_SOURCE_CHARS;
  const language = await loadLanguage('tree-sitter-bicep.wasm');
  const budget = Number.isFinite(ctx.parseBudgetMs) ? ctx.parseBudgetMs : DEFAULT_PARSE_BUDGET_MS;
  const byAbs = new Map<string, SourceFile>();
  for (const f of ctx.files.values()) byAbs.set(path.resolve(f.absPath), f);
  for (const f of files) byAbs.set(path.resolve(f.absPath), f);

  // Syntax trees live in web-tree-sitter's wasm heap. Past `retainLimit` characters of parsed
  // source, trees are freed after use and parsed again on demand.
  const parsedCache = new Map<string, ParsedBicep>();
  let retained = 0;
  const parse = (f: SourceFile): ParsedBicep => {
    const abs = path.resolve(f.absPath);
    let p = parsedCache.get(abs);
    if (p && p.released) {
      reparse(p, language, budget);
      retained += p.root ? f.text.length : 0;
    }
    if (!p) {
      try {
        p = parseBicepFile(f, language, budget, f.path.toLowerCase().endsWith('.bicepparam'));
      } catch (e) {
        const msg = `Could not parse '${f.path}': ${(e as Error)?.message ?? String(e)}`;
        p = {
          file: f, lines: new LineMap(f.path, f.text), paramAssignments: new Set(), importedNames: [], modulePaths: [],
          findings: [parseErrorFinding(f.path, fileStart(f.path), msg)], errors: [`1:1 ${msg}`],
        };
      }
      parsedCache.set(abs, p);
      retained += p.root ? f.text.length : 0;
    }
    return p;
  };
  /** Frees every tree when over the limit (between two root evaluations). */
  const trimTrees = () => {
    if (retained <= retainLimit) return;
    for (const p of parsedCache.values()) if (p.tree) releaseTree(p);
    retained = 0;
  };

  const resources: ResolvedResource[] = [];
  const findings: Finding[] = [];
  const seenFindings = new Set<string>();
  const report = (f: Finding) => {
    const key = `${f.ruleId}|${f.range.file}|${f.range.line}|${f.range.column}|${f.message}`;
    if (seenFindings.has(key)) return;
    seenFindings.add(key);
    findings.push(f);
  };
  const visited = new Set<string>();
  let steps = 0;
  const session: BicepSession = {
    env,
    step: (units) => (steps += units) <= MAX_EVALUATION_STEPS,
    report,
    emit: (r) => resources.push(r),
    visited: (abs) => visited.add(abs),
    resolveModule(fromFile, relPath) {
      const abs = path.resolve(path.dirname(fromFile), relPath.replace(/\\/g, '/'));
      if (ctx.roots.length > 0 && !ctx.roots.some((r) => isInside(abs, r))) return { error: 'outside-root', absPath: abs };
      const f = byAbs.get(abs);
      if (!f) return { error: 'missing-file', absPath: abs };
      if (!abs.toLowerCase().endsWith('.bicep')) return { error: 'not-bicep', absPath: abs };
      const parsed = parse(f);
      if (!parsed.root) return { error: 'unparsed', absPath: abs };
      return { parsed };
    },
  };

  const claimed = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const templates = claimed.filter((f) => f.path.toLowerCase().endsWith('.bicep'));
  const paramFiles = claimed.filter((f) => f.path.toLowerCase().endsWith('.bicepparam'));
  for (const f of claimed) {
    parse(f);
    trimTrees();
  }

  // Files used as local modules by another file are evaluated through their callers.
  const callers = new Map<string, Set<string>>();
  for (const f of templates) {
    const p = parse(f);
    const self = path.resolve(f.absPath);
    for (const rel of p.modulePaths) {
      const abs = path.resolve(path.dirname(self), rel.replace(/\\/g, '/'));
      if (abs === self) continue;
      if (!callers.has(abs)) callers.set(abs, new Set());
      callers.get(abs)!.add(self);
    }
  }

  const pairs = pairParameterFiles(paramFiles.map(parse), ctx, byAbs);
  const evaluateRoot = (f: SourceFile) => {
    const abs = path.resolve(f.absPath);
    const parsed = parse(f);
    if (!parsed.root) return;
    visited.add(abs);
    steps = 0;
    try {
      const paramSource = pairs.get(abs);
      let values = new Map<string, EvalValue>();
      let valueRanges = new Map<string, SourceRange>();
      if (paramSource?.kind === 'bicepparam') {
        const pp = parse(paramSource.parsed.file);
        const pt = new BicepTemplate({ ...session, emit: () => {} }, pp, new Map(), pp.file.path, [path.resolve(pp.file.absPath)]);
        values = pt.assignedParams();
        valueRanges = pt.assignedParamRanges();
      } else if (paramSource?.kind === 'json') values = jsonParameterValues(paramSource.file.text);
      const t = new BicepTemplate(session, parse(f), values, f.path, [abs], undefined, valueRanges);
      t.emitAll();
      trimTrees();
    } catch (e) {
      trimTrees();
      report({
        ruleId: 'load/evaluation-error',
        severity: 'warning',
        message: `Could not evaluate '${f.path}': ${(e as Error)?.message ?? String(e)}. Its resources are not checked.`,
        range: { file: f.path, line: 1, column: 1, endLine: 1, endColumn: 1 },
        fingerprint: fingerprint('load/evaluation-error', f.path),
      });
    }
  };
  for (const f of templates) if (!callers.has(path.resolve(f.absPath))) evaluateRoot(f);
  // A module file that no root reaches through its callers (a cycle of modules with no root) is
  // evaluated alone; one a root reaches but did not deploy (a condition false) is not.
  const reachedFromRoot = (abs: string): boolean => {
    const seen = new Set<string>();
    const stack = [abs];
    while (stack.length) {
      const cur = stack.pop()!;
      for (const c of callers.get(cur) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        if (!callers.has(c)) return true;
        stack.push(c);
      }
    }
    return false;
  };
  for (const f of templates) {
    const abs = path.resolve(f.absPath);
    if (!visited.has(abs) && !reachedFromRoot(abs)) evaluateRoot(f);
  }

  const kept = dropRedundantExisting(resources);
  resources.length = 0;
  for (const r of kept) resources.push(r);

  const perFile = new Map<string, number>();
  for (const r of resources) perFile.set(r.range.file, (perFile.get(r.range.file) ?? 0) + 1);
  const fileReports: FileReport[] = [];
  for (const f of claimed) {
    const p = parsedCache.get(path.resolve(f.absPath)) ?? parse(f);
    for (const x of p.findings) report(x);
    fileReports.push({
      path: f.path,
      format: f.path.toLowerCase().endsWith('.bicepparam') ? 'bicepparam' : 'bicep',
      resources: perFile.get(f.path) ?? 0,
      errors: [...p.errors],
    });
  }
  for (const p of parsedCache.values()) p.tree?.delete();
  return { resources, entities: [], files: fileReports, findings };
}

/**
 * Drops `existing` resources that the same run also declares (as a resource, or inline in a
 * parent's `properties.<collection>`, e.g. a subnet in its VNet's `subnets`) in the same scope:
 * they add nothing, and the compiled ARM twin has no trace of them.
 */
function dropRedundantExisting(resources: ResolvedResource[]): ResolvedResource[] {
  const declared = new Set<string>();
  for (const r of resources) {
    if (r.existing) continue;
    declared.add(`${r.scope}|${entityKey(r.type, r.nameSegments)}`);
    const props = rget(r.body, 'properties');
    if (props?.kind !== 'object') continue;
    for (const { name, node } of props.props.values()) {
      if (node.kind !== 'array') continue;
      for (const item of node.items) {
        const n = rget(item, 'name');
        if (n?.kind === 'scalar' && typeof n.value === 'string') declared.add(`${r.scope}|${entityKey(`${r.type}/${name}`, [...r.nameSegments, n.value])}`);
        else if (n?.kind === 'unknown') declared.add(`${r.scope}|${entityKey(`${r.type}/${name}`, [...r.nameSegments, n.value])}`);
      }
    }
  }
  return resources.filter((r) => !r.existing || !declared.has(`${r.scope}|${entityKey(r.type, r.nameSegments)}`));
}

/** True when absolute path `p` is `root` or inside it. */
function isInside(p: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
