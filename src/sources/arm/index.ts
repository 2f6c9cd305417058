import { fingerprint } from '../../core/fingerprint.js';
import type { Finding } from '../../core/finding.js';
import { fileStart } from '../../core/position.js';
import type { ResolvedResource } from '../../model/resolved-resource.js';
import type { FileFormat, FileReport, Loader, LoaderContext, LoaderOutput, SourceFile } from '../types.js';
import { claimArm } from './claims.js';
import { Deployment, type LoadSession } from './deployment.js';
import { pairParameterFiles, readParameterFile } from './parameter-files.js';
import { parseJsonFile, type ParsedFile } from './parsed-file.js';
import { TemplateContext, type ParamSupplier } from './template-context.js';

/**
 * The ARM JSON loader: claims templates (`arm`) and parameter files (`arm-parameters`), parses
 * them with positions (comments and trailing commas allowed), evaluates each template with its
 * paired parameter file and emits `ResolvedResource`s (scope = the template's path).
 * Findings: `parse/error` (syntax errors; notes for resources that could not be evaluated),
 * `load/outside-root`, `load/missing-file`, `load/module-cycle` (linked templates).
 */
export const armLoader: Loader = {
  name: 'arm',
  claims: claimArm,
  load: async (files, ctx) => loadArm(files, ctx),
};

function loadArm(files: SourceFile[], ctx: LoaderContext): LoaderOutput {
  const findings: Finding[] = [];
  const cache = new Map<string, ParsedFile>();
  const linked = new Set<string>();
  /** Linked template → the root templates that deploy it. */
  const deployedBy = new Map<string, Set<string>>();
  let absIndex: Map<string, SourceFile> | undefined;
  const session: LoadSession = {
    ctx,
    findings,
    reported: new Set(),
    env: {},
    parsed(file, asLinked) {
      let pf = cache.get(file.path);
      if (!pf) cache.set(file.path, (pf = parseJsonFile(file)));
      if (asLinked) linked.add(file.path);
      return pf;
    },
    linked(root, target) {
      let s = deployedBy.get(target);
      if (!s) deployedBy.set(target, (s = new Set()));
      s.add(root);
    },
    findFile(display, abs) {
      const f = ctx.files.get(display);
      if (f) return f;
      absIndex ??= new Map([...ctx.files.values(), ...files].map((x) => [x.absPath, x] as const));
      return absIndex.get(abs);
    },
  };
  const formats = new Map<SourceFile, FileFormat>();
  for (const f of files) {
    const fmt = claimArm(f);
    if (fmt) formats.set(f, fmt);
  }
  const templates = [...formats].filter(([, f]) => f === 'arm').map(([s]) => s);
  const paramFiles = [...formats].filter(([, f]) => f === 'arm-parameters').map(([s]) => s);
  // A template checked on its own still takes its parameter file from beside it (read for reference).
  const given = new Set(files.map((f) => f.path));
  for (const f of ctx.files.values()) if (!given.has(f.path) && f.path.endsWith('.json') && claimArm(f) === 'arm-parameters') paramFiles.push(f);
  const pairs = pairParameterFiles(templates, paramFiles, ctx.parameterFiles, ctx.files);

  const out: LoaderOutput = { resources: [], entities: [], files: [], findings };
  const standalone = new Map<string, { report: FileReport; resources: ResolvedResource[] }>();
  for (const [file, format] of formats) {
    const report: FileReport = { path: file.path, format, resources: 0, errors: [] };
    out.files.push(report);
    let pf: ParsedFile;
    try {
      pf = session.parsed(file);
    } catch (e) {
      fileError(report, findings, file.path, `could not parse: ${(e as Error)?.message ?? String(e)}`);
      continue;
    }
    // jsonc-parser reports several expectations at one position (at the end of a truncated file):
    // one finding per position, naming them all.
    const byPosition = new Map<string, { range: (typeof pf.errors)[number]['range']; messages: string[] }>();
    for (const e of pf.errors) {
      const k = `${e.range.line}:${e.range.column}`;
      const at = byPosition.get(k);
      if (at) at.messages.push(e.message);
      else byPosition.set(k, { range: e.range, messages: [e.message] });
    }
    for (const { range, messages: all } of byPosition.values()) {
      const messages = [...new Set(all)];
      const message = messages.length === 1 ? messages[0]! : `${messages[messages.length - 1]!} (or: ${messages.slice(0, -1).map((m) => m.replace(/^JSON syntax error: /, '')).join(', ')})`;
      report.errors.push(`${range.line}:${range.column} ${message}`);
      findings.push({ ruleId: 'parse/error', severity: 'error', message, range, fingerprint: fingerprint('parse/error', file.path, message) });
    }
    if (pf.root?.type !== 'object') {
      if (pf.errors.length === 0) fileError(report, findings, file.path, 'the file is not a JSON object');
      continue;
    }
    if (format !== 'arm') continue;
    try {
      const paramFile = pairs.get(file.path);
      const supplied: Map<string, ParamSupplier> = paramFile ? readParameterFile(session.parsed(paramFile)) : new Map();
      const deployment = new Deployment(file.path, session);
      deployment.loadTemplate(new TemplateContext(pf, pf.root, supplied, deployment, session.env), [], undefined);
      standalone.set(file.path, { report, resources: deployment.emit() });
    } catch (e) {
      fileError(report, findings, file.path, `could not evaluate the template: ${(e as Error)?.message ?? String(e)}`);
    }
    // Parse trees are large: keep only those another template may still link to.
    if (!linked.has(file.path)) cache.delete(file.path);
  }
  // A template that another checked template links to is checked as part of that deployment (with
  // the parameters it is given there), not again on its own with its defaults; unless every
  // template that links to it is itself linked (a cycle), so nothing is left unchecked.
  for (const [path, { report, resources }] of standalone) {
    const roots = deployedBy.get(path);
    const deployedElsewhere = roots && [...roots].some((r) => r !== path && standalone.has(r) && !deployedBy.has(r));
    if (deployedElsewhere) continue;
    report.resources = resources.length;
    for (const r of resources) out.resources.push(r);
  }
  return out;
}

function fileError(report: FileReport, findings: Finding[], file: string, message: string): void {
  report.errors.push(`1:1 ${message}`);
  findings.push({ ruleId: 'parse/error', severity: 'error', message, range: fileStart(file), fingerprint: fingerprint('parse/error', file, message) });
}
