import type { SourceRange } from '../../core/position.js';
import type { Node } from 'web-tree-sitter';
import type { LineMap } from '../../core/position.js';
import type { RNode } from '../../model/resolved-resource.js';
import { Unknown, symConcat, type SymString } from '../../model/symbolic.js';
import { isEvalObject, toRNode, type EvalObject, type EvalValue } from '../eval-value.js';
import { callTemplateFunction, hasUnknown, isTemplateFunction, type FunctionEnv } from '../functions/index.js';
import { toText, unknownCall } from '../functions/util.js';
import { arrayItems, hasToken, type ArrayItem, kids, objectProps, rangeOf, stringPieces, tokenAmong } from './syntax.js';
import { callLambdaFunction } from './lambda-functions.js';
import { Lambda, indexOf, memberOf, toEval, type BVal, type Locals } from './values.js';

const BINARY_OPERATORS = ['+', '-', '*', '/', '%', '&&', '||', '==', '!=', '=~', '!~', '>=', '<=', '>', '<', '??', '|'] as const;

/** Bicep-only functions whose result is never known statically (they read files or the environment). */
const OPAQUE_FUNCTIONS = new Set([
  'loadtextcontent', 'loadjsoncontent', 'loadyamlcontent', 'loadfileasbase64', 'readenvironmentvariable',
  'externalinput', 'getsecret', 'deployer', 'loaddirectoryfileinfo',
]);

/** One iteration of a `for` expression: the locals it adds and the body node. */
export interface Iteration {
  locals: Locals;
  body: Node;
}

/**
 * Evaluates Bicep expressions (tree-sitter-bicep nodes) to values, and to `RNode` trees with the
 * source range of each leaf's Bicep expression. Symbols (params, vars, resources, modules) are
 * resolved by the subclass; functions go to the shared template-function library so that values
 * and Unknown expressions match the ARM evaluator's (`src/sources/functions`).
 * Never throws on user content: anything it can't evaluate is an `Unknown` with a reason.
 */
export abstract class ExpressionEvaluator {
  constructor(
    readonly lines: LineMap,
    readonly env: FunctionEnv,
    /** The original file text (string values are read from it by offset). */
    readonly source: string,
  ) {}

  /** Resolves a symbol (param, var, resource, module); undefined when there is none. */
  protected abstract lookup(name: string): BVal | undefined;

  /** Resolves `a::b` (a nested resource of `a`). */
  protected abstract nestedSymbol(parent: BVal, parentNode: Node, child: string): BVal;

  /** Evaluates an expression to a plain template value. */
  evaluate(n: Node, locals?: Locals): EvalValue {
    return toEval(this.eval(n, locals));
  }

  /** Evaluates an expression to a Bicep value (symbols kept as references). */
  eval(n: Node, locals?: Locals): BVal {
    try {
      return this.evalNode(n, locals);
    } catch (e) {
      // Deep recursion on pathological input and similar: never crash on user content.
      return new Unknown(`bicep(${JSON.stringify(n.text.slice(0, 40))})`, `could not evaluate: ${(e as Error)?.message ?? e}`);
    }
  }

  /**
   * Counts one evaluation step; false once the run's evaluation budget is used up (a template
   * with huge nested loops must not stall the run). Subclasses share one counter per load.
   */
  protected step(_units = 1): boolean {
    return true;
  }

