import type { SourceRange } from '../../core/position.js';
import type { RNode, RObject } from '../../model/resolved-resource.js';
import { Unknown, callExpr } from '../../model/symbolic.js';
import { isEvalObject, toRNode, type EvalObject, type EvalValue } from '../eval-value.js';
import { accessIndex, accessMember, callTemplateFunction, type FunctionEnv } from '../functions/index.js';
import { ExpressionSyntaxError, isExpressionString, literalString, parseExpression, type Expr } from './expression.js';
import { member, members, rangeOf, type JNode, type ParsedFile } from './parsed-file.js';

/** A copy-loop iteration visible to `copyIndex()`. */
export interface LoopFrame {
  /** Loop name, lower-cased (resource loops may be unnamed in practice). */
  name: string;
  index: number | Unknown;
  resource: boolean;
}

/** Where an expression is evaluated: the template, the copy loops around it, function/lambda parameters. */
export interface EvalCtx {
  t: TemplateContext;
  loops: readonly LoopFrame[];
  fnParams?: ReadonlyMap<string, EvalValue>;
  lambdaVars?: ReadonlyMap<string, EvalValue>;
  depth?: number;
}

/** Resolves `reference()` against the resources declared in the same deployment. */
export interface ReferenceResolver {
  /** The declared value (properties, or the whole body for `'Full'`) or undefined when not declared here. */
  reference(target: EvalValue, full: boolean, from: TemplateContext): EvalValue | undefined;
  /** `resourceInfo('symbolicName')` (languageVersion 2.0): { id, name, type, apiVersion } or undefined. */
  resourceInfo(symbol: EvalValue, from: TemplateContext): EvalValue | undefined;
}

/** A supplied parameter value: computed on first use. */
export type ParamSupplier = (() => EvalValue) & {
  /** Where a parameter file writes the value (data, not evaluated): findings about it point there. */
  origin?: { pf: ParsedFile; node: JNode };
};

/** `[parameters('name')]` and nothing else: the value is the parameter's, as written where it is supplied. */
const PARAMETER_ONLY = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i;

/** A parameter file's value node as an RNode with that file's ranges (the value is data: not evaluated). */
function dataRNode(pf: ParsedFile, n: JNode): RNode {
  const range = rangeOf(pf, n);
  switch (n.type) {
    case 'array':
      return { kind: 'array', items: (n.children ?? []).map((c) => dataRNode(pf, c)), range };
    case 'object': {
      const props: RObject['props'] = new Map();
      for (const [k, v] of members(n)) props.set(String(k.value).toLowerCase(), { name: String(k.value), keyRange: rangeOf(pf, k), node: dataRNode(pf, v) });
      return { kind: 'object', props, range };
    }
    default:
      return { kind: 'scalar', value: (n.value ?? null) as string | number | boolean | null, range };
  }
}

/** Canonical expression text of a reference result, for unknown runtime properties under it. */
const referenceExprs = new WeakMap<object, string>();

const MAX_DEPTH = 40;

/**
 * One template's evaluation scope: its parameters (supplied values win over `defaultValue`),
 * variables (lazy, memoized, cycle-safe, including `copy` variables) and user-defined
 * functions. An outer-scoped nested template (`expressionEvaluationOptions.scope` = outer)
 * delegates all of these to its parent (`outer`).
 */
export class TemplateContext {
  private readonly paramMemo = new Map<string, EvalValue | typeof IN_PROGRESS>();
  private readonly varMemo = new Map<string, EvalValue | typeof IN_PROGRESS>();

  constructor(
    readonly pf: ParsedFile,
    /** The template object node (root or nested `properties.template`). */
    readonly template: JNode,
    readonly supplied: ReadonlyMap<string, ParamSupplier>,
    readonly refs: ReferenceResolver,
    readonly env: FunctionEnv,
    readonly outer?: TemplateContext,
  ) {}

  /** `parameters(name)`. */
  param(name: string): EvalValue {
    if (this.outer) return this.outer.param(name);
    const lower = name.toLowerCase();
    const memo = this.paramMemo.get(lower);
    if (memo === IN_PROGRESS) return new Unknown(`parameters('${name}')`, 'circular parameter default');
    if (memo !== undefined) return memo;
    this.paramMemo.set(lower, IN_PROGRESS);
    const v = this.computeParam(name, lower);
    this.paramMemo.set(lower, v);
    return v;
  }

