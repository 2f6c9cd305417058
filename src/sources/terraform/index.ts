import path from 'node:path';
import type { Finding } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import { LineMap, fileStart, type SourceRange } from '../../core/position.js';
import type { Entity } from '../../model/entities.js';
import type { EvalValue } from '../eval-value.js';
import { isTimedOut, loadLanguage, parseWithBudget } from '../tree-sitter.js';
import type { FileFormat, FileReport, Loader, LoaderContext, LoaderOutput, SourceFile } from '../types.js';
import { mapInstances } from './azurerm/index.js';
import { collectDeclarations, type ParsedTfFile, type TfModuleDecl } from './declarations.js';
import { evaluate } from './evaluate.js';
import { bodyItems, bodyOf, firstSyntaxError, nodeRange } from './hcl-ast.js';
import { ModuleInstance, type ModuleResolver, type TfNote, type TfResourceInstance } from './instance.js';
import { isPlanJson, loadPlan } from './plan.js';

const GRAMMAR = 'tree-sitter-terraform.wasm';

/**
 * The Terraform (azurerm) loader (issue 4): `.tf` files read natively with tree-sitter (a module is a
 * directory), `terraform.tfvars` / `*.auto.tfvars` for root variables, local modules, and
 * `terraform show -json` plan files for fully resolved values. Produces model entities directly.
 */
export const terraformLoader: Loader = {
  name: 'terraform',
  claims(file: SourceFile): FileFormat | undefined {
    const p = file.path.toLowerCase();
    if (p.endsWith('.tf')) return 'terraform';
    if (p.endsWith('.tfvars')) return 'tfvars';
    if (p.endsWith('.json') && isPlanJson(file.text)) return 'terraform-plan';
    return undefined;
  },
  load: loadTerraform,
};

interface DirInfo {
  dir: string;
  absDir: string;
  tf: ParsedTfFile[];
  tfvars: SourceFile[];
}

