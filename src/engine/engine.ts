import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Finding, UnknownUse } from '../core/finding.js';
import { fingerprint } from '../core/fingerprint.js';
import { fileStart, type SourceRange } from '../core/position.js';
import type { Entity } from '../model/entities.js';
import type { Assumptions, NetworkModel } from '../model/model.js';
import type { ResolvedResource } from '../model/resolved-resource.js';
import { docsUrl, type Rule } from '../rules/types.js';
import type { FileReport, Loader, LoaderContext, SourceFile } from '../sources/types.js';
import { emptyConfig, findConfig, loadConfig, normalizeRel, type Config, type RuleLevel } from './config.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, discoverFiles, displayPath } from './discover.js';
import { compareFindings, compareUnknowns, dedupeFindings, dedupeUnknowns, summarize, uniqueFingerprints, type Summary } from './finalize.js';
import { createRuleContext } from './rule-context.js';
import { locateThrow } from './locate-throw.js';
import { applySuppressions, findSuppressions, type Suppression } from './suppressions.js';
import { inChangedFiles } from '../diff/scope.js';

/** Files larger than this are skipped with a `load/skipped` note (bytes; issue 2, "Bad input"). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Default per-file parse budget, milliseconds. */
export const DEFAULT_PARSE_BUDGET_MS = 2000;
/** Rule id of a rule, loader or model-builder failure. */
export const INTERNAL_ERROR_ID = 'internal/error';
/** Rule id of a file the engine did not read. */
export const SKIPPED_ID = 'load/skipped';

/** Options of one run (the CLI, the Action and the task all build these). */
export interface RunOptions {
  /** Files or folders to check, relative to `cwd` (default `['.']`). */
  paths?: string[];
  /** Working directory: display paths are relative to it (default `process.cwd()`). */
  cwd?: string;
  /** A parsed config; wins over `configPath`. */
  config?: Config;
  /** Config file path (relative to `cwd`); else `.vnet-preflight.yml` in `cwd` when present. */
  configPath?: string;
  /** Limits REPORTING to findings located in these files (paths relative to `cwd`). */
  changedFiles?: string[];
  /** Rules to run (default: every shipped rule). */
  rules?: Rule[];
  /** Per-file parse budget, milliseconds (default: config's, else 2000). */
  parseBudgetMs?: number;
  /**
   * Receives progress lines (never printed into machine-readable output). The first line is always
   * `Reading <N> files…` (the CLI uses N to decide whether to show progress on a non-TTY).
   */
  progress?: (line: string) => void;
}

/** The outcome of a run: the JSON contract's data (design.md, "Contracts") before rendering. */
export interface RunResult {
  files: FileReport[];
  /** Reported findings, sorted by file, line, column, rule. */
  findings: Finding[];
  /** Findings an inline suppression matched (each with `suppressed` set). */
  suppressed: Finding[];
  /** Values rules needed but could not resolve. */
  unknowns: UnknownUse[];
  summary: Summary;
}

/** What the engine is built from: the format loaders and the model builder (injected for tests). */
export interface EngineDeps {
  loaders: readonly Loader[];
  buildModel: (resources: ResolvedResource[], entities: Entity[], assumptions: Assumptions) => NetworkModel;
  /** Default rules when `options.rules` is absent. */
  rules: readonly Rule[];
}

/**
 * Runs a check: discover → read → load → build the model → rules → overrides, suppressions,
 * dedupe, sort, summary. Never throws on user content (a loader, model or rule failure becomes
 * an `internal/error` finding).
 * @throws ConfigError for a bad config file, PathError for a path that does not exist.
 */
