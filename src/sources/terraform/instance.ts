import type { SourceRange } from '../../core/position.js';
import type { RNode, RObject } from '../../model/resolved-resource.js';
import { Unknown } from '../../model/symbolic.js';
import { fromRNode, isEvalObject, toRNode, type EvalObject, type EvalValue } from '../eval-value.js';
import { attribute, type TfModuleDecl, type TfResourceDecl } from './declarations.js';
import { evaluate, withBindings, type TfScope } from './evaluate.js';
import type { Node } from 'web-tree-sitter';
import { bodyItems, namedChildren, nodeRange, type HclBlock } from './hcl-ast.js';
import type { ParsedTfFile } from './declarations.js';
import { resourceIdentity } from './azurerm/identity.js';
import { resourceIdOf } from '../../model/keys.js';

/** Largest `count` / `for_each` expanded; larger ones are capped with a note (issue 4, "Bad input"). */
export const MAX_INSTANCES = 256;

/** One instance of a resource after evaluation, in Terraform terms. */
export interface TfResourceInstance {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** Address, e.g. `module.net.azurerm_subnet.ise[0]`. */
  address: string;
  /** Attributes and nested blocks (a block type → an array of objects), each leaf with its range. */
  body: RObject;
  range: SourceRange;
  /** Root module directory this instance was deployed from. */
  scope: string;
}

/** A note the loader turns into a finding (capped counts, remote modules...). */
export interface TfNote {
  ruleId: string;
  severity: 'error' | 'warning' | 'note';
  message: string;
  range: SourceRange;
}

/** How a module instance finds the module a `source` names (the loader resolves paths and cycles). */
export interface ModuleResolver {
  /** The module declared at `source` relative to `fromDir`, or a reason it can't be read. */
  resolve(source: string, fromDir: string, range: SourceRange, stack: readonly string[]): TfModuleDecl | { note: TfNote };
}

const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'timeouts']);

/**
 * One evaluated instance of a module: its variables bound to inputs (or tfvars and defaults for a
 * root module), locals, resources and module calls evaluated lazily and memoized, cycles → Unknown.
 */
export class ModuleInstance implements TfScope {
  private readonly localMemo = new Map<string, EvalValue>();
  private readonly resourceMemo = new Map<string, EvalValue>();
  private readonly instanceMemo = new Map<TfResourceDecl, TfResourceInstance[]>();
  private readonly moduleMemo = new Map<string, { outputs: EvalValue; children: ModuleInstance[] }>();
  private readonly inProgress = new Set<string>();

  constructor(
    readonly decl: TfModuleDecl,
    private readonly inputs: ReadonlyMap<string, EvalValue>,
    readonly scopeDir: string,
    readonly address: string,
    private readonly resolver: ModuleResolver,
    readonly stack: readonly string[],
    readonly notes: TfNote[],
    /** Where each input's value is written (a `terraform.tfvars` line, the module call's argument). */
    private readonly inputRanges: ReadonlyMap<string, SourceRange> = new Map(),
  ) {}

  /** Where the value of `var.<name>` is written, when it comes from outside this module's own default. */
  variableRange(name: string): SourceRange | undefined {
    return this.inputs.has(name) ? this.inputRanges.get(name) : undefined;
  }

  binding(): EvalValue | undefined {
    return undefined;
  }

  variable(name: string): EvalValue {
    if (this.inputs.has(name)) return this.inputs.get(name)!;
    const v = this.decl.variables.get(name);
    const def = v ? attribute(v.item, 'default') : undefined;
    if (def) return this.guard(`var.${name}`, () => evaluate(def.value, this));
    return new Unknown(`var.${name}`, v ? 'variable without value' : 'undeclared variable');
  }

  local(name: string): EvalValue {
    if (this.localMemo.has(name)) return this.localMemo.get(name)!;
    const l = this.decl.locals.get(name);
    if (!l) return new Unknown(`local.${name}`, 'undeclared local');
    const v = this.guard(`local.${name}`, () => evaluate(l.item.value, this));
    this.localMemo.set(name, v);
    return v;
  }

  moduleOutputs(name: string): EvalValue {
    return this.moduleCall(name).outputs;
  }