  private computeParam(name: string, lower: string): EvalValue {
    const decls = member(this.template, 'parameters');
    const decl = member(decls, name);
    const declared = decl ? (members(decls).find(([k]) => (k.value as string).toLowerCase() === lower)?.[0].value as string) : name;
    const sup = this.supplied.get(lower);
    if (sup) return sup();
    const def = member(decl, 'defaultValue');
    if (def) return evalValue(def, { t: this, loops: [] });
    if (!decl) return new Unknown(`parameters('${name}')`, 'undeclared parameter');
    const nullable = member(decl, 'nullable');
    if (nullable?.value === true) return null;
    return new Unknown(`parameters('${declared}')`, 'parameter without value');
  }

  /** `variables(name)`. */
  variable(name: string): EvalValue {
    if (this.outer) return this.outer.variable(name);
    const lower = name.toLowerCase();
    const memo = this.varMemo.get(lower);
    if (memo === IN_PROGRESS) return new Unknown(`variables('${name}')`, 'circular variable');
    if (memo !== undefined) return memo;
    this.varMemo.set(lower, IN_PROGRESS);
    const v = this.computeVariable(name, lower);
    this.varMemo.set(lower, v);
    return v;
  }

  private computeVariable(name: string, lower: string): EvalValue {
    const vars = member(this.template, 'variables');
    if (lower !== 'copy') {
      const n = member(vars, name);
      if (n) return evalValue(n, { t: this, loops: [] });
    }
    const copies = member(vars, 'copy');
    if (copies?.type === 'array') {
      for (const c of copies.children ?? []) {
        const cn = member(c, 'name');
        if (cn?.type === 'string' && (cn.value as string).toLowerCase() === lower) {
          return copyArrayValue(c, { t: this, loops: [] });
        }
      }
    }
    return new Unknown(`variables('${name}')`, 'undeclared variable');
  }

  /** The output node of user-defined function `ns.name`, with its parameter names. */
  userFunction(qualified: string): { params: string[]; output: JNode } | undefined {
    if (this.outer) return this.outer.userFunction(qualified);
    const [ns, fn] = qualified.toLowerCase().split('.');
    const fns = member(this.template, 'functions');
    for (const group of fns?.children ?? []) {
      const gns = member(group, 'namespace');
      if (typeof gns?.value !== 'string' || gns.value.toLowerCase() !== ns) continue;
      const def = member(member(group, 'members'), fn!);
      const output = member(member(def, 'output'), 'value');
      if (!def || !output) return undefined;
      const params = (member(def, 'parameters')?.children ?? []).map((p) => String(member(p, 'name')?.value ?? ''));
      return { params, output };
    }
    return undefined;
  }
}

const IN_PROGRESS = Symbol('in progress');

/** Evaluates a JSON node (expressions included) to a value, without ranges. */
export function evalValue(n: JNode, ec: EvalCtx): EvalValue {
  switch (n.type) {
    case 'string': {
      const s = n.value as string;
      return isExpressionString(s) ? evalExpressionString(s, ec) : literalString(s);
    }
    case 'number':
    case 'boolean':
      return n.value as number | boolean;
    case 'null':
      return null;
    case 'array':
      return (n.children ?? []).map((c) => evalValue(c, ec));
    case 'object': {
      const o: EvalObject = {};
      for (const p of n.children ?? []) {
        const k = p.children?.[0];
        const v = p.children?.[1];
        if (!k || !v) continue;
        const key = k.value as string;
        if (key.toLowerCase() === 'copy' && isPropertyCopy(v)) {
          for (const c of v.children!) o[String(member(c, 'name')!.value)] = copyArrayValue(c, ec);
        } else o[key] = evalValue(v, ec);
      }
      return o;
    }
    default:
      return null;
  }
}

/** Evaluates a JSON node to an RNode tree: each leaf keeps the range of the JSON node it was written at. */
export function evalRNode(n: JNode, ec: EvalCtx): RNode {
  const range = rangeOf(ec.t.pf, n);
  switch (n.type) {
    case 'string': {
      const s = n.value as string;
      if (!isExpressionString(s)) return { kind: 'scalar', value: literalString(s), range };
      // A value taken whole from a parameter file is reported where the parameter file writes it:
      // that is the line to fix, and the line a pull request that edits only that file changes.
      const only = !ec.fnParams ? PARAMETER_ONLY.exec(s) : null;
      const origin = only ? ec.t.supplied.get(only[1]!.toLowerCase())?.origin : undefined;
      if (origin) return dataRNode(origin.pf, origin.node);
      return toRNode(evalExpressionString(s, ec), range);
    }
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: n.value as number | boolean, range };
    case 'null':
      return { kind: 'scalar', value: null, range };
    case 'array':
      return { kind: 'array', items: (n.children ?? []).map((c) => evalRNode(c, ec)), range };
    case 'object':
      return evalRObject(n, ec, range);
    default:
      return { kind: 'scalar', value: null, range };
  }
}