async function loadTerraform(files: SourceFile[], ctx: LoaderContext): Promise<LoaderOutput> {
  const out: LoaderOutput = { resources: [], entities: [], files: [], findings: [] };
  const reports = new Map<string, FileReport>();
  const report = (f: SourceFile, format: FileFormat) => {
    let r = reports.get(f.path);
    if (!r) {
      r = { path: f.path, format, resources: 0, errors: [] };
      reports.set(f.path, r);
      out.files.push(r);
    }
    return r;
  };
  const finding = (ruleId: string, severity: Finding['severity'], message: string, range: SourceRange): void => {
    out.findings.push({ ruleId, severity, message, range, fingerprint: fingerprint(ruleId, range.file, message) });
  };

  const tfFiles = files.filter((f) => f.path.toLowerCase().endsWith('.tf'));
  const planFiles = files.filter((f) => f.path.toLowerCase().endsWith('.json'));
  const dirs = new Map<string, DirInfo>();
  const dirOf = (f: SourceFile): DirInfo => {
    const dir = path.posix.dirname(f.path);
    let d = dirs.get(dir);
    if (!d) {
      d = { dir, absDir: path.dirname(f.absPath), tf: [], tfvars: [] };
      dirs.set(dir, d);
    }
    return d;
  };

  let language;
  try {
    language = tfFiles.length || files.some((f) => f.path.endsWith('.tfvars')) ? await loadLanguage(GRAMMAR) : undefined;
  } catch (e) {
    for (const f of files) {
      const r = report(f, 'terraform');
      r.errors.push(`could not load the Terraform grammar: ${(e as Error).message}`);
    }
    return out;
  }

  const parse = (f: SourceFile, format: FileFormat): ParsedTfFile | undefined => {
    const r = report(f, format);
    const lines = new LineMap(f.path, f.text);
    if (!language) return undefined;
    const res = parseWithBudget(language, f.text, ctx.parseBudgetMs);
    if (isTimedOut(res)) {
      const msg = `Parsing took longer than the ${ctx.parseBudgetMs} ms budget; the file was not checked. Raise parseBudgetMs in .vnet-preflight.yml if the file is valid.`;
      r.errors.push(`1:1 ${msg}`);
      finding('parse/error', 'error', msg, fileStart(f.path));
      return undefined;
    }
    const err = firstSyntaxError(res.rootNode);
    if (err) {
      const range = nodeRange(lines, err);
      const msg = err.isMissing ? `Syntax error: missing ${err.type}.` : `Syntax error near '${err.text.slice(0, 40).replace(/\s+/g, ' ')}'.`;
      r.errors.push(`${range.line}:${range.column} ${msg}`);
      finding('parse/error', 'error', `${msg} The rest of the file is read where it parsed.`, range);
    }
    return { file: f, lines, tree: res, root: res.rootNode };
  };

  for (const f of tfFiles) {
    const p = parse(f, 'terraform');
    if (p) dirOf(f).tf.push(p);
    else dirOf(f);
  }
  for (const f of files.filter((x) => x.path.toLowerCase().endsWith('.tfvars'))) dirOf(f).tfvars.push(f);

  const decls = new Map<string, TfModuleDecl>();
  for (const d of dirs.values()) if (d.tf.length) decls.set(d.dir, collectDeclarations(d.dir, d.tf));

  // Directories called as local modules by another directory are checked through their callers;
  // a directory reached only through a cycle (`source = "./"`, a ↔ b) is still checked, as a root.
  const cwd = inferCwd(files);
  const calls = new Map<string, Set<string>>();
  for (const decl of decls.values()) {
    const targets = new Set<string>();
    for (const m of decl.modules.values()) {
      const src = bodyItems(m.item.body).attributes.find((a) => a.name === 'source');
      const text = src ? evaluate(src.value, emptyScope) : undefined;
      if (typeof text === 'string' && (text === '.' || text.startsWith('./') || text.startsWith('../'))) {
        const target = displayDir(cwd, path.resolve(dirs.get(decl.dir)!.absDir, text));
        if (target !== decl.dir) targets.add(target);
      }
    }
    calls.set(decl.dir, targets);
  }
  const calledDirs = new Set<string>();
  for (const targets of calls.values()) for (const t of targets) calledDirs.add(t);
  const reached = new Set<string>();
  const reach = (dir: string) => {
    if (reached.has(dir)) return;
    reached.add(dir);
    for (const t of calls.get(dir) ?? []) reach(t);
  };
  for (const dir of decls.keys()) if (!calledDirs.has(dir)) reach(dir);
  for (const dir of [...decls.keys()].sort()) {
    if (reached.has(dir)) continue;
    calledDirs.delete(dir); // the first directory of an unreached cycle becomes its root
    reach(dir);
  }

  const resolver: ModuleResolver = {
    resolve(source, fromDir, range, stack) {
      const from = dirs.get(fromDir);
      const abs = path.resolve(from ? from.absDir : path.resolve(cwd, fromDir), source);
      if (!ctx.roots.some((r) => abs === r || abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep))) {
        return { note: { ruleId: 'load/outside-root', severity: 'error', message: `Module source '${source}' leaves the folder being checked; it was not read.`, range } };
      }
      const dir = displayDir(cwd, abs);
      if (stack.includes(dir)) {
        return { note: { ruleId: 'load/module-cycle', severity: 'error', message: `Module source '${source}' calls a module that is already being evaluated (${[...stack, dir].join(' → ')}).`, range } };
      }
      const decl = decls.get(dir);
      if (!decl) return { note: { ruleId: 'load/missing-file', severity: 'warning', message: `Module source '${source}' has no .tf files in the folder being checked.`, range } };
      return decl;
    },
  };

  const notes: TfNote[] = [];
  const planDirs = new Set<string>();
  for (const pf of planFiles) planDirs.add(path.posix.dirname(pf.path));

  const emit = (instances: TfResourceInstance[]) => {
    const entities: Entity[] = mapInstances(instances);
    for (const e of entities) out.entities.push(e);
    for (const inst of instances) {
      const r = reports.get(inst.range.file);
      if (r) r.resources++;
    }
  };

  const rootInstance = (decl: TfModuleDecl): ModuleInstance => {
    const info = dirs.get(decl.dir)!;
    const tfvars = readTfvars(info.tfvars, language ? (f) => parse(f, 'tfvars') : () => undefined);
    return new ModuleInstance(decl, tfvars.values, decl.dir, '', resolver, [], notes, tfvars.ranges);
  };

  for (const decl of decls.values()) {
    if (calledDirs.has(decl.dir) || planDirs.has(decl.dir)) continue;
    try {
      emit(rootInstance(decl).allInstances());
    } catch (e) {
      finding('internal/error', 'error', `The Terraform module in '${decl.dir}' could not be evaluated: ${(e as Error)?.message ?? String(e)}`, fileStart(decl.files[0]!.file.path));
    }
  }
  for (const pf of planFiles) {
    const r = report(pf, 'terraform-plan');
    const dir = path.posix.dirname(pf.path);
    const decl = decls.get(dir);
    let configured: TfResourceInstance[] = [];
    try {
      if (decl) configured = rootInstance(decl).allInstances();
    } catch {
      configured = [];
    }
    const res = loadPlan(pf, configured, dir);
    r.errors.push(...res.errors);
    for (const e of res.errors) {
      const m = /^(\d+):(\d+) (.*)$/.exec(e);
      const range = m ? { file: pf.path, line: Number(m[1]), column: Number(m[2]), endLine: Number(m[1]), endColumn: Number(m[2]) } : fileStart(pf.path);
      finding('parse/error', 'error', m ? m[3]! : e, range);
    }
    emit(res.instances);
    r.resources = res.instances.length;
  }
  for (const n of notes) finding(n.ruleId, n.severity, n.message, n.range);
  for (const d of dirs.values()) for (const f of d.tf) f.tree.delete();
  return out;
}