export async function runEngine(options: RunOptions, deps: EngineDeps): Promise<RunResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const rules = options.rules ?? [...deps.rules];
  const knownRuleIds = new Set(rules.map((r) => r.meta.id));
  const config = options.config ?? readConfig(cwd, options.configPath, knownRuleIds);
  const progress = options.progress;
  const parseBudgetMs = options.parseBudgetMs ?? config.parseBudgetMs ?? DEFAULT_PARSE_BUDGET_MS;

  // 1. Discover and read.
  const include = config.include ?? DEFAULT_INCLUDE;
  const exclude = [...DEFAULT_EXCLUDE, ...(config.exclude ?? [])];
  const { files: found, roots, context } = discoverFiles(options.paths && options.paths.length > 0 ? options.paths : ['.'], cwd, include, exclude);
  progress?.(`Reading ${found.length} files…`);
  const raw: Finding[] = [];
  const sources = new Map<string, SourceFile>();
  for (const f of found) {
    let size = 0;
    try {
      size = statSync(f.absPath).size;
    } catch {
      continue;
    }
    if (size > MAX_FILE_BYTES) {
      raw.push(engineFinding(SKIPPED_ID, 'note', fileStart(f.path), `Skipped \`${f.path}\`: it is ${formatMb(size)} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit.`, f.path));
      continue;
    }
    let text: string;
    try {
      text = readFileSync(f.absPath, 'utf8');
    } catch (e) {
      raw.push(engineFinding(SKIPPED_ID, 'note', fileStart(f.path), `Skipped \`${f.path}\`: it could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, f.path));
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    sources.set(f.path, { path: f.path, absPath: f.absPath, text });
  }

  // 2. Load: each file goes to the first loader that claims it.
  const claimed = new Map<Loader, SourceFile[]>();
  for (const src of sources.values()) {
    for (const loader of deps.loaders) {
      let fmt;
      try {
        fmt = loader.claims(src);
      } catch (e) {
        raw.push(engineFinding(INTERNAL_ERROR_ID, 'error', fileStart(src.path), `Internal error in the ${loader.name} loader while reading \`${src.path}\`: ${errText(e)}`, loader.name, src.path));
        continue;
      }
      if (fmt) {
        const l = claimed.get(loader);
        if (l) l.push(src);
        else claimed.set(loader, [src]);
        break;
      }
    }
  }
  // A parameterFiles entry naming a file that is not among the checked files would be ignored silently.
  for (const [param, template] of Object.entries(config.parameterFiles)) {
    const missing = [param, template].filter((p) => !sources.has(normalizeRel(p)) && !context.some((f) => f.path === normalizeRel(p)));
    if (missing.length === 0) continue;
    raw.push(
      engineFinding(
        'load/missing-file',
        'warning',
        fileStart(config.path ?? '.vnet-preflight.yml'),
        `The config's parameterFiles entry '${param}: ${template}' names ${missing.map((m) => `'${m}'`).join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not among the checked files (paths are relative to the current directory); the entry is ignored.`,
        param,
        template,
      ),
    );
  }
  // Files around a file checked on its own: readable by reference (modules, parameter files), not checked.
  const referable = new Map<string, SourceFile>();
  for (const f of context) {
    try {
      if (statSync(f.absPath).size > MAX_FILE_BYTES) continue;
      let text = readFileSync(f.absPath, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      referable.set(f.path, { path: f.path, absPath: f.absPath, text });
    } catch {
      // unreadable: a reference to it is reported as missing by the loader
    }
  }
  for (const [k, v] of sources) referable.set(k, v);
  const ctx: LoaderContext = {
    files: referable,
    roots,
    parameterFiles: new Map(Object.entries(config.parameterFiles).map(([k, v]) => [normalizeRel(k), normalizeRel(v)])),
    parseBudgetMs,
    progress,
  };
  const resources: ResolvedResource[] = [];
  const entities: Entity[] = [];
  const fileReports: FileReport[] = [];
  for (const loader of deps.loaders) {
    const mine = claimed.get(loader);
    if (!mine || mine.length === 0) continue;
    progress?.(`Loading ${mine.length} files with the ${loader.name} loader…`);
    try {
      const out = await loader.load(mine, ctx);
      append(resources, out.resources);
      append(entities, out.entities);
      append(fileReports, out.files);
      append(raw, out.findings);
    } catch (e) {
      raw.push(engineFinding(INTERNAL_ERROR_ID, 'error', fileStart(mine[0]!.path), `Internal error in the ${loader.name} loader: ${errText(e)}. Its ${mine.length} files were not checked.`, loader.name));
    }
  }
  fileReports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // 3. Model.
  let model: NetworkModel | undefined;
  progress?.(`Building the network model from ${resources.length + entities.length} resources…`);
  try {
    model = deps.buildModel(resources, entities, config.assumptions);
  } catch (e) {
    const where = fileReports[0]?.path ?? found[0]?.path ?? '';
    raw.push(engineFinding(INTERNAL_ERROR_ID, 'error', fileStart(where), `Internal error while building the network model: ${errText(e)}. No rule was run.`, 'model'));
  }

  // 4. Rules (those not turned off).
  const levels = config.rules;
  const unknowns: UnknownUse[] = [];
  const cnv = new Set<Finding>();
  if (model) {
    const active = rules.filter((r) => levels[r.meta.id] !== 'off');
    progress?.(`Checking ${model.entities.length} resources with ${active.length} rules…`);
    for (const rule of active) {
      const col = createRuleContext(rule);
      try {
        rule.check(model, col.ctx);
      } catch (e) {
        const ent = (e as { entity?: { display?: string; range?: SourceRange; key?: string } } | null)?.entity ?? locateThrow(rule, model) ?? col.lastEntity;
        const about = ent?.display ? ` while checking ${ent.display}` : '';
        const range = ent?.range ?? fileStart(model.entities[0]?.range.file ?? fileReports[0]?.path ?? '');
        const f = engineFinding(INTERNAL_ERROR_ID, 'error', range, `Internal error in rule ${rule.meta.id}${about}: ${errText(e)}. Its other findings may be missing.`, rule.meta.id, ent?.key);
        if (ent?.display) f.resource = ent.display;
        raw.push(f);
      }
      append(raw, col.findings);
      append(unknowns, col.unknowns);
      col.couldNotVerify.forEach((f) => cnv.add(f));
    }
  }

  // 5. Config levels, rule metadata, suppressions, dedupe, sort, scope.
  const metas = new Map(rules.map((r) => [r.meta.id, r.meta]));
  let all: Finding[] = [];
  for (const f of raw) {
    const level: RuleLevel | undefined = levels[f.ruleId];
    if (level === 'off') continue;
    const out: Finding = { ...f };
    if (level && !cnv.has(f)) out.severity = level;
    const meta = metas.get(f.ruleId);
    if (meta) {
      out.helpUri ??= docsUrl(f.ruleId);
      out.source ??= meta.source;
    }
    all.push(out);
  }
  const sups = new Map<string, Suppression[]>();
  for (const src of sources.values()) {
    const s = findSuppressions(src.path, src.text);
    if (s.length > 0) sups.set(src.path, s);
  }
  const applied = applySuppressions(all, sups);
  all = [...applied.kept, ...applied.notes.filter((n) => levels[n.ruleId] !== 'off').map((n) => withLevel(n, levels[n.ruleId]))];
  let findings = uniqueFingerprints(dedupeFindings(all).sort(compareFindings));
  let suppressed = uniqueFingerprints(dedupeFindings(applied.suppressed).sort(compareFindings));
  let unk = dedupeUnknowns(unknowns).sort(compareUnknowns);
  if (options.changedFiles) {
    const changed = options.changedFiles;
    // An internal error is always reported: it means findings may be missing anywhere.
    // A finding elsewhere that a changed file causes (a related location in it, e.g. the parameter
    // file that sets the value) is reported too.
    const touched = (f: Finding) => inChangedFiles(f.range.file, changed, cwd) || (f.related ?? []).some((r) => inChangedFiles(r.range.file, changed, cwd));
    findings = findings.filter((f) => f.ruleId === INTERNAL_ERROR_ID || touched(f));
    suppressed = suppressed.filter((f) => inChangedFiles(f.range.file, changed, cwd));
    unk = unk.filter((u) => inChangedFiles(u.file, changed, cwd));
  }
  return { files: fileReports, findings, suppressed, unknowns: unk, summary: summarize(findings) };
}

function withLevel(f: Finding, level: RuleLevel | undefined): Finding {
  return level && level !== 'off' ? { ...f, severity: level } : f;
}

function readConfig(cwd: string, configPath: string | undefined, knownRuleIds: ReadonlySet<string>): Config {
  const abs = configPath ? resolve(cwd, configPath) : findConfig(cwd);
  if (!abs) return emptyConfig();
  return loadConfig(abs, configPath ?? displayPath(cwd, abs), { knownRuleIds });
}

/** A finding made by the engine itself (not by a rule): fingerprint from the id and `data`. */
function engineFinding(ruleId: string, severity: Finding['severity'], range: SourceRange, message: string, ...data: (string | undefined)[]): Finding {
  return { ruleId, severity, message, range, fingerprint: fingerprint(ruleId, range.file, ...data) };
}

function errText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0]!.slice(0, 300);
}

function formatMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** `to.push(...from)` without the argument-count limit a spread hits on very large arrays (a huge copy loop). */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}