/** An object node as an RObject; `skip` lists lower-cased member names to leave out. */
export function evalRObject(n: JNode, ec: EvalCtx, range: SourceRange = rangeOf(ec.t.pf, n), skip?: ReadonlySet<string>): RObject {
  const props: RObject['props'] = new Map();
  for (const p of n.children ?? []) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (!k || !v) continue;
    const key = k.value as string;
    const lower = key.toLowerCase();
    if (skip?.has(lower)) continue;
    if (lower === 'copy' && isPropertyCopy(v)) {
      for (const c of v.children!) {
        const nameNode = member(c, 'name')!;
        const name = String(nameNode.value);
        props.set(name.toLowerCase(), { name, keyRange: rangeOf(ec.t.pf, nameNode), node: copyArrayRNode(c, ec) });
      }
      continue;
    }
    props.set(lower, { name: key, keyRange: rangeOf(ec.t.pf, k), node: evalRNode(v, ec) });
  }
  return { kind: 'object', props, range };
}

/** A `copy` member that is a property/variable iteration: an array of `{ name, count, input }`. */
function isPropertyCopy(v: JNode): boolean {
  return v.type === 'array' && (v.children ?? []).length > 0
    && v.children!.every((c) => member(c, 'name')?.type === 'string' && member(c, 'input') !== undefined);
}

/** Largest `copy` count expanded; a larger one is capped (the resource loader notes it as `load/count-capped`). */
export const MAX_COPY = 800;

/** Evaluates a copy element's `count`: a number of iterations, or an Unknown. */
export function copyCount(countNode: JNode | undefined, ec: EvalCtx): number | Unknown {
  if (!countNode) return new Unknown('copy count', 'copy without count');
  const v = evalValue(countNode, ec);
  if (v instanceof Unknown) return v;
  if (typeof v === 'number' && v >= 0) return Math.min(Math.trunc(v), MAX_COPY);
  if (typeof v === 'string' && /^\d+$/.test(v)) return Math.min(Number(v), MAX_COPY);
  return new Unknown(`copy count ${JSON.stringify(v)}`, 'copy count is not a number');
}

function copyArrayValue(c: JNode, ec: EvalCtx): EvalValue {
  const name = String(member(c, 'name')!.value).toLowerCase();
  const count = copyCount(member(c, 'count'), ec);
  const input = member(c, 'input')!;
  if (count instanceof Unknown) return new Unknown(`copy('${name}',${count.expr})`, count.reason ?? 'copy count unknown');
  const out: EvalValue[] = [];
  for (let i = 0; i < count; i++) out.push(evalValue(input, { ...ec, loops: [...ec.loops, { name, index: i, resource: false }] }));
  return out;
}

function copyArrayRNode(c: JNode, ec: EvalCtx): RNode {
  const name = String(member(c, 'name')!.value).toLowerCase();
  const range = rangeOf(ec.t.pf, c);
  const count = copyCount(member(c, 'count'), ec);
  const input = member(c, 'input')!;
  if (count instanceof Unknown) {
    return { kind: 'unknown', value: new Unknown(`copy('${name}',${count.expr})`, count.reason ?? 'copy count unknown'), range };
  }
  const items: RNode[] = [];
  for (let i = 0; i < count; i++) items.push(evalRNode(input, { ...ec, loops: [...ec.loops, { name, index: i, resource: false }] }));
  return { kind: 'array', items, range };
}

/** Evaluates an expression string `[...]`; a syntax error or failure gives an Unknown with the reason. */
export function evalExpressionString(s: string, ec: EvalCtx): EvalValue {
  const text = s.slice(1, -1);
  let ast: Expr;
  try {
    ast = parseExpression(text);
  } catch (e) {
    const msg = e instanceof ExpressionSyntaxError ? e.message : String(e);
    return new Unknown(text.trim(), `invalid expression: ${msg}`);
  }
  try {
    return evalExpr(ast, ec);
  } catch (e) {
    return new Unknown(text.trim(), `evaluation failed: ${(e as Error)?.message ?? String(e)}`);
  }
}

