import * as path from 'node:path';
import type { Finding } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import { fileStart, type SourceRange } from '../../core/position.js';
import type { Severity } from '../../core/severity.js';
import { idToKey, entityKey, resourceIdOf } from '../../model/keys.js';
import type { RObject, ResolvedResource } from '../../model/resolved-resource.js';
import { Unknown, symConcat, symSplit, type SymString } from '../../model/symbolic.js';
import { fromRNode, getMember, isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import type { FunctionEnv } from '../functions/index.js';
import type { LoaderContext, SourceFile } from '../types.js';
import { member, members, rangeOf, type JNode, type ParsedFile } from './parsed-file.js';
import {
  TemplateContext, MAX_COPY, copyCount, evalRObject, evalValue, type EvalCtx, type LoopFrame, type ParamSupplier,
  type ReferenceResolver,
} from './template-context.js';

/** Files, parse cache and findings shared by every deployment of one `load()` call. */
export interface LoadSession {
  ctx: LoaderContext;
  /** Parses (once) the file with this display path; `asLinked` keeps it cached for other templates linking to it. */
  parsed(file: SourceFile, asLinked?: boolean): ParsedFile;
  /** A run file by display path or absolute path. */
  findFile(displayPath: string, absPath: string): SourceFile | undefined;
  findings: Finding[];
  /** `ruleId|file|line|column` of findings already reported. */
  reported: Set<string>;
  env: FunctionEnv;
  /** Records that the template `root` deploys the linked template `target` (display paths). */
  linked?: (root: string, target: string) => void;
}

interface Instance {
  type: string;
  names: SymString[];
  decl: JNode;
  ec: EvalCtx;
  nameNode?: JNode;
  conditionUnknown?: Unknown;
  existing: boolean;
  /** Nested or linked deployment: the template it deploys (not emitted itself). */
  inner?: TemplateContext;
  isDeployment: boolean;
  body?: RObject;
  state: 0 | 1 | 2;
  outputs?: EvalValue;
}

/** Body members that are not resource properties. */
const NOT_BODY = new Set(['resources', 'copy', 'condition', 'dependson']);
const DEPLOYMENTS = 'microsoft.resources/deployments';
const MAX_NESTING = 10;

/**
 * One deployment of a root template: collects resource instances (copy loops, conditions,
 * inline children, nested and linked deployments), answers `reference()` from declared
 * properties, and emits `ResolvedResource`s whose `scope` is the root template's path.
 */
export class Deployment implements ReferenceResolver {
  private readonly instances: Instance[] = [];
  private readonly byKey = new Map<string, Instance>();
  private readonly byName = new Map<string, Instance>();
  private readonly bySymbol = new Map<TemplateContext, Map<string, Instance>>();
  private readonly fileStack: string[] = [];
  private nesting = 0;
  /** `performance.now()` after which evaluation stops (ctx.parseBudgetMs per root template). */
  private readonly deadline: number;
  private overBudget = false;

  constructor(readonly rootPath: string, readonly session: LoadSession) {
    this.fileStack.push(rootPath);
    this.deadline = performance.now() + Math.max(1, session.ctx.parseBudgetMs || 2000);
  }

  /** True (and reported once as `load/skipped`) when this deployment has used up its time budget. */
  private outOfTime(): boolean {
    if (this.overBudget) return true;
    if (performance.now() <= this.deadline) return false;
    this.overBudget = true;
    this.finding('load/skipped', 'note', fileStart(this.rootPath),
      `Evaluation of '${this.rootPath}' stopped after ${this.session.ctx.parseBudgetMs} ms; the remaining resources are not checked.`,
      this.rootPath, 'budget');
    return true;
  }

  /** Collects the resources of a template (root, nested or linked). */
  loadTemplate(t: TemplateContext, loops: readonly LoopFrame[], cond: Unknown | undefined): void {
    const res = member(t.template, 'resources');
    const ec: EvalCtx = { t, loops };
    if (res?.type === 'array') for (const d of res.children ?? []) this.collect(d, undefined, ec, undefined, cond);
    else if (res?.type === 'object') for (const [k, d] of members(res)) this.collect(d, k.value as string, ec, undefined, cond);
  }

  /** Evaluates every collected resource's body. */
  emit(): ResolvedResource[] {
    const out: ResolvedResource[] = [];
    for (const inst of this.instances) {
      if (inst.isDeployment) continue;
      if (this.outOfTime()) break;
      try {
        const body = this.bodyOf(inst) ?? evalRObject(inst.decl, inst.ec, undefined, NOT_BODY);
        const pf = inst.ec.t.pf;
        const r: ResolvedResource = {
          type: inst.type,
          nameSegments: inst.names,
          nameRange: rangeOf(pf, inst.nameNode ?? inst.decl),
          range: rangeOf(pf, inst.decl),
          body,
          format: 'arm',
          scope: this.rootPath,
        };
        if (inst.existing) r.existing = true;
        if (inst.conditionUnknown) r.conditionUnknown = inst.conditionUnknown;
        out.push(r);
      } catch (e) {
        this.note(inst.ec.t.pf, inst.decl, `could not evaluate resource '${inst.type}': ${(e as Error)?.message ?? String(e)}`);
      }
    }
    return out;
  }

  reference(target: EvalValue, full: boolean, from: TemplateContext): EvalValue | undefined {
    const inst = this.lookup(target, from);
    if (!inst || inst.existing) return undefined;
    if (inst.isDeployment) {
      if (!inst.inner) return undefined;
      const outputs = this.outputsOf(inst);
      return full ? { properties: { outputs } } : { outputs };
    }
    const body = this.bodyOf(inst);
    if (!body) return undefined;
    const v = fromRNode(body) as EvalObject;
    const id = resourceIdOf(inst.type, inst.names);
    const p = getMember(v, 'properties');
    if (isEvalObject(p)) addSubResourceIds(p, id);
    if (full) return { id, ...v };
    return p === undefined ? {} : p;
  }

  resourceInfo(symbol: EvalValue, from: TemplateContext): EvalValue | undefined {
    if (typeof symbol !== 'string') return undefined;
    const inst = this.lookup(symbol, from);
    if (!inst) return undefined;
    const apiVersion = member(inst.decl, 'apiVersion');
    return {
      id: resourceIdOf(inst.type, inst.names),
      name: symConcat(inst.names.flatMap((n, i) => (i === 0 ? [n] : ['/', n]))),
      type: inst.type,
      apiVersion: typeof apiVersion?.value === 'string' ? apiVersion.value : null,
    };
  }

  private lookup(target: EvalValue, from: TemplateContext): Instance | undefined {
    if (typeof target === 'string' && !target.includes('/')) {
      const sym = this.bySymbol.get(from)?.get(target.toLowerCase());
      if (sym) return sym;
      for (const m of this.bySymbol.values()) {
        const s = m.get(target.toLowerCase());
        if (s) return s;
      }
    }
    if (typeof target === 'string' || target instanceof Unknown) {
      const key = idToKey(target);
      if (key) return this.byKey.get(key);
      if (typeof target === 'string') return this.byName.get(target.toLowerCase());
    }
    return undefined;
  }

  private bodyOf(inst: Instance): RObject | undefined {
    if (inst.state === 2) return inst.body;
    if (inst.state === 1) return undefined;
    inst.state = 1;
    try {
      inst.body = evalRObject(inst.decl, inst.ec, undefined, NOT_BODY);
    } finally {
      inst.state = 2;
    }
    return inst.body;
  }

  private outputsOf(inst: Instance): EvalValue {
    if (inst.outputs !== undefined) return inst.outputs;
    inst.outputs = new Unknown('outputs', 'circular output');
    const t = inst.inner!;
    const o: EvalObject = {};
    for (const [k, v] of members(member(t.template, 'outputs'))) {
      const valueNode = member(v, 'value');
      const copy = member(v, 'copy');
      const ec: EvalCtx = { t, loops: [] };
      let value: EvalValue = null;
      if (valueNode) value = evalValue(valueNode, ec);
      else if (copy) {
        const count = copyCount(member(copy, 'count'), ec);
        const input = member(copy, 'input');
        if (count instanceof Unknown || !input) value = count instanceof Unknown ? count : null;
        else {
          const items: EvalValue[] = [];
          for (let i = 0; i < count; i++) items.push(evalValue(input, { t, loops: [{ name: '', index: i, resource: true }] }));
          value = items;
        }
      }
      o[k.value as string] = { type: String(member(v, 'type')?.value ?? ''), value };
    }
    inst.outputs = o;
    return o;
  }

  private collect(decl: JNode, symbol: string | undefined, ec: EvalCtx, parent: { type: string; names: SymString[] } | undefined, cond: Unknown | undefined): void {
    if (decl.type !== 'object' || this.outOfTime()) return;
    try {
      const copy = member(decl, 'copy');
      if (copy?.type === 'object') {
        const loopName = String(member(copy, 'name')?.value ?? '').toLowerCase();
        const countNode = member(copy, 'count');
        const count = copyCount(countNode, ec);
        if (count === MAX_COPY && countNode && Number(evalValue(countNode, ec)) > MAX_COPY) {
          this.finding('load/count-capped', 'note', rangeOf(ec.t.pf, countNode), `The copy loop '${loopName}' asks for ${String(evalValue(countNode, ec))} resources; only the first ${MAX_COPY} are checked.`, ec.t.pf.file.path, loopName);
        }
        if (count instanceof Unknown) {
          const index = new Unknown(`copyindex('${loopName}')`, count.reason ?? 'copy count unknown');
          this.collectOne(decl, symbol, { ...ec, loops: [...ec.loops, { name: loopName, index, resource: true }] }, parent, cond ?? count);
        } else {
          for (let i = 0; i < count; i++) {
            this.collectOne(decl, symbol, { ...ec, loops: [...ec.loops, { name: loopName, index: i, resource: true }] }, parent, cond);
          }
        }
      } else this.collectOne(decl, symbol, ec, parent, cond);
    } catch (e) {
      this.note(ec.t.pf, decl, `could not evaluate resource: ${(e as Error)?.message ?? String(e)}`);
    }
  }

  private collectOne(decl: JNode, symbol: string | undefined, ec: EvalCtx, parent: { type: string; names: SymString[] } | undefined, cond: Unknown | undefined): void {
    let conditionUnknown = cond;
    const condNode = member(decl, 'condition');
    if (condNode) {
      const c = evalValue(condNode, ec);
      if (c === false || (typeof c === 'string' && c.toLowerCase() === 'false')) return;
      if (c instanceof Unknown) conditionUnknown ??= c;
    }
    const typeNode = member(decl, 'type');
    const typeValue = typeNode ? evalValue(typeNode, ec) : undefined;
    if (typeof typeValue !== 'string' || typeValue === '') {
      if (typeNode) this.note(ec.t.pf, typeNode, 'resource type could not be evaluated; the resource is skipped');
      return;
    }
    let type = typeValue.trim();
    if (parent && !type.split('/')[0]!.includes('.')) type = `${parent.type}/${type}`;
    const nameNode = member(decl, 'name');
    const nameValue = nameNode ? evalValue(nameNode, ec) : undefined;
    const name: SymString =
      typeof nameValue === 'string' || nameValue instanceof Unknown ? nameValue
        : typeof nameValue === 'number' ? String(nameValue)
          : new Unknown('name', nameNode ? 'resource name is not a string' : 'resource without a name');
    let names = symSplit(name, '/');
    const depth = type.split('/').length - 1;
    if (parent && names.length < depth) names = [...parent.names, ...names];
    const inst: Instance = {
      type,
      names,
      decl,
      ec,
      nameNode,
      conditionUnknown,
      existing: member(decl, 'existing')?.value === true,
      isDeployment: type.toLowerCase() === DEPLOYMENTS,
      state: 0,
    };
    this.instances.push(inst);
    const key = entityKey(type, names);
    if (!this.byKey.has(key)) this.byKey.set(key, inst);
    if (names.every((n) => typeof n === 'string')) {
      const joined = (names as string[]).join('/').toLowerCase();
      if (!this.byName.has(joined)) this.byName.set(joined, inst);
    }
    if (symbol) {
      let m = this.bySymbol.get(ec.t);
      if (!m) this.bySymbol.set(ec.t, (m = new Map()));
      if (!m.has(symbol.toLowerCase())) m.set(symbol.toLowerCase(), inst);
    }
    if (inst.isDeployment && !inst.existing) this.nested(inst);
    const children = member(decl, 'resources');
    if (children?.type === 'array') {
      for (const c of children.children ?? []) this.collect(c, undefined, ec, { type, names }, conditionUnknown);
    }
  }

  /** A nested (`properties.template`) or linked (`templateLink.relativePath`) deployment. */
  private nested(inst: Instance): void {
    const { decl, ec } = inst;
    const props = member(decl, 'properties');
    const template = member(props, 'template');
    const link = member(props, 'templateLink');
    let pf = ec.t.pf;
    let templateNode: JNode | undefined;
    let inner = true;
    let linkedPath: string | undefined;
    if (template?.type === 'object') {
      templateNode = template;
      const scope = member(member(props, 'expressionEvaluationOptions'), 'scope');
      inner = typeof scope?.value === 'string' && scope.value.toLowerCase() === 'inner';
    } else if (link) {
      const relNode = member(link, 'relativePath');
      const uriNode = member(link, 'uri');
      let rel: EvalValue = null;
      let quiet = false;
      if (relNode) rel = evalValue(relNode, ec);
      else if (uriNode) {
        rel = artifactPath(evalValue(uriNode, ec)) ?? null;
        quiet = true;
      }
      if (typeof rel !== 'string') return;
      const target = this.resolveLinked(pf, (relNode ?? uriNode)!, rel, quiet);
      if (!target) return;
      pf = target;
      templateNode = target.root;
      linkedPath = target.file.path;
      if (linkedPath !== this.rootPath) this.session.linked?.(this.rootPath, linkedPath);
      if (templateNode?.type !== 'object') return;
    } else return;
    if (this.nesting >= MAX_NESTING) {
      this.note(ec.t.pf, decl, `nested deployments deeper than ${MAX_NESTING} levels are not evaluated`);
      return;
    }
    const supplied = inner ? paramSuppliers(member(props, 'parameters'), ec) : new Map<string, ParamSupplier>();
    const t = new TemplateContext(pf, templateNode, supplied, this, this.session.env, inner ? undefined : ec.t);
    inst.inner = t;
    this.nesting++;
    if (linkedPath) this.fileStack.push(linkedPath);
    try {
      this.loadTemplate(t, inner ? [] : ec.loops, inst.conditionUnknown);
    } finally {
      this.nesting--;
      if (linkedPath) this.fileStack.pop();
    }
  }

  /** Resolves a linked template path; `quiet` (a path guessed from `templateLink.uri`) reports nothing when it can't be read. */
  private resolveLinked(from: ParsedFile, relNode: JNode, rel: string, quiet = false): ParsedFile | undefined {
    const relPosix = rel.replace(/\\/g, '/');
    const display = path.posix.normalize(path.posix.join(path.posix.dirname(from.file.path), relPosix));
    const abs = path.resolve(path.dirname(from.file.absPath), rel);
    const range = rangeOf(from, relNode);
    const roots = this.session.ctx.roots;
    if (roots.length > 0 && !roots.some((r) => isInside(abs, r))) {
      if (quiet) return undefined;
      this.finding('load/outside-root', 'error', range,
        `Linked template '${rel}' is outside the folders being checked; it is not read.`, from.file.path, rel);
      return undefined;
    }
    const file = this.session.findFile(display, abs);
    if (!file) {
      if (quiet) return undefined;
      this.finding('load/missing-file', 'warning', range,
        `Linked template '${rel}' was not found (looked for '${display}'); its resources are not checked.`, from.file.path, rel);
      return undefined;
    }
    if (this.fileStack.includes(file.path)) {
      this.finding('load/module-cycle', 'error', range,
        `Linked template '${rel}' is already being deployed by ${this.fileStack.join(' → ')}; the cycle is not followed.`, from.file.path, rel);
      return undefined;
    }
    return this.session.parsed(file, true);
  }

  private finding(ruleId: string, severity: Severity, range: SourceRange, message: string, file: string, data: string): void {
    // A linked template reached from several roots reports its problem once.
    const seen = `${ruleId}|${range.file}|${range.line}|${range.column}`;
    if (this.session.reported.has(seen)) return;
    this.session.reported.add(seen);
    this.session.findings.push({ ruleId, severity, message, range, fingerprint: fingerprint(ruleId, file, data) });
  }

  private note(pf: ParsedFile, node: JNode, message: string): void {
    this.finding('parse/error', 'note', rangeOf(pf, node), message, pf.file.path, message);
  }
}

/**
 * Sub-resources declared inline (a VNet's `subnets`, an NSG's `securityRules`, ...) get the id
 * ARM gives them: `<resource id>/<array property>/<name>`, so `reference(vnet).subnets[0].id`
 * resolves like the subnet's `resourceId()`.
 */
function addSubResourceIds(props: EvalObject, id: SymString): void {
  for (const [k, arr] of Object.entries(props)) {
    if (!Array.isArray(arr)) continue;
    for (const item of arr) {
      if (!isEvalObject(item) || getMember(item, 'id') !== undefined) continue;
      const name = getMember(item, 'name');
      if (typeof name === 'string' || name instanceof Unknown) item.id = symConcat([id, `/${k}/`, name]);
    }
  }
}

const ARTIFACT_URI = /^uri\(deployment\(\)\.properties\.templatelink\.uri,'((?:[^']|'')*)'\)$/;