  resource(type: string, name: string): EvalValue {
    const key = `${type}.${name}`;
    if (this.resourceMemo.has(key)) return this.resourceMemo.get(key)!;
    const decl = this.decl.resources.find((r) => r.mode === 'managed' && r.type === type && r.name === name);
    if (!decl) return new Unknown(key, 'resource not declared in this module');
    const v = this.guard(key, () => {
      const insts = this.instances(decl);
      const hasCount = !!attribute(decl.block, 'count');
      const hasForEach = !!attribute(decl.block, 'for_each');
      const values = insts.map((i) => resourceValue(i));
      if (hasForEach) {
        const o: EvalObject = {};
        insts.forEach((i, k) => {
          const m = /\["(.*)"\]$/.exec(i.address);
          o[m ? m[1]! : String(k)] = values[k]!;
        });
        return insts.length === 1 && insts[0]!.address.endsWith('[{each}]') ? new Unknown(`${key}`, 'for_each not known') : o;
      }
      if (hasCount) return insts.length === 1 && insts[0]!.address.endsWith('[{count}]') ? new Unknown(key, 'count not known') : values;
      return values[0] ?? new Unknown(key, 'resource not created');
    });
    this.resourceMemo.set(key, v);
    return v;
  }

  dataSource(type: string, name: string, attr: string | undefined): EvalValue {
    const unknown = new Unknown(`data.${type}.${name}${attr ? `.${attr}` : ''}`, 'data source (read at plan time)');
    const decl = this.decl.resources.find((r) => r.mode === 'data' && r.type === type && r.name === name);
    if (!decl || !attr || attribute(decl.block, 'count') || attribute(decl.block, 'for_each')) return unknown;
    const [inst] = this.instances(decl);
    if (!inst) return unknown;
    if (attr === 'id') {
      const ident = resourceIdentity(type, inst.body);
      return ident && !ident.names.some((n) => n instanceof Unknown && /not known$/.test(n.reason ?? '')) ? resourceIdOf(ident.armType, ident.names) : unknown;
    }
    // Arguments the configuration wrote (name, resource_group_name, ...) are what they say.
    const arg = inst.body.props.get(attr.toLowerCase());
    return arg && arg.node.kind !== 'array' ? fromRNode(arg.node) : unknown;
  }

  /** Every resource instance of this module and its module calls, depth first. */
  allInstances(): TfResourceInstance[] {
    const out: TfResourceInstance[] = [];
    for (const d of this.decl.resources) for (const i of this.instances(d)) out.push(i);
    for (const name of this.decl.modules.keys()) for (const c of this.moduleCall(name).children) for (const i of c.allInstances()) out.push(i);
    return out;
  }

  /** The instances of one resource declaration (count / for_each expanded, capped at MAX_INSTANCES). */
  instances(decl: TfResourceDecl): TfResourceInstance[] {
    const memo = this.instanceMemo.get(decl);
    if (memo) return memo;
    const base = `${this.address}${decl.mode === 'data' ? 'data.' : ''}${decl.type}.${decl.name}`;
    const out: TfResourceInstance[] = [];
    this.instanceMemo.set(decl, out);
    for (const { suffix, bindings } of this.repetitions(decl.block, decl.file, base)) {
      const scope = withBindings(this, bindings);
      const body = buildBody(decl.block, scope, decl.file, this.notes);
      out.push({ mode: decl.mode, type: decl.type, name: decl.name, address: base + suffix, body, range: nodeRange(decl.file.lines, decl.block.node), scope: this.scopeDir });
    }
    return out;
  }

  private repetitions(block: HclBlock, file: ParsedTfFile, base: string): { suffix: string; bindings: Record<string, EvalValue> }[] {
    const count = attribute(block, 'count');
    const forEach = attribute(block, 'for_each');
    if (count) {
      const n = evaluate(count.value, this);
      if (typeof n !== 'number') {
        return [{ suffix: '[{count}]', bindings: { count: { index: new Unknown('count.index', 'count not known') } } }];
      }
      const total = Math.max(0, Math.floor(n));
      if (total > MAX_INSTANCES) {
        this.notes.push({ ruleId: 'load/count-capped', severity: 'note', message: `${base}: count = ${total} was capped at ${MAX_INSTANCES} instances for checking.`, range: nodeRange(file.lines, count.value) });
      }
      return Array.from({ length: Math.min(total, MAX_INSTANCES) }, (_x, i) => ({ suffix: `[${i}]`, bindings: { count: { index: i } } }));
    }
    if (forEach) {
      const v = evaluate(forEach.value, this);
      let entries: [string, EvalValue][];
      if (Array.isArray(v)) entries = v.filter((x): x is string => typeof x === 'string').map((x) => [x, x]);
      else if (isEvalObject(v)) entries = Object.keys(v).sort().map((k) => [k, v[k]!]);
      else {
        return [{ suffix: '[{each}]', bindings: { each: { key: new Unknown('each.key', 'for_each not known'), value: new Unknown('each.value', 'for_each not known') } } }];
      }
      if (Array.isArray(v) && entries.length < v.length) {
        return [{ suffix: '[{each}]', bindings: { each: { key: new Unknown('each.key', 'for_each not known'), value: new Unknown('each.value', 'for_each not known') } } }];
      }
      if (entries.length > MAX_INSTANCES) {
        this.notes.push({ ruleId: 'load/count-capped', severity: 'note', message: `${base}: for_each over ${entries.length} items was capped at ${MAX_INSTANCES} instances for checking.`, range: nodeRange(file.lines, forEach.value) });
        entries = entries.slice(0, MAX_INSTANCES);
      }
      return entries.map(([k, val]) => ({ suffix: `["${k}"]`, bindings: { each: { key: k, value: val } } }));
    }
    return [{ suffix: '', bindings: {} }];
  }