/** Evaluates a parsed expression. */
export function evalExpr(e: Expr, ec: EvalCtx): EvalValue {
  switch (e.k) {
    case 'str':
    case 'num':
    case 'lit':
      return e.v;
    case 'member': {
      const base = evalExpr(e.obj, ec);
      return trackedAccess(base, accessMember(base, e.name), e.name.toLowerCase(), `.${e.name.toLowerCase()}`);
    }
    case 'index': {
      const base = evalExpr(e.obj, ec);
      const ix = evalExpr(e.index, ec);
      const suffix = typeof ix === 'string' ? `.${ix.toLowerCase()}` : `[${ix instanceof Unknown ? ix.expr : JSON.stringify(ix)}]`;
      return trackedAccess(base, accessIndex(base, ix), typeof ix === 'string' ? ix : undefined, suffix);
    }
    case 'call':
      return evalCall(e, ec);
  }
}

/** Member/index access under a `reference()` result: missing members are runtime properties. */
function trackedAccess(base: EvalValue, result: EvalValue, _name: string | undefined, suffix: string): EvalValue {
  if (base === null || typeof base !== 'object' || base instanceof Unknown) return result;
  const baseExpr = referenceExprs.get(base);
  if (baseExpr === undefined) return result;
  const expr = `${baseExpr}${suffix}`;
  if (result instanceof Unknown && !result.parts && (result.reason?.startsWith('no member') || result.reason?.startsWith('index'))) {
    return new Unknown(expr, 'runtime property');
  }
  if (result !== null && typeof result === 'object' && !(result instanceof Unknown)) referenceExprs.set(result, expr);
  return result;
}

const LAMBDA_FUNCTIONS = new Set(['map', 'filter', 'reduce', 'toobject', 'mapvalues', 'sort', 'groupby']);

function evalCall(e: Extract<Expr, { k: 'call' }>, ec: EvalCtx): EvalValue {
  const name = e.name.toLowerCase();
  switch (name) {
    case 'parameters': {
      const [n] = e.args.map((a) => evalExpr(a, ec));
      if (typeof n !== 'string') return new Unknown(callExpr('parameters', [n]), 'parameter name not known');
      if (ec.fnParams) return ec.fnParams.get(n.toLowerCase()) ?? new Unknown(`parameters('${n}')`, 'undeclared function parameter');
      return ec.t.param(n);
    }
    case 'variables': {
      const [n] = e.args.map((a) => evalExpr(a, ec));
      if (typeof n !== 'string') return new Unknown(callExpr('variables', [n]), 'variable name not known');
      return ec.t.variable(n);
    }
    case 'copyindex':
      return copyIndex(e.args.map((a) => evalExpr(a, ec)), ec);
    case 'if': {
      if (e.args.length !== 3) break;
      const c = evalExpr(e.args[0]!, ec);
      if (c === true) return evalExpr(e.args[1]!, ec);
      if (c === false) return evalExpr(e.args[2]!, ec);
      break;
    }
    case 'reference': {
      const args = e.args.map((a) => evalExpr(a, ec));
      const full = typeof args[2] === 'string' && args[2].toLowerCase() === 'full';
      const declared = ec.t.refs.reference(args[0] ?? null, full, ec.t);
      const expr = callExpr('reference', args.slice(0, 1));
      if (declared === undefined) return new Unknown(expr, 'runtime property');
      if (declared !== null && typeof declared === 'object' && !(declared instanceof Unknown)) referenceExprs.set(declared, expr);
      return declared;
    }
    case 'resourceinfo': {
      const args = e.args.map((a) => evalExpr(a, ec));
      return ec.t.refs.resourceInfo(args[0] ?? null, ec.t) ?? new Unknown(callExpr('resourceInfo', args), 'unknown symbolic name');
    }
    case 'lambdavariables': {
      const [n] = e.args.map((a) => evalExpr(a, ec));
      const v = typeof n === 'string' ? ec.lambdaVars?.get(n.toLowerCase()) : undefined;
      return v === undefined ? new Unknown(callExpr('lambdaVariables', [n]), 'lambda variable outside a lambda') : v;
    }
    default:
      if (LAMBDA_FUNCTIONS.has(name)) return evalLambdaFunction(e, ec);
      if (name.includes('.')) return callUserFunction(e, ec);
  }
  const args = e.args.map((a) => evalExpr(a, ec));
  return callTemplateFunction(e.name, args, ec.t.env);
}