/**
 * The path of a template linked by `uri(deployment().properties.templateLink.uri, 'nested/x.json')`
 * (the quickstarts' `_artifactsLocation` pattern): the template's folder is where the deployment
 * reads it from, so the file is looked up next to the template. Anything else → undefined.
 */
function artifactPath(v: EvalValue): string | undefined {
  if (!(v instanceof Unknown)) return undefined;
  const m = ARTIFACT_URI.exec(v.expr);
  if (!m) return undefined;
  const rel = m[1]!.replace(/''/g, "'");
  return /^[\w./-]+\.json$/i.test(rel) && !rel.startsWith('/') ? rel : undefined;
}

function isInside(abs: string, root: string): boolean {
  const r = path.relative(path.resolve(root), abs);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/** Parameter values passed to a nested/linked deployment (`properties.parameters`), evaluated in the caller's scope on first use. */
export function paramSuppliers(params: JNode | undefined, ec: EvalCtx): Map<string, ParamSupplier> {
  const out = new Map<string, ParamSupplier>();
  for (const [k, v] of members(params)) {
    const name = k.value as string;
    const valueNode = member(v, 'value');
    if (valueNode) {
      let memo: EvalValue | undefined;
      out.set(name.toLowerCase(), () => (memo ??= evalValue(valueNode, ec)));
    } else if (member(v, 'reference')) {
      out.set(name.toLowerCase(), () => new Unknown(`parameters('${name}')`, 'Key Vault reference'));
    }
  }
  return out;
}