const emptyScope = {
  variable: () => null,
  local: () => null,
  moduleOutputs: () => null,
  resource: () => null,
  dataSource: () => null,
  binding: () => undefined,
};

/** Root variable values from `terraform.tfvars` then `*.auto.tfvars` (alphabetical), later files winning. */
function readTfvars(files: SourceFile[], parse: (f: SourceFile) => ParsedTfFile | undefined): { values: Map<string, EvalValue>; ranges: Map<string, SourceRange> } {
  const ordered = [...files].sort((a, b) => {
    const an = path.posix.basename(a.path) === 'terraform.tfvars' ? 0 : 1;
    const bn = path.posix.basename(b.path) === 'terraform.tfvars' ? 0 : 1;
    return an - bn || a.path.localeCompare(b.path);
  });
  const vars = new Map<string, EvalValue>();
  const ranges = new Map<string, SourceRange>();
  for (const f of ordered) {
    const base = path.posix.basename(f.path);
    if (base !== 'terraform.tfvars' && !base.endsWith('.auto.tfvars')) continue;
    const p = parse(f);
    if (!p) continue;
    for (const a of bodyItems(bodyOf(p.root)).attributes) {
      vars.set(a.name, evaluate(a.value, emptyScope));
      ranges.set(a.name, nodeRange(p.lines, a.value));
    }
    p.tree.delete();
  }
  return { values: vars, ranges };
}

function inferCwd(files: SourceFile[]): string {
  const f = files[0];
  if (!f) return process.cwd();
  const rel = f.path.split('/').join(path.sep);
  return f.absPath.endsWith(rel) ? f.absPath.slice(0, f.absPath.length - rel.length) || path.sep : process.cwd();
}

function displayDir(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}