  private evalNode(n: Node, locals: Locals | undefined): BVal {
    if (!this.step()) return new Unknown(`bicep(${JSON.stringify(n.text.slice(0, 40))})`, 'evaluation budget used up');
    switch (n.type) {
      case 'string':
        return this.evalString(n, locals);
      case 'number': {
        const v = parseInt(n.text, 10);
        return Number.isFinite(v) ? v : new Unknown(n.text, 'number out of range');
      }
      case 'boolean':
        return n.text === 'true';
      case 'null':
        return null;
      case 'identifier':
      case 'property_identifier':
        return this.evalIdentifier(n.text, locals);
      case 'parenthesized_expression': {
        const ks = kids(n);
        return ks.length ? this.eval(ks[ks.length - 1]!, locals) : null;
      }
      case 'object':
        return this.evalObject(n, locals);
      case 'array': {
        const out: EvalValue[] = [];
        for (const it of arrayItems(n, this.source)) {
          const v = it.call ? toEval(this.evalCallOf(it.node.text, it.call.args, it.node, locals)) : it.postfix ? toEval(this.applyPostfix(it, locals)) : this.evaluate(it.node, locals);
          if (!it.spread) out.push(v);
          else if (Array.isArray(v)) out.push(...v);
          else return v instanceof Unknown ? new Unknown(`[...${v.expr}]`, v.reason) : new Unknown('[...]', 'spread of a value that is not an array');
        }
        return out;
      }
      case 'for_statement':
        return this.evalFor(n, locals);
      case 'member_expression':
        return this.evalMember(n, locals);
      case 'subscript_expression':
        return this.evalSubscript(n, locals);
      case 'resource_expression': {
        const obj = n.childForFieldName('object');
        const res = n.childForFieldName('resource');
        if (!obj || !res) return new Unknown(n.text, 'incomplete expression');
        return this.nestedSymbol(this.eval(obj, locals), obj, res.text);
      }
      case 'call_expression':
        return this.evalCall(n, locals);
      case 'unary_expression':
        return this.evalUnary(n, locals);
      case 'binary_expression':
        return this.evalBinary(n, locals);
      case 'ternary_expression':
        return this.evalTernary(n, locals);
      case 'lambda_expression': {
        const [params, body] = kids(n);
        if (!params || !body) return new Unknown('lambda', 'incomplete lambda');
        const names = params.type === 'identifier' ? [params.text] : kids(params).filter((k) => k.type === 'identifier').map((k) => k.text);
        return new Lambda(names, body, locals);
      }
      case 'nullable_type': {
        const inner = kids(n)[0];
        return inner ? this.eval(inner, locals) : null;
      }
      default:
        return new Unknown(`bicep(${JSON.stringify(n.text.slice(0, 40))})`, `unsupported Bicep expression '${n.type}'`);
    }
  }

  /** Evaluates an array item that the grammar split in two (see `ArrayItem`). */
  private applyPostfix(it: ArrayItem, locals: Locals | undefined): BVal {
    let v = this.eval(it.node, locals);
    v = indexOf(v, this.evaluate(it.postfix!.index, locals));
    for (const op of it.postfix!.ops) {
      if (op.type === 'member_expression') {
        const prop = op.childForFieldName('property');
        v = prop ? memberOf(v, prop.text) : v;
      } else {
        const idx = op.childForFieldName('index');
        v = idx ? indexOf(v, this.evaluate(idx, locals)) : v;
      }
    }
    return v;
  }

  private evalIdentifier(name: string, locals: Locals | undefined): BVal {
    const local = locals?.get(name);
    if (local !== undefined) return local;
    const v = this.lookup(name);
    if (v !== undefined) return v;
    return new Unknown(name, `unknown symbol '${name}'`);
  }

  /** String literal with interpolation: known pieces kept around unknown ones (symConcat), as ARM `format()`. */
  private evalString(n: Node, locals: Locals | undefined): EvalValue {
    const pieces: SymString[] = [];
    for (const p of stringPieces(n, this.source)) {
      if (typeof p === 'string') {
        pieces.push(p);
        continue;
      }
      const v = this.evaluate(p, locals);
      if (v instanceof Unknown) pieces.push(v);
      else if (hasUnknown(v)) pieces.push(unknownCall('string', [v]));
      else pieces.push(toText(v));
    }
    return symConcat(pieces);
  }

  private evalObject(n: Node, locals: Locals | undefined): EvalObject | Unknown {
    const o: EvalObject = {};
    for (const p of objectProps(n, this.source)) {
      const key = p.dynamicKey ? this.evaluate(p.keyNode, locals) : p.key;
      if (typeof key !== 'string') return new Unknown(`{${key instanceof Unknown ? key.expr : '?'}: ...}`, 'object key is not known');
      const v = this.evaluate(p.value, locals);
      if (!p.spread) o[key] = v;
      else if (isEvalObject(v)) Object.assign(o, v);
      else if (v !== null) return v instanceof Unknown ? new Unknown(`{...${v.expr}}`, v.reason) : new Unknown('{...}', 'spread of a value that is not an object');
    }
    return o;
  }