  private moduleCall(name: string): { outputs: EvalValue; children: ModuleInstance[] } {
    const memo = this.moduleMemo.get(name);
    if (memo) return memo;
    const call = this.decl.modules.get(name);
    const result: { outputs: EvalValue; children: ModuleInstance[] } = { outputs: new Unknown(`module.${name}`, 'module not declared'), children: [] };
    this.moduleMemo.set(name, result);
    if (!call) return result;
    const src = attribute(call.item, 'source');
    const srcValue = src ? evaluate(src.value, this) : undefined;
    const range = nodeRange(call.file.lines, src ? src.value : call.item.node);
    if (typeof srcValue !== 'string') {
      result.outputs = new Unknown(`module.${name}`, 'module source not known');
      return result;
    }
    if (!srcValue.startsWith('./') && !srcValue.startsWith('../')) {
      this.notes.push({ ruleId: 'load/remote-module', severity: 'note', message: `Module '${name}' comes from '${srcValue}' (registry or remote): its resources are not checked and its outputs are unknown.`, range });
      result.outputs = new Unknown(`module.${name}`, 'remote module');
      return result;
    }
    const resolved = this.resolver.resolve(srcValue, this.decl.dir, range, [...this.stack, this.decl.dir]);
    if ('note' in resolved) {
      this.notes.push(resolved.note);
      result.outputs = new Unknown(`module.${name}`, resolved.note.message);
      return result;
    }
    const reps = this.repetitions(call.item, call.file, `${this.address}module.${name}`);
    const outs: EvalValue[] = [];
    const keyed: EvalObject = {};
    for (const { suffix, bindings } of reps) {
      const scope = withBindings(this, bindings);
      const inputs = new Map<string, EvalValue>();
      const ranges = new Map<string, SourceRange>();
      for (const a of bodyItems(call.item.body).attributes) {
        if (a.name === 'source' || a.name === 'version' || META_ARGUMENTS.has(a.name) || a.name === 'providers') continue;
        inputs.set(a.name, evaluate(a.value, scope));
        // An input passed on as `var.x` keeps pointing where x's value is written.
        const passed = wholeVariable(a.value);
        ranges.set(a.name, (passed && this.variableRange(passed)) || nodeRange(call.file.lines, a.value));
      }
      const child = new ModuleInstance(resolved, inputs, this.scopeDir, `${this.address}module.${name}${suffix}.`, this.resolver, [...this.stack, this.decl.dir], this.notes, ranges);
      result.children.push(child);
      const o = child.outputValues(`module.${name}`);
      outs.push(o);
      const m = /\["(.*)"\]$/.exec(suffix);
      if (m) keyed[m[1]!] = o;
    }
    const hasCount = !!attribute(call.item, 'count');
    const hasForEach = !!attribute(call.item, 'for_each');
    result.outputs = hasForEach ? keyed : hasCount ? outs : outs[0] ?? new Unknown(`module.${name}`, 'module not created');
    return result;
  }

  /** The module's outputs as an object (values evaluated in this instance). */
  outputValues(prefix: string): EvalValue {
    const o: EvalObject = {};
    for (const [name, out] of this.decl.outputs) {
      const v = attribute(out.item, 'value');
      o[name] = v ? this.guard(`${prefix}.${name}`, () => evaluate(v.value, this)) : null;
    }
    return o;
  }

  private guard(key: string, f: () => EvalValue): EvalValue {
    if (this.inProgress.has(key)) return new Unknown(key, 'reference cycle');
    this.inProgress.add(key);
    try {
      return f();
    } finally {
      this.inProgress.delete(key);
    }
  }
}

/**
 * Evaluates a block body into an RObject: each attribute's value at its range; nested blocks
 * (and `dynamic` blocks, expanded) as arrays of objects under the block type.
 */
