import type { SourceRange } from '../../core/position.js';
import type { Node } from 'web-tree-sitter';
import type { Finding } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import { fingerprint } from '../../core/fingerprint.js';
import type { RObject, RNode, ResolvedResource } from '../../model/resolved-resource.js';
import { Unknown, symSplit, type SymString } from '../../model/symbolic.js';
import { isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import { callTemplateFunction, type FunctionEnv } from '../functions/index.js';
import { toText } from '../functions/util.js';
import { ExpressionEvaluator } from './expressions.js';
import type { ParsedBicep } from './parse.js';
import { decoratorCalls, kids, nestedResources, objectGet, objectProps, plainString, rangeOf } from './syntax.js';
import { ModuleRef, RefList, ResourceRef, toEval, type BVal, type Locals, type ResourceInstance } from './values.js';

/** What a template evaluation needs from the loader run (see index.ts). */
export interface BicepSession {
  env: FunctionEnv;
  /** Resolves a module path written in `fromFile` (absolute) to a parsed Bicep file, or reports why not. */
  resolveModule(fromFile: string, relPath: string): { parsed: ParsedBicep } | { error: 'outside-root' | 'missing-file' | 'not-bicep' | 'unparsed'; absPath: string };
  report(f: Finding): void;
  emit(r: ResolvedResource): void;
  /** Records that a file was evaluated (as a root or a module). */
  visited(absPath: string): void;
  /** Counts evaluation steps; false once the budget of the current root is used up. */
  step(units: number): boolean;
}

/** Members of a Bicep resource body that are not ARM resource members (or are meta data). */
const NON_BODY_MEMBERS = new Set(['parent', 'scope', 'dependson']);

interface ParamDecl { name: string; node: Node; defaultNode?: Node; decorators?: Node }
interface ResourceDecl {
  sym: string;
  node: Node;
  typeNode: Node;
  valueNode: Node;
  existing: boolean;
  lexicalParent?: ResourceDecl;
  instances?: Instance[] | Unknown;
  expanding?: boolean;
}
interface ModuleDecl { sym: string; node: Node; pathNode: Node; valueNode: Node; instances?: ModuleInstance[] | Unknown; expanding?: boolean }

class Instance implements ResourceInstance {
  private built?: RObject;
  private building = false;
  constructor(
    private readonly t: BicepTemplate,
    readonly decl: ResourceDecl,
    readonly obj: Node,
    readonly locals: Locals | undefined,
    readonly type: string,
    readonly apiVersion: string,
    readonly names: SymString[],
    readonly nameValue: EvalValue,
    readonly nameNode: Node | undefined,
    readonly existing: boolean,
    readonly cond: Unknown | undefined,
  ) {}

  body(): RObject | undefined {
    if (this.built) return this.built;
    if (this.building) return undefined;
    this.building = true;
    try {
      this.built = this.t.buildBody(this);
    } finally {
      this.building = false;
    }
    return this.built;
  }
}

interface ModuleInstance { ref: ModuleRef; child?: BicepTemplate; cond?: Unknown }

/**
 * One evaluation of a Bicep file: the root template with its parameter values, or a module with
 * the values its caller passes. Declarations are evaluated lazily and once (params, vars,
 * resources, modules, outputs may reference each other in any order); `emitAll` emits every
 * resource instance in declaration order, then the resources of each module instance.
 */
export class BicepTemplate extends ExpressionEvaluator {
  private readonly params = new Map<string, ParamDecl>();
  private readonly vars = new Map<string, Node>();
  private readonly resources = new Map<string, ResourceDecl>();
  private readonly resourceOrder: ResourceDecl[] = [];
  private readonly modules = new Map<string, ModuleDecl>();
  private readonly outputs = new Map<string, Node>();
  private readonly functions = new Set<string>();
  /** Symbols whose declaration has a syntax error: references to them are Unknown. */
  private readonly broken = new Set<string>();
  private readonly memo = new Map<string, BVal>();
  private readonly inProgress = new Set<string>();
  private emitted = false;

  constructor(
    private readonly session: BicepSession,
    readonly parsed: ParsedBicep,
    /** Parameter values given by a `.bicepparam` file or a calling module. */
    private readonly provided: ReadonlyMap<string, EvalValue>,
    /** Display path of the root template file (ResolvedResource.scope). */
    readonly scope: string,
    /** Absolute paths of the files of the module chain, root first, this file last. */
    readonly chain: readonly string[],
    /** Condition of the module instance this evaluation belongs to, when unknown. */
    private readonly inheritedCond?: Unknown,
    /** Where each `provided` value is written (the `.bicepparam` assignment), for findings about it. */
    private readonly providedRanges: ReadonlyMap<string, SourceRange> = new Map(),
  ) {
    super(parsed.lines, session.env, parsed.file.text);
    for (const n of parsed.importedNames) this.functions.add(n.toLowerCase());
    if (parsed.root) this.index(parsed.root);
  }

  private index(root: Node): void {
    let decorators: Node | undefined;
    for (const n of kids(root)) {
      if (n.type === 'decorators') {
        decorators = n;
        continue;
      }
      const dec = decorators;
      decorators = undefined;
      const name = kids(n).find((k) => k.type === 'identifier')?.text ?? n.childForFieldName('name')?.text;
      if (!name) continue;
      if (n.hasError || n.type === 'ERROR') {
        this.broken.add(name);
        continue;
      }
      const ks = kids(n);
      switch (n.type) {
        case 'parameter_declaration':
          this.params.set(name, { name, node: n, defaultNode: ks[2], decorators: dec });
          break;
        case 'variable_declaration':
          if (this.parsed.paramAssignments.has(name)) this.params.set(name, { name, node: n, defaultNode: ks[1] });
          else if (ks[1]) this.vars.set(name, ks[1]);
          break;
        case 'output_declaration':
          if (ks.length >= 3) this.outputs.set(name, ks[ks.length - 1]!);
          break;
        case 'resource_declaration':
          this.indexResource(n, undefined);
          break;
        case 'module_declaration': {
          const pathNode = ks[1];
          const valueNode = ks[ks.length - 1];
          if (pathNode && valueNode && ks.length >= 3) this.modules.set(name, { sym: name, node: n, pathNode, valueNode });
          break;
        }
        case 'user_defined_function':
          this.functions.add(name.toLowerCase());
          break;
        case 'import_functionality':
          for (const k of ks) if (k.type === 'identifier') this.functions.add(k.text.toLowerCase());
          break;
      }
    }
  }

  private indexResource(n: Node, lexicalParent: ResourceDecl | undefined): void {
    const ks = kids(n);
    const [id, typeNode] = ks;
    const valueNode = ks[ks.length - 1];
    if (!id || !typeNode || !valueNode || ks.length < 3) return;
    const decl: ResourceDecl = {
      sym: id.text, node: n, typeNode, valueNode, lexicalParent,
      existing: n.children.some((c) => c !== null && !c.isNamed && c.type === 'existing'),
    };
    const key = lexicalParent ? `${lexicalParent.sym}::${id.text}` : id.text;
    this.resources.set(key, decl);
    if (lexicalParent && !this.resources.has(id.text)) this.resources.set(`::${id.text}`, decl);
    this.resourceOrder.push(decl);
    const body = valueNode.type === 'object' ? valueNode
      : valueNode.type === 'if_statement' ? kids(valueNode).find((k) => k.type === 'object')
        : valueNode.type === 'for_statement' ? bodyObject(valueNode.childForFieldName('body')) : undefined;
    if (body) for (const child of nestedResources(body)) if (!child.hasError) this.indexResource(child, decl);
  }

  // ---- symbols -------------------------------------------------------------------------------

  protected override lookup(name: string): BVal | undefined {
    if (this.broken.has(name)) return new Unknown(name, `declaration of '${name}' has a syntax error`);
    if (this.params.has(name)) return this.memoized(`param:${name}`, () => this.paramValue(this.params.get(name)!));
    if (this.vars.has(name)) return this.memoized(`var:${name}`, () => this.eval(this.vars.get(name)!));
    const res = this.resources.get(name) ?? this.resources.get(`::${name}`);
    if (res) return this.resourceSymbol(res);
    const mod = this.modules.get(name);
    if (mod) return this.moduleSymbol(mod);
    return undefined;
  }

  protected override nestedSymbol(parent: BVal, parentNode: Node, child: string): BVal {
    const parentSym = parentNode.type === 'identifier' ? parentNode.text : parentNode.type === 'resource_expression' ? parentNode.childForFieldName('resource')?.text : undefined;
    const decl = parentSym ? this.resources.get(`${parentSym}::${child}`) : undefined;
    if (!decl) return new Unknown(`${parentNode.text}::${child}`, 'unknown nested resource');
    const insts = this.expand(decl);
    if (insts instanceof Unknown) return insts;
    if (parent instanceof ResourceRef) {
      const mine = insts.filter((i) => i.names.length > 1 && sameNames(i.names.slice(0, -1), parent.inst.names));
      if (mine.length === 1) return new ResourceRef(mine[0]!);
    }
    return insts.length === 1 ? new ResourceRef(insts[0]!) : new RefList(insts.map((i) => new ResourceRef(i)));
  }

  protected override step(units = 1): boolean {
    return this.session.step(units);
  }

  protected override isUserFunction(name: string): boolean {
    return this.functions.has(name.toLowerCase());
  }

  private memoized(key: string, f: () => BVal): BVal {
    if (this.memo.has(key)) return this.memo.get(key)!;
    if (this.inProgress.has(key)) return new Unknown(key.replace(/^\w+:/, ''), 'circular reference');
    this.inProgress.add(key);
    try {
      const v = f();
      this.memo.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }

  /** A parameter's value: given > default > Unknown `parameters('name')` (the ARM evaluator's canonical form). */
  private paramValue(p: ParamDecl): BVal {
    const given = this.provided.get(p.name) ?? caseInsensitiveGet(this.provided, p.name);
    if (given !== undefined) return given;
    if (p.defaultNode) return this.eval(p.defaultNode);
    const allowed = decoratorCalls(p.decorators).find((d) => d.name === 'allowed')?.args[0];
    const allowedValues = allowed ? this.evaluate(allowed) : undefined;
    const hint = Array.isArray(allowedValues) ? ` (allowed: ${allowedValues.map((v) => toText(v)).join(', ')})` : '';
    return new Unknown(`parameters('${p.name.replace(/'/g, "''")}')`, `parameter '${p.name}' has no value${hint}`);
  }

  /** A parameter given by a `.bicepparam` file: where its value is written. */
  protected override originOf(name: string): SourceRange | undefined {
    if (!this.params.has(name)) return undefined;
    return this.providedRanges.get(name) ?? [...this.providedRanges].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  }

  /** `.bicepparam` files: where each `param name = value` assignment writes its value, by name. */
  assignedParamRanges(): Map<string, SourceRange> {
    const out = new Map<string, SourceRange>();
    for (const name of this.parsed.paramAssignments) {
      const node = this.params.get(name)?.defaultNode;
      if (node) out.set(name, rangeOf(this.lines, node));
    }
    return out;
  }

  /** `.bicepparam` files: the values of its `param name = value` assignments, by name. */
  assignedParams(): Map<string, EvalValue> {
    const out = new Map<string, EvalValue>();
    for (const name of this.parsed.paramAssignments) {
      const v = this.lookup(name);
      if (v !== undefined) out.set(name, toEval(v));
    }
    return out;
  }

  /** Value of an output of this template (module outputs). */
  outputValue(name: string): EvalValue {
    const n = this.outputs.get(name) ?? [...this.outputs].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    if (!n) return new Unknown(`outputs.${name.toLowerCase()}`, `module has no output '${name}'`);
    return toEval(this.memoized(`output:${name}`, () => this.eval(n)));
  }

  /** All outputs as one object. */
  outputsObject(): EvalObject {
    const o: EvalObject = {};
    for (const k of this.outputs.keys()) o[k] = this.outputValue(k);
    return o;
  }

  // ---- resources -----------------------------------------------------------------------------

  private resourceSymbol(decl: ResourceDecl): BVal {
    const insts = this.expand(decl);
    if (insts instanceof Unknown) return insts;
    if (decl.valueNode.type === 'for_statement' || (decl.lexicalParent && insts.length !== 1)) {
      return new RefList(insts.map((i) => new ResourceRef(i)));
    }
    if (insts.length === 0) return new Unknown(decl.sym, `resource '${decl.sym}' is not deployed (condition false)`);
    return new ResourceRef(insts[0]!);
  }

  /** The instances of a resource declaration (loops expanded, false conditions dropped), once. */
  private expand(decl: ResourceDecl): Instance[] | Unknown {
    if (decl.instances) return decl.instances;
    if (decl.expanding) return new Unknown(decl.sym, 'circular reference');
    decl.expanding = true;
    try {
      let out: Instance[] | Unknown;
      if (decl.lexicalParent) {
        const parents = this.expand(decl.lexicalParent);
        if (parents instanceof Unknown) out = parents;
        else {
          out = [];
          for (const p of parents) {
            const r = this.expandValue(decl, p.locals, p, p.cond);
            if (r instanceof Unknown) {
              out = r;
              break;
            }
            out.push(...r);
          }
        }
      } else out = this.expandValue(decl, undefined, undefined, this.inheritedCond);
      decl.instances = out;
      return out;
    } finally {
      decl.expanding = false;
    }
  }

  private expandValue(decl: ResourceDecl, locals: Locals | undefined, parent: Instance | undefined, cond: Unknown | undefined): Instance[] | Unknown {
    const v = decl.valueNode;
    const one = (node: Node, l: Locals | undefined, c: Unknown | undefined): Instance[] => {
      if (node.type === 'object') return [this.makeInstance(decl, node, l, parent, c)];
      if (node.type === 'if_statement') {
        const k = this.condition(node, l);
        if (k === false) return [];
        const obj = kids(node).find((x) => x.type === 'object');
        if (!obj) return [];
        return [this.makeInstance(decl, obj, l, parent, k instanceof Unknown ? c ?? k : c)];
      }
      return [];
    };
    if (v.type !== 'for_statement') return one(v, locals, cond);
    const its = this.iterations(v, locals);
    if (its instanceof Unknown) return its;
    return its.flatMap((it) => one(it.body, it.locals, cond));
  }

  private makeInstance(decl: ResourceDecl, obj: Node, locals: Locals | undefined, lexParent: Instance | undefined, cond: Unknown | undefined): Instance {
    const nameNode = objectGet(obj, 'name', this.source);
    const nameValue = nameNode ? this.evaluate(nameNode, locals) : new Unknown(`${decl.sym}.name`, 'resource without a name');
    let parent: Instance | undefined = lexParent;
    let parentUnknown = false;
    if (!parent) {
      const pn = objectGet(obj, 'parent', this.source);
      if (pn) {
        const pv = this.eval(pn, locals);
        if (pv instanceof ResourceRef && pv.inst instanceof Instance) parent = pv.inst;
        else parentUnknown = true;
      }
    }
    const raw = plainString(decl.typeNode, this.source) ?? '';
    const at = raw.indexOf('@');
    let type = at >= 0 ? raw.slice(0, at) : raw;
    const apiVersion = at >= 0 ? raw.slice(at + 1) : '';
    if (parent && !type.includes('/')) type = `${parent.type}/${type}`;
    const nameStr: SymString = typeof nameValue === 'string' || nameValue instanceof Unknown ? nameValue
      : typeof nameValue === 'number' ? String(nameValue) : new Unknown(`${decl.sym}.name`, 'name is not a string');
    let names: SymString[] = parent ? [...parent.names, nameStr] : symSplit(nameStr, '/');
    const levels = Math.max(1, type.split('/').length - 1);
    if (names.length < levels) {
      const pad: SymString[] = [];
      for (let i = names.length; i < levels; i++) pad.push(new Unknown(`${decl.sym}.parent${levels - i > 1 ? levels - i : ''}.name`, parentUnknown ? 'parent is not known' : 'parent name missing'));
      names = [...pad, ...names];
    }
    const c = cond ?? (parent ? parent.cond : undefined);
    return new Instance(this, decl, obj, locals, type, apiVersion, names, nameValue, nameNode, decl.existing, c);
  }

  /** The ARM-shaped body of an instance: every member but `parent`, `scope`, `dependsOn`, plus `type` and `apiVersion` (existing: `name` only). */
  buildBody(inst: Instance): RObject {
    const props = new Map<string, { name: string; keyRange: ReturnType<typeof rangeOf>; node: RNode }>();
    for (const p of objectProps(inst.obj, this.source)) {
      if (p.dynamicKey) continue;
      if (p.spread) {
        const node = this.build(p.value, inst.locals);
        if (node.kind === 'object') for (const [k, e] of node.props) if (!NON_BODY_MEMBERS.has(k) && !inst.existing) props.set(k, e);
        continue;
      }
      const lower = p.key.toLowerCase();
      if (NON_BODY_MEMBERS.has(lower)) continue;
      if (inst.existing && lower !== 'name') continue;
      props.set(lower, { name: p.key, keyRange: rangeOf(this.lines, p.keyNode), node: this.build(p.value, inst.locals) });
    }
    if (!inst.existing) {
      // As in ARM JSON: `type` and `apiVersion` are members too (from the declaration's type string).
      const typeRange = rangeOf(this.lines, inst.decl.typeNode);
      props.set('type', { name: 'type', keyRange: typeRange, node: { kind: 'scalar', value: inst.type, range: typeRange } });
      if (inst.apiVersion) props.set('apiversion', { name: 'apiVersion', keyRange: typeRange, node: { kind: 'scalar', value: inst.apiVersion, range: typeRange } });
    }
    return { kind: 'object', props, range: rangeOf(this.lines, inst.obj) };
  }

  // ---- modules -------------------------------------------------------------------------------

  private moduleSymbol(decl: ModuleDecl): BVal {
    const insts = this.expandModule(decl);
    if (insts instanceof Unknown) return insts;
    if (decl.valueNode.type === 'for_statement') return new RefList(insts.map((i) => i.ref));
    if (insts.length === 0) return new Unknown(decl.sym, `module '${decl.sym}' is not deployed (condition false)`);
    return insts[0]!.ref;
  }

  private expandModule(decl: ModuleDecl): ModuleInstance[] | Unknown {
    if (decl.instances) return decl.instances;
    if (decl.expanding) return new Unknown(decl.sym, 'circular reference');
    decl.expanding = true;
    try {
      const one = (node: Node, l: Locals | undefined, c: Unknown | undefined): ModuleInstance[] => {
        if (node.type === 'object') return [this.makeModule(decl, node, l, c)];
        if (node.type === 'if_statement') {
          const k = this.condition(node, l);
          const obj = kids(node).find((x) => x.type === 'object');
          if (k === false || !obj) return [];
          return [this.makeModule(decl, obj, l, k instanceof Unknown ? c ?? k : c)];
        }
        return [];
      };
      let out: ModuleInstance[] | Unknown;
      if (decl.valueNode.type === 'for_statement') {
        const its = this.iterations(decl.valueNode, undefined);
        out = its instanceof Unknown ? its : its.flatMap((it) => one(it.body, it.locals, this.inheritedCond));
      } else out = one(decl.valueNode, undefined, this.inheritedCond);
      decl.instances = out;
      return out;
    } finally {
      decl.expanding = false;
    }
  }

  private makeModule(decl: ModuleDecl, obj: Node, locals: Locals | undefined, cond: Unknown | undefined): ModuleInstance {
    const nameNode = objectGet(obj, 'name', this.source);
    const name: EvalValue = nameNode ? this.evaluate(nameNode, locals) : new Unknown(`${decl.sym}.name`, 'generated module name');
    const path = plainString(decl.pathNode, this.source);
    const remoteOutputs = (reason: string): ModuleRef => {
      const u = callTemplateFunction('reference', [typeof name === 'string' || name instanceof Unknown ? name : toText(name)]);
      const outputs = u instanceof Unknown ? new Unknown(`${u.expr}.outputs`, reason) : u;
      return new ModuleRef(name, () => outputs);
    };
    if (path === undefined) return { ref: remoteOutputs('module path is not a literal') };
    if (/^(br|ts)[:/]/i.test(path)) {
      this.finding('load/remote-module', 'note', decl.pathNode,
        `Module '${decl.sym}' comes from a registry or template spec ('${path}'); its resources are not checked and its outputs are unknown.`, path);
      return { ref: remoteOutputs(`registry module '${path}'`) };
    }
    const resolved = this.session.resolveModule(this.parsed.file.absPath, path);
    if ('error' in resolved) {
      if (resolved.error === 'outside-root') {
        this.finding('load/outside-root', 'error', decl.pathNode,
          `Module '${decl.sym}' points outside the folders being checked ('${path}'); it was not read.`, path);
      } else if (resolved.error === 'missing-file') {
        this.finding('load/missing-file', 'warning', decl.pathNode,
          `Module '${decl.sym}' points to '${path}', which is not among the files being checked; its resources are not checked and its outputs are unknown.`, path);
      }
      return { ref: remoteOutputs(`module '${path}' was not loaded`) };
    }
    const target = resolved.parsed;
    if (this.chain.includes(target.file.absPath)) {
      this.finding('load/module-cycle', 'error', decl.pathNode,
        `Module '${decl.sym}' ('${path}') includes itself through a chain of modules: ${[...this.chain, target.file.absPath].map((p) => p.split(/[\\/]/).pop()).join(' → ')}.`, path);
      return { ref: remoteOutputs('module cycle') };
    }
    const paramsNode = objectGet(obj, 'params', this.source);
    const given = new Map<string, EvalValue>();
    if (paramsNode?.type === 'object') {
      for (const p of objectProps(paramsNode, this.source)) {
        if (!p.spread && !p.dynamicKey) given.set(p.key, this.evaluate(p.value, locals));
        else {
          const v = this.evaluate(p.spread ? p.value : paramsNode, locals);
          if (isEvalObject(v)) for (const [k, x] of Object.entries(v)) if (!given.has(k)) given.set(k, x);
        }
      }
    } else if (paramsNode) {
      const v = this.evaluate(paramsNode, locals);
      if (isEvalObject(v)) for (const [k, x] of Object.entries(v)) given.set(k, x);
    }
    this.session.visited(target.file.absPath);
    const child = new BicepTemplate(this.session, target, given, this.scope, [...this.chain, target.file.absPath], cond);
    return { ref: new ModuleRef(name, () => child.outputsObject()), child, cond };
  }

  private finding(ruleId: string, severity: Severity, at: Node, message: string, data: string): void {
    const range = at.type === 'infrastructure' ? { file: this.parsed.file.path, line: 1, column: 1, endLine: 1, endColumn: 1 } : rangeOf(this.lines, at);
    this.session.report({
      ruleId, severity, message,
      range,
      fingerprint: fingerprint(ruleId, this.parsed.file.path, data),
    });
  }

  // ---- emission ------------------------------------------------------------------------------

  /** Emits every resource instance of this template, then of its module instances (once). */
  emitAll(): void {
    if (this.emitted) return;
    this.emitted = true;
    this.emitResources();
    if (!this.session.step(0)) {
      this.finding('load/skipped', 'note', this.parsed.root!,
        `Evaluating '${this.parsed.file.path}' took more than the evaluation budget (huge loops?); values past that point are unknown.`, 'budget');
    }
  }

  private emitResources(): void {
    for (const decl of this.resourceOrder) {
      const insts = this.expand(decl);
      if (insts instanceof Unknown) {
        // Only a loop that may create network-relevant resources is worth a note (not role
        // assignments, diagnostic settings, DNS records...).
        if (mayOccupyNetwork(decl.typeNode.text)) {
          this.finding('load/unresolved-loop', 'note', decl.node.childForFieldName('name') ?? kids(decl.node)[0]!,
            `Resource '${decl.sym}' loops over a value that is not known statically (${short(insts.expr)}); its resources are not checked.`, decl.sym);
        }
        continue;
      }
      for (const inst of insts) {
        if (!inst.type.includes('/')) continue;
        this.session.emit({
          type: inst.type,
          nameSegments: inst.names,
          nameRange: rangeOf(this.lines, inst.nameNode ?? decl.node),
          range: rangeOf(this.lines, decl.node),
          body: inst.body() ?? { kind: 'object', props: new Map(), range: rangeOf(this.lines, inst.obj) },
          ...(inst.existing ? { existing: true } : {}),
          ...(inst.cond ? { conditionUnknown: inst.cond } : {}),
          format: 'bicep',
          scope: this.scope,
        });
      }
    }
    for (const decl of this.modules.values()) {
      const insts = this.expandModule(decl);
      if (insts instanceof Unknown) {
        this.finding('load/unresolved-loop', 'note', kids(decl.node)[0]!,
          `Module '${decl.sym}' loops over a value that is not known statically (${short(insts.expr)}); its resources are not checked.`, decl.sym);
        continue;
      }
      for (const i of insts) i.child?.emitAll();
    }
  }
}

/**
 * Resource types whose instances the network model reads or that can sit in a subnet (the
 * namespaces of requirements.md "What the model must know" and of subnet occupants).
 */
const NETWORK_RELEVANT = /^'?microsoft\.(network|web|logic|app|containerinstance|containerservice|apimanagement|compute|sql|dbfor[a-z]+|databricks|netapp|insights\/autoscalesettings)\b/i;

function mayOccupyNetwork(typeText: string): boolean {
  return NETWORK_RELEVANT.test(typeText.trim());
}

/** An expression shortened for a message. */
function short(expr: string): string {
  return expr.length > 160 ? `${expr.slice(0, 157)}…` : expr;
}

function bodyObject(n: Node | null | undefined): Node | undefined {
  if (!n) return undefined;
  if (n.type === 'object') return n;
  if (n.type === 'if_statement') return kids(n).find((k) => k.type === 'object');
  return undefined;
}

function caseInsensitiveGet(m: ReadonlyMap<string, EvalValue>, name: string): EvalValue | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of m) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function sameNames(a: readonly SymString[], b: readonly SymString[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return typeof x === 'string' && typeof y === 'string' ? x.toLowerCase() === y.toLowerCase() : x instanceof Unknown && y instanceof Unknown && x.expr === y.expr;
  });
}