  /**
   * Iterations of a `for` expression (`[for x in xs: ...]`, `[for (x, i) in xs: ...]`), or an
   * Unknown when the array is not known.
   */
  iterations(n: Node, locals: Locals | undefined): Iteration[] | Unknown {
    const ks = kids(n);
    const body = n.childForFieldName('body') ?? ks[ks.length - 1];
    const head = ks[0];
    const source = ks[1];
    if (!body || !head || !source || source === body) return new Unknown('for', 'incomplete loop');
    let itemName: string | undefined;
    let indexName: string | undefined;
    if (head.type === 'for_loop_parameters') {
      itemName = kids(head).find((k) => k.type === 'loop_variable')?.text;
      indexName = kids(head).find((k) => k.type === 'loop_enumerator')?.text;
    } else itemName = head.text;
    const arr = this.evaluate(source, locals);
    if (arr instanceof Unknown) return new Unknown(`[for ${arr.expr}]`, arr.reason ?? 'loop over an unknown array');
    if (!Array.isArray(arr)) return new Unknown(`[for ${source.text.slice(0, 40)}]`, 'loop over a value that is not an array');
    if (!this.step(arr.length)) return new Unknown(`[for ${source.text.slice(0, 40)}]`, 'evaluation budget used up');
    return arr.map((item, i) => {
      const m = new Map<string, BVal>(locals ?? []);
      if (itemName) m.set(itemName, item);
      if (indexName) m.set(indexName, i);
      return { locals: m, body };
    });
  }

  /** Condition of an `if (...)` statement: true, false or Unknown. */
  condition(ifNode: Node, locals: Locals | undefined): boolean | Unknown {
    const p = kids(ifNode).find((k) => k.type === 'parenthesized_expression');
    if (!p) return new Unknown('if', 'incomplete condition');
    const c = this.evaluate(p, locals);
    if (c instanceof Unknown) return c;
    if (typeof c === 'boolean') return c;
    return new Unknown(`bool(${toText(c)})`, 'condition is not a boolean');
  }

  private evalFor(n: Node, locals: Locals | undefined): EvalValue {
    const its = this.iterations(n, locals);
    if (its instanceof Unknown) return its;
    const out: EvalValue[] = [];
    for (const it of its) {
      if (it.body.type === 'if_statement') {
        const c = this.condition(it.body, it.locals);
        if (c instanceof Unknown) return new Unknown(`[for if ${c.expr}]`, c.reason ?? 'loop filter is unknown');
        if (!c) continue;
        const obj = kids(it.body).find((k) => k.type === 'object');
        out.push(obj ? this.evaluate(obj, it.locals) : null);
      } else out.push(this.evaluate(it.body, it.locals));
    }
    return out;
  }

  private evalMember(n: Node, locals: Locals | undefined): BVal {
    const obj = n.childForFieldName('object');
    const prop = n.childForFieldName('property');
    if (!obj || !prop) return new Unknown(n.text, 'incomplete expression');
    const base = this.eval(obj, locals);
    if (hasToken(n, '.?') && base === null) return null;
    const v = memberOf(base, prop.text);
    if (hasToken(n, '.?') && v instanceof Unknown && /^no member/.test(v.reason ?? '')) return null;
    return v;
  }

  private evalSubscript(n: Node, locals: Locals | undefined): BVal {
    const obj = n.childForFieldName('object');
    const idx = n.childForFieldName('index');
    if (!obj || !idx) return new Unknown(n.text, 'incomplete expression');
    const base = this.eval(obj, locals);
    const safe = hasToken(n, '?');
    if (safe && base === null) return null;
    const v = indexOf(base, this.evaluate(idx, locals));
    if (safe && v instanceof Unknown && /^(no member|index .* out of range)/.test(v.reason ?? '')) return null;
    return v;
  }

  private evalCall(n: Node, locals: Locals | undefined): BVal {
    const fn = n.childForFieldName('function');
    const argsNode = n.childForFieldName('arguments');
    const argNodes = argsNode ? kids(argsNode) : [];
    if (!fn) return new Unknown(n.text, 'incomplete call');
    let name: string;
    if (fn.type === 'identifier') name = fn.text;
    else if (fn.type === 'member_expression') {
      const ns = fn.childForFieldName('object');
      const prop = fn.childForFieldName('property');
      if (!prop) return new Unknown(n.text, 'incomplete call');
      if (ns?.type === 'identifier' && (ns.text === 'sys' || ns.text === 'az')) name = prop.text;
      else {
        // A resource function such as `storage.listKeys()`: a runtime value.
        const args = argNodes.map((a) => this.evaluate(a, locals));
        return unknownCall(prop.text, args, 'runtime value');
      }
    } else return new Unknown(n.text.slice(0, 60), 'unsupported call');
    return this.evalCallOf(name, argNodes, n, locals);
  }