export function buildBody(block: HclBlock, scope: TfScope, file: ParsedTfFile, notes: TfNote[]): RObject {
  const range = nodeRange(file.lines, block.node);
  const props: RObject['props'] = new Map();
  const { attributes, blocks } = bodyItems(block.body);
  for (const a of attributes) {
    if (META_ARGUMENTS.has(a.name)) continue;
    props.set(a.name.toLowerCase(), { name: a.name, keyRange: nodeRange(file.lines, a.node), node: evaluateToRNode(a.value, scope, file) });
  }
  const addBlock = (type: string, node: RNode, keyRange: SourceRange) => {
    const prev = props.get(type.toLowerCase());
    if (prev && prev.node.kind === 'array') prev.node.items.push(node);
    else props.set(type.toLowerCase(), { name: type, keyRange, node: { kind: 'array', items: [node], range: keyRange } });
  };
  for (const b of blocks) {
    if (META_ARGUMENTS.has(b.type)) continue;
    const bRange = nodeRange(file.lines, b.node);
    if (b.type === 'dynamic' && b.labels[0]) {
      const label = b.labels[0];
      const forEach = attribute(b, 'for_each');
      const iterAttr = attribute(b, 'iterator');
      const iterName = iterAttr ? iterAttr.value.text.trim() : label;
      const content = bodyItems(b.body).blocks.find((x) => x.type === 'content');
      if (!forEach || !content) continue;
      const coll = evaluate(forEach.value, scope);
      const entries: [EvalValue, EvalValue][] = Array.isArray(coll)
        ? coll.map((v, i) => [i, v])
        : isEvalObject(coll)
          ? Object.keys(coll).sort().map((k) => [k, coll[k]!])
          : [];
      if (coll instanceof Unknown) {
        // One block whose values stay unknown: rules say "could not verify" rather than guess.
        const it = { key: new Unknown(`${iterName}.key`, coll.reason), value: new Unknown(`${iterName}.value`, coll.reason) };
        addBlock(label, buildBody(content, withBindings(scope, { [iterName]: it }), file, notes), bRange);
        continue;
      }
      for (const [k, v] of entries.slice(0, MAX_INSTANCES)) {
        addBlock(label, buildBody(content, withBindings(scope, { [iterName]: { key: k, value: v } }), file, notes), bRange);
      }
      continue;
    }
    addBlock(b.type, buildBody(b, scope, file, notes), bRange);
  }
  return { kind: 'object', props, range };
}

/**
 * Evaluates an attribute value into an RNode. A literal list or object (`[a, b]`, `{ k = v }`)
 * keeps each item's own range, so a finding about one item of a multi-line list lands on its line;
 * any other expression gives its value with the expression's range.
 */
function evaluateToRNode(expr: Node, scope: TfScope, file: ParsedTfFile): RNode {
  // A value taken whole from a variable set elsewhere (tfvars, a module call) is reported where it
  // is written: that is the line to fix, and the one a pull request editing only that file changes.
  const v = wholeVariable(expr);
  const origin = v !== undefined ? scope.variableRange?.(v) : undefined;
  if (origin) return toRNode(evaluate(expr, scope), origin);
  const range = nodeRange(file.lines, expr);
  const kids = namedChildren(expr);
  const coll = expr.type === 'expression' && kids.length === 1 && kids[0]!.type === 'collection_value' ? namedChildren(kids[0]!)[0] : undefined;
  if (coll?.type === 'tuple') {
    return { kind: 'array', items: namedChildren(coll).filter((c) => c.type === 'expression').map((c) => evaluateToRNode(c, scope, file)), range };
  }
  if (coll?.type === 'object') {
    const value = evaluate(expr, scope);
    if (!isEvalObject(value)) return toRNode(value, range);
    const props: RObject['props'] = new Map();
    for (const el of namedChildren(coll)) {
      const [k, v] = namedChildren(el);
      if (el.type !== 'object_elem' || !k || !v) continue;
      const key = Object.keys(value).find((name) => k.text.replace(/^"|"$/g, '') === name);
      if (key === undefined) continue;
      props.set(key.toLowerCase(), { name: key, keyRange: nodeRange(file.lines, k), node: evaluateToRNode(v, scope, file) });
    }
    return props.size === Object.keys(value).length ? { kind: 'object', props, range } : toRNode(value, range);
  }
  return toRNode(evaluate(expr, scope), range);
}

/** `x` when the expression is exactly `var.x`, else undefined. */
function wholeVariable(expr: Node): string | undefined {
  const kids = namedChildren(expr);
  if (expr.type !== 'expression' || kids.length !== 2 || kids[0]!.type !== 'variable_expr' || kids[0]!.text !== 'var' || kids[1]!.type !== 'get_attr') return undefined;
  return namedChildren(kids[1]!).find((k) => k.type === 'identifier')?.text;
}

/** A resource instance as a value for references: its attributes plus `id` (an ARM id when the type maps to one). */
export function resourceValue(inst: TfResourceInstance): EvalValue {
  const v = fromRNode(inst.body) as EvalObject;
  const ident = resourceIdentity(inst.type, inst.body);
  const out: EvalObject = { ...v };
  out.id = ident ? resourceIdOf(ident.armType, ident.names) : new Unknown(`${inst.address}.id`, 'assigned at apply time');
  return out;
}