function copyIndex(args: EvalValue[], ec: EvalCtx): EvalValue {
  let frame: LoopFrame | undefined;
  let offset: EvalValue = 0;
  if (typeof args[0] === 'string') {
    const lower = args[0].toLowerCase();
    frame = [...ec.loops].reverse().find((f) => f.name === lower);
    offset = args[1] ?? 0;
  } else {
    frame = [...ec.loops].reverse().find((f) => f.resource) ?? ec.loops[ec.loops.length - 1];
    offset = args[0] ?? 0;
  }
  if (!frame) return new Unknown(callExpr('copyIndex', args), 'copyIndex outside a copy loop');
  if (frame.index instanceof Unknown && offset === 0) return frame.index;
  if (frame.index instanceof Unknown || offset instanceof Unknown) return callTemplateFunction('add', [frame.index, offset], ec.t.env);
  if (typeof offset !== 'number') return new Unknown(callExpr('copyIndex', args), 'copyIndex offset is not a number');
  return frame.index + offset;
}

function callUserFunction(e: Extract<Expr, { k: 'call' }>, ec: EvalCtx): EvalValue {
  const args = e.args.map((a) => evalExpr(a, ec));
  const fn = ec.t.userFunction(e.name);
  if (!fn) return callTemplateFunction(e.name, args, ec.t.env);
  const depth = (ec.depth ?? 0) + 1;
  if (depth > MAX_DEPTH) return new Unknown(callExpr(e.name, args), 'recursion too deep');
  const fnParams = new Map(fn.params.map((p, i) => [p.toLowerCase(), args[i] ?? null] as const));
  return evalValue(fn.output, { t: ec.t, loops: [], fnParams, depth });
}

/** `map`/`filter`/`reduce`/`toObject`/`mapValues` with `lambda('x', body)` arguments. */
function evalLambdaFunction(e: Extract<Expr, { k: 'call' }>, ec: EvalCtx): EvalValue {
  const name = e.name.toLowerCase();
  const unknown = (reason: string) => new Unknown(`${name}(…)`, reason);
  const input = e.args[0] ? evalExpr(e.args[0], ec) : null;
  const lambdas = e.args.slice(1).map((a) => asLambda(a));
  if (input instanceof Unknown) return new Unknown(`${name}(${input.expr},…)`, input.reason);
  const apply = (l: Lambda, vals: EvalValue[]): EvalValue => {
    const vars = new Map(ec.lambdaVars ?? []);
    l.params.forEach((p, i) => vars.set(p, vals[i] ?? null));
    return evalExpr(l.body, { ...ec, lambdaVars: vars });
  };
  const f = lambdas[0];
  if (name === 'reduce') {
    // reduce(array, initialValue, lambda('current', 'next', body))
    const g = lambdas[1];
    if (!Array.isArray(input) || !g || g === 'bad') return unknown('reduce needs an array, an initial value and a lambda');
    let acc = evalExpr(e.args[1]!, ec);
    for (const [i, x] of input.entries()) acc = apply(g, [acc, x, i]);
    return acc;
  }
  if (name === 'mapvalues') {
    if (!isEvalObject(input) || !f || f === 'bad') return unknown('mapValues needs an object and a lambda');
    const o: EvalObject = {};
    for (const [k, v] of Object.entries(input)) o[k] = apply(f, [v]);
    return o;
  }
  if (!Array.isArray(input)) return unknown(`${name} needs an array`);
  if (!f || f === 'bad') return unknown(`${name} needs a lambda`);
  switch (name) {
    case 'map':
      return input.map((x, i) => apply(f, [x, i]));
    case 'filter': {
      const out: EvalValue[] = [];
      for (const [i, x] of input.entries()) {
        const keep = apply(f, [x, i]);
        if (keep instanceof Unknown) return new Unknown(`filter(…)`, keep.reason ?? 'filter condition unknown');
        if (keep === true) out.push(x);
      }
      return out;
    }
    case 'toobject': {
      const o: EvalObject = {};
      const g = lambdas[1];
      for (const x of input) {
        const k = apply(f, [x]);
        if (typeof k !== 'string') return unknown('toObject key not known');
        o[k] = g && g !== 'bad' ? apply(g, [x]) : x;
      }
      return o;
    }
    default:
      return unknown(`${name} is not evaluated`);
  }
}

interface Lambda {
  params: string[];
  body: Expr;
}

function asLambda(a: Expr): Lambda | 'bad' {
  if (a.k !== 'call' || a.name.toLowerCase() !== 'lambda' || a.args.length < 1) return 'bad';
  const params: string[] = [];
  for (const p of a.args.slice(0, -1)) {
    if (p.k !== 'str') return 'bad';
    params.push(p.v.toLowerCase());
  }
  return { params, body: a.args[a.args.length - 1]! };
}