  /** A call of the template function (or `sys.`/`az.` function) `name` on argument nodes; `n` names the call in unknowns. */
  private evalCallOf(name: string, argNodes: Node[], n: Node, locals: Locals | undefined): BVal {
    const lower = name.toLowerCase();
    const vals = argNodes.map((a) => this.eval(a, locals));
    if (vals.some((v) => v instanceof Lambda)) return this.callWithLambda(lower, name, vals);
    const args = vals.map(toEval);
    if (lower === 'any') return args[0] ?? null;
    if (OPAQUE_FUNCTIONS.has(lower)) return unknownCall(name, args, `${name}() is not evaluated statically`);
    if (this.isUserFunction(name)) return unknownCall(name, args, 'user-defined function');
    if (lower === 'flatten' && !isTemplateFunction('flatten')) return flatten(args);
    return callTemplateFunction(name, args, this.env);
  }

  /** True when `name` is a user-defined (`func`) or imported function of the template. */
  protected isUserFunction(_name: string): boolean {
    return false;
  }

  /** A call with a lambda argument (`map(xs, x => ...)`), see lambda-functions.ts. */
  private callWithLambda(lower: string, name: string, vals: BVal[]): BVal {
    const apply = (l: BVal, ...xs: EvalValue[]): EvalValue => {
      if (!(l instanceof Lambda)) return new Unknown('lambda', 'not a lambda');
      const m = new Map<string, BVal>(l.locals ?? []);
      l.params.forEach((p, i) => m.set(p, xs[i] ?? null));
      return this.evaluate(l.body, m);
    };
    return callLambdaFunction(lower, name, vals, apply);
  }

  private evalUnary(n: Node, locals: Locals | undefined): BVal {
    const arg = n.childForFieldName('argument') ?? kids(n)[0];
    if (!arg) return new Unknown(n.text, 'incomplete expression');
    const v = this.evaluate(arg, locals);
    if (tokenAmong(n, ['!'])) return callTemplateFunction('not', [v], this.env);
    if (typeof v === 'number') return -v;
    return callTemplateFunction('sub', [0, v], this.env);
  }

  private evalBinary(n: Node, locals: Locals | undefined): BVal {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    const op = tokenAmong(n, BINARY_OPERATORS);
    if (!l || !r || !op) return new Unknown(n.text.slice(0, 60), 'incomplete expression');
    const a = this.evaluate(l, locals);
    const b = this.evaluate(r, locals);
    const call = (fn: string, ...args: EvalValue[]) => callTemplateFunction(fn, args, this.env);
    const lower = (v: EvalValue) => (typeof v === 'string' ? v.toLowerCase() : call('toLower', v));
    switch (op) {
      case '+': return call('add', a, b);
      case '-': return call('sub', a, b);
      case '*': return call('mul', a, b);
      case '/': return call('div', a, b);
      case '%': return call('mod', a, b);
      case '&&': return call('and', a, b);
      case '||': return call('or', a, b);
      case '==': return call('equals', a, b);
      case '!=': return call('not', call('equals', a, b));
      case '=~': return call('equals', lower(a), lower(b));
      case '!~': return call('not', call('equals', lower(a), lower(b)));
      case '>': return call('greater', a, b);
      case '>=': return call('greaterOrEquals', a, b);
      case '<': return call('less', a, b);
      case '<=': return call('lessOrEquals', a, b);
      case '??': return call('coalesce', a, b);
      default: return new Unknown(n.text.slice(0, 60), `unsupported operator '${op}'`);
    }
  }

  private evalTernary(n: Node, locals: Locals | undefined): BVal {
    const c = n.childForFieldName('condition');
    const a = n.childForFieldName('consequence');
    const b = n.childForFieldName('alternative');
    if (!c || !a || !b) return new Unknown(n.text.slice(0, 60), 'incomplete expression');
    const cond = this.evaluate(c, locals);
    if (cond === true) return this.eval(a, locals);
    if (cond === false) return this.eval(b, locals);
    return callTemplateFunction('if', [cond, this.evaluate(a, locals), this.evaluate(b, locals)], this.env);
  }

  /**
   * Builds the RNode tree of an expression: object and array literals, loops and ternaries with
   * a known condition keep each member's own range (so a finding lands on the `addressPrefix:`
   * line); any other expression is evaluated and every node gets the expression's range.
   */
  build(n: Node, locals: Locals | undefined): RNode {
    try {
      return this.buildNode(n, locals);
    } catch (e) {
      // Deep recursion on pathological input: never crash on user content.
      return toRNode(new Unknown(`bicep(${JSON.stringify(n.text.slice(0, 40))})`, `could not evaluate: ${(e as Error)?.message ?? e}`), rangeOf(this.lines, n));
    }
  }

  /**
   * Where the value of the symbol `name` is written when it comes from outside this file (a
   * `.bicepparam` assignment): a value taken whole from it is reported there. Templates override.
   */
  protected originOf(_name: string): SourceRange | undefined {
    return undefined;
  }

  private buildNode(n: Node, locals: Locals | undefined): RNode {
    if (n.type === 'identifier' && !locals?.has(n.text)) {
      const origin = this.originOf(n.text);
      if (origin) return toRNode(toEval(this.eval(n, locals)), origin);
    }
    const range = rangeOf(this.lines, n);
    switch (n.type) {
      case 'object': {
        const props = new Map<string, { name: string; keyRange: ReturnType<typeof rangeOf>; node: RNode }>();
        for (const p of objectProps(n, this.source)) {
          const key = p.dynamicKey ? this.evaluate(p.keyNode, locals) : p.key;
          if (typeof key !== 'string') return toRNode(this.evaluate(n, locals), range);
          const node = this.build(p.value, locals);
          if (!p.spread) {
            props.set(key.toLowerCase(), { name: key, keyRange: rangeOf(this.lines, p.keyNode), node });
            continue;
          }
          // `...expr`: its members join the object (an unknown spread makes the whole object unknown).
          if (node.kind === 'object') for (const [k, e] of node.props) props.set(k, e);
          else if (!(node.kind === 'scalar' && node.value === null)) return toRNode(this.evaluate(n, locals), range);
        }
        return { kind: 'object', props, range };
      }
      case 'array': {
        const items: RNode[] = [];
        for (const it of arrayItems(n, this.source)) {
          const node = it.call
            ? toRNode(toEval(this.evalCallOf(it.node.text, it.call.args, it.node, locals)), this.lines.rangeOf(it.node.startIndex, it.call.end))
            : it.postfix
              ? toRNode(toEval(this.applyPostfix(it, locals)), this.lines.rangeOf(it.node.startIndex, it.postfix.end))
              : this.build(it.node, locals);
          if (!it.spread) items.push(node);
          else if (node.kind === 'array') items.push(...node.items);
          else return toRNode(this.evaluate(n, locals), range);
        }
        return { kind: 'array', items, range };
      }
      case 'for_statement': {
        const its = this.iterations(n, locals);
        if (its instanceof Unknown) return toRNode(its, range);
        const items: RNode[] = [];
        for (const it of its) {
          if (it.body.type === 'if_statement') {
            const c = this.condition(it.body, it.locals);
            if (c instanceof Unknown) return toRNode(new Unknown(`[for if ${c.expr}]`, c.reason ?? 'loop filter is unknown'), range);
            if (!c) continue;
            const obj = kids(it.body).find((k) => k.type === 'object');
            if (obj) items.push(this.build(obj, it.locals));
          } else items.push(this.build(it.body, it.locals));
        }
        return { kind: 'array', items, range };
      }
      case 'ternary_expression': {
        const c = n.childForFieldName('condition');
        const a = n.childForFieldName('consequence');
        const b = n.childForFieldName('alternative');
        const cond = c ? this.evaluate(c, locals) : undefined;
        if (cond === true && a) return this.build(a, locals);
        if (cond === false && b) return this.build(b, locals);
        break;
      }
      case 'parenthesized_expression': {
        const ks = kids(n);
        if (ks.length === 1) return this.build(ks[0]!, locals);
        break;
      }
    }
    return toRNode(this.evaluate(n, locals), range);
  }
}

/**
 * `flatten(arrayOfArrays)` (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-array#flatten),
 * used until the shared template-function library has it.
 */
function flatten(args: EvalValue[]): EvalValue {
  const [a] = args;
  if (args.length !== 1 || !Array.isArray(a) || !a.every(Array.isArray)) return unknownCall('flatten', args, 'flatten: expected an array of arrays');
  return (a as EvalValue[][]).flat();
}
