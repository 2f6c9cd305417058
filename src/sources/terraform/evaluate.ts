import type { Node } from 'web-tree-sitter';
import type { SourceRange } from '../../core/position.js';
import { Unknown, symConcat, type SymString } from '../../model/symbolic.js';
import { isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import { accessIndex, accessMember, valuesEqual } from '../functions/index.js';
import { callTerraformFunction } from './functions.js';
import { namedChildren } from './hcl-ast.js';

/**
 * What an expression can refer to (one module instance, plus the iteration bindings in force).
 * Every method returns an `EvalValue`; what can't be known is an `Unknown` whose expr is the
 * Terraform reference text (`var.name`, `azurerm_subnet.x.id`, `data.azurerm_subnet.s.id`).
 */
export interface TfScope {
  variable(name: string): EvalValue;
  local(name: string): EvalValue;
  /** A module call's outputs as an object (or a list/map of them with count/for_each). */
  moduleOutputs(name: string): EvalValue;
  /** A managed resource as a value: an object, or a list (count) or map (for_each) of objects. */
  resource(type: string, name: string): EvalValue;
  /**
   * An attribute of a data source: its `id` when the arguments name the Azure resource (a
   * subnet by `name` + `virtual_network_name`, ...), an argument as written; anything the
   * provider reads at plan time is Unknown `data.<type>.<name>.<attr>`.
   */
  dataSource(type: string, name: string, attr: string | undefined): EvalValue;
  /** `count.index`, `each.key`, `each.value`, for-expression and dynamic-block iterators. */
  binding(name: string): EvalValue | undefined;
  /** Where the value of `var.<name>` is written when set from outside the module (tfvars, a module call). */
  variableRange?(name: string): SourceRange | undefined;
}

/** A scope with more bindings (for-expressions, dynamic blocks, count/each). */
export function withBindings(scope: TfScope, bindings: Record<string, EvalValue>): TfScope {
  return {
    variable: (n) => scope.variable(n),
    local: (n) => scope.local(n),
    moduleOutputs: (n) => scope.moduleOutputs(n),
    resource: (t, n) => scope.resource(t, n),
    dataSource: (t, n, a) => scope.dataSource(t, n, a),
    variableRange: (n) => scope.variableRange?.(n),
    binding: (n) => (Object.prototype.hasOwnProperty.call(bindings, n) ? bindings[n] : scope.binding(n)),
  };
}

/** Evaluates an HCL expression node. Never throws: what can't be evaluated is `Unknown`. */
export function evaluate(node: Node, scope: TfScope): EvalValue {
  try {
    return evalNode(node, scope);
  } catch (e) {
    return new Unknown(compact(node.text), `could not evaluate: ${(e as Error)?.message ?? String(e)}`);
  }
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function evalNode(n: Node, scope: TfScope): EvalValue {
  switch (n.type) {
    case 'expression':
      return evalExpression(n, scope);
    case 'literal_value':
      return evalLiteral(namedChildren(n)[0]!, scope);
    case 'numeric_lit':
    case 'bool_lit':
    case 'null_lit':
    case 'string_lit':
      return evalLiteral(n, scope);
    case 'collection_value':
      return evalNode(namedChildren(n)[0]!, scope);
    case 'tuple':
      return namedChildren(n)
        .filter((c) => c.type === 'expression')
        .map((c) => evalNode(c, scope));
    case 'object':
      return evalObject(n, scope);
    case 'template_expr':
      return evalNode(namedChildren(n)[0]!, scope);
    case 'quoted_template':
    case 'heredoc_template':
      return evalTemplate(n, scope);
    case 'function_call':
      return evalCall(n, scope);
    case 'conditional': {
      const [c, a, b] = namedChildren(n);
      const cond = evalNode(c!, scope);
      if (cond === true) return evalNode(a!, scope);
      if (cond === false) return evalNode(b!, scope);
      const x = evalNode(a!, scope);
      const y = evalNode(b!, scope);
      if (valuesEqual(x, y) === true) return x;
      return new Unknown(compact(n.text), cond instanceof Unknown ? cond.reason : 'condition not known');
    }
    case 'operation':
      return evalNode(namedChildren(n)[0]!, scope);
    case 'unary_operation':
      return evalUnary(n, scope);
    case 'binary_operation':
      return evalBinary(n, scope);
    case 'for_expr':
      return evalFor(namedChildren(n)[0]!, scope);
    case 'variable_expr':
      return evalRoot(n.text, [], scope).value;
    default:
      return new Unknown(compact(n.text), `unsupported expression ${n.type}`);
  }
}

function evalLiteral(n: Node, scope: TfScope): EvalValue {
  switch (n.type) {
    case 'numeric_lit':
      return Number(n.text);
    case 'bool_lit':
      return n.text === 'true';
    case 'null_lit':
      return null;
    case 'string_lit':
      return evalTemplate(n, scope);
    default:
      return evalNode(n, scope);
  }
}

function evalTemplate(n: Node, scope: TfScope): EvalValue {
  const pieces: SymString[] = [];
  for (const c of namedChildren(n)) {
    if (c.type === 'template_literal') pieces.push(unescape(c.text));
    else if (c.type === 'template_interpolation') {
      const e = namedChildren(c).find((k) => k.type === 'expression');
      if (!e) continue;
      const v = evalNode(e, scope);
      if (v instanceof Unknown) pieces.push(v);
      else if (typeof v === 'string') pieces.push(v);
      else if (typeof v === 'number' || typeof v === 'boolean') pieces.push(String(v));
      else if (v === null) pieces.push('');
      else return new Unknown(compact(n.text), 'interpolation of a collection');
    } else if (c.type === 'template_directive') {
      return new Unknown(compact(n.text), 'template directive');
    }
  }
  return symConcat(pieces);
}

function unescape(s: string): string {
  return s.replace(/\\(["\\nrt])|\$\$\{|%%\{/g, (m, c: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    return c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c!;
  });
}

function evalObject(n: Node, scope: TfScope): EvalValue {
  const out: EvalObject = {};
  for (const el of namedChildren(n)) {
    if (el.type !== 'object_elem') continue;
    const [k, v] = namedChildren(el);
    if (!k || !v) continue;
    let key: EvalValue;
    const prim = k.type === 'expression' ? namedChildren(k) : [k];
    if (prim.length === 1 && prim[0]!.type === 'variable_expr') key = prim[0]!.text;
    else key = evalNode(k, scope);
    if (typeof key !== 'string') {
      if (key instanceof Unknown) return new Unknown(compact(n.text), key.reason ?? 'object key not known');
      key = String(key);
    }
    out[key] = evalNode(v, scope);
  }
  return out;
}

function evalCall(n: Node, scope: TfScope): EvalValue {
  const kids = namedChildren(n);
  const name = kids[0]!.text;
  const argsNode = kids.find((k) => k.type === 'function_arguments');
  const args: EvalValue[] = [];
  let expand = false;
  if (argsNode) {
    for (const a of namedChildren(argsNode)) {
      if (a.type === 'expression') args.push(evalNode(a, scope));
      else if (a.type === 'ellipsis') expand = true;
    }
  }
  if (expand) {
    const last = args.pop();
    if (!Array.isArray(last)) return new Unknown(compact(n.text), 'argument expansion of a non-list');
    args.push(...last);
  }
  return callTerraformFunction(name.toLowerCase(), args);
}

/**
 * Operands of `binary_operation` / `unary_operation` are not wrapped in `expression` nodes: an
 * operand is the run of named nodes (primary + accessors) on one side of the operator token.
 */
function operands(n: Node): { op: string; sides: Node[][] } {
  const sides: Node[][] = [[]];
  let op = '';
  for (const c of n.children) {
    if (c.isNamed) {
      if (c.type !== 'comment') sides[sides.length - 1]!.push(c);
    } else if (c.text === '(' || c.text === ')') {
      continue;
    } else if (!op || sides[sides.length - 1]!.length > 0) {
      op = c.text;
      if (sides[sides.length - 1]!.length > 0) sides.push([]);
    }
  }
  return { op, sides: sides.filter((x) => x.length > 0) };
}

function evalSequence(nodes: Node[], scope: TfScope): EvalValue {
  const [primary, ...accessors] = nodes;
  if (!primary) return null;
  if (primary.type === 'variable_expr') {
    const r = evalRoot(primary.text, accessors, scope);
    return applyAccessors(r.value, accessors.slice(r.consumed), scope);
  }
  return applyAccessors(evalNode(primary, scope), accessors, scope);
}

function evalUnary(n: Node, scope: TfScope): EvalValue {
  const { op, sides } = operands(n);
  const v = evalSequence(sides[0] ?? [], scope);
  if (v instanceof Unknown) return new Unknown(compact(n.text), v.reason);
  if (op === '!' && typeof v === 'boolean') return !v;
  if (op === '-' && typeof v === 'number') return -v;
  return new Unknown(compact(n.text), `invalid operand for ${op}`);
}

function evalBinary(n: Node, scope: TfScope): EvalValue {
  const { op, sides } = operands(n);
  const a = evalSequence(sides[0] ?? [], scope);
  // Short-circuit where the result is already determined.
  if (op === '&&' && a === false) return false;
  if (op === '||' && a === true) return true;
  const b = evalSequence(sides[1] ?? [], scope);
  if (op === '&&' && b === false) return false;
  if (op === '||' && b === true) return true;
  if (op === '==' || op === '!=') {
    const eq = valuesEqual(a, b);
    if (eq === 'unknown') return new Unknown(compact(n.text), 'comparison of unknown values');
    return op === '==' ? eq : !eq;
  }
  if (a instanceof Unknown || b instanceof Unknown) {
    return new Unknown(compact(n.text), (a instanceof Unknown ? a : (b as Unknown)).reason);
  }
  if (op === '&&' || op === '||') {
    if (typeof a === 'boolean' && typeof b === 'boolean') return op === '&&' ? a && b : a || b;
    return new Unknown(compact(n.text), 'invalid operands');
  }
  const x = typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  const y = typeof b === 'string' && b.trim() !== '' ? Number(b) : b;
  if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) {
    return new Unknown(compact(n.text), 'invalid operands');
  }
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '%': return x % y;
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    default: return new Unknown(compact(n.text), `operator ${op}`);
  }
}

function evalFor(n: Node, scope: TfScope): EvalValue {
  const kids = namedChildren(n);
  const intro = kids.find((k) => k.type === 'for_intro');
  if (!intro) return new Unknown(compact(n.text), 'for expression');
  const introKids = namedChildren(intro);
  const ids = introKids.filter((k) => k.type === 'identifier').map((k) => k.text);
  const collNode = introKids.find((k) => k.type === 'expression');
  const coll = collNode ? evalNode(collNode, scope) : null;
  const body = kids.filter((k) => k.type === 'expression');
  const condNode = kids.find((k) => k.type === 'for_cond');
  const grouping = kids.some((k) => k.type === 'ellipsis');
  if (coll instanceof Unknown) return new Unknown(compact(n.text), coll.reason);
  const entries: [EvalValue, EvalValue][] = Array.isArray(coll)
    ? coll.map((v, i) => [i, v])
    : isEvalObject(coll)
      ? Object.keys(coll).sort().map((k) => [k, coll[k]!])
      : [];
  const isObject = n.type === 'for_object_expr';
  const tupleOut: EvalValue[] = [];
  const objOut: EvalObject = {};
  for (const [k, v] of entries) {
    const b: Record<string, EvalValue> = ids.length >= 2 ? { [ids[0]!]: k, [ids[1]!]: v } : { [ids[0]!]: v };
    const inner = withBindings(scope, b);
    if (condNode) {
      const c = evalNode(namedChildren(condNode)[0]!, inner);
      if (c === false) continue;
      if (c !== true) return new Unknown(compact(n.text), 'for condition not known');
    }
    if (isObject) {
      let key = evalNode(body[0]!, inner);
      const val = evalNode(body[1]!, inner);
      if (typeof key === 'number' || typeof key === 'boolean') key = String(key);
      if (typeof key !== 'string') return new Unknown(compact(n.text), 'for expression key not known');
      if (grouping) {
        const prev = objOut[key];
        objOut[key] = Array.isArray(prev) ? [...prev, val] : [val];
      } else objOut[key] = val;
    } else tupleOut.push(evalNode(body[0]!, inner));
  }
  return isObject ? objOut : tupleOut;
}

/**
 * `expression` = primary, then postfix accessors (`get_attr`, `index`, `splat`) as siblings.
 * References (`var.x`, `azurerm_subnet.s.id`) consume the accessors they need.
 */
function evalExpression(n: Node, scope: TfScope): EvalValue {
  const kids = n.children;
  // Parenthesized: ( expression )
  if (kids[0] && !kids[0].isNamed && kids[0].text === '(') {
    const inner = namedChildren(n).find((k) => k.type === 'expression');
    return inner ? evalNode(inner, scope) : null;
  }
  const named = namedChildren(n);
  if (!named[0]) return new Unknown(compact(n.text), 'empty expression');
  return evalSequence(named, scope);
}

function attrName(n: Node | undefined): string | undefined {
  if (!n || n.type !== 'get_attr') return undefined;
  return namedChildren(n).find((k) => k.type === 'identifier')?.text;
}

function evalRoot(name: string, acc: Node[], scope: TfScope): { value: EvalValue; consumed: number } {
  const a0 = attrName(acc[0]);
  const bound = scope.binding(name);
  if (bound !== undefined) return { value: bound, consumed: 0 };
  switch (name) {
    case 'var':
      return a0 ? { value: scope.variable(a0), consumed: 1 } : { value: new Unknown('var'), consumed: 0 };
    case 'local':
      return a0 ? { value: scope.local(a0), consumed: 1 } : { value: new Unknown('local'), consumed: 0 };
    case 'module':
      return a0 ? { value: scope.moduleOutputs(a0), consumed: 1 } : { value: new Unknown('module'), consumed: 0 };
    case 'data': {
      const a1 = attrName(acc[1]);
      if (!a0 || !a1) return { value: new Unknown('data', 'data source'), consumed: 0 };
      const a2 = attrName(acc[2]);
      if (a2 === undefined) return { value: new Unknown(`data.${a0}.${a1}`, 'data source (read at plan time)'), consumed: 2 };
      return { value: scope.dataSource(a0, a1, a2), consumed: 3 };
    }
    case 'path':
    case 'terraform':
    case 'self':
      return { value: new Unknown(a0 ? `${name}.${a0}` : name, 'runtime value'), consumed: a0 ? 1 : 0 };
    case 'count':
    case 'each':
      return { value: new Unknown(a0 ? `${name}.${a0}` : name, `${name} outside a repeated block`), consumed: a0 ? 1 : 0 };
    default:
      if (name.includes('_') && a0) return { value: scope.resource(name, a0), consumed: 1 };
      return { value: new Unknown(name, `unknown name ${name}`), consumed: 0 };
  }
}

function applyAccessors(value: EvalValue, acc: Node[], scope: TfScope): EvalValue {
  let v = value;
  for (let i = 0; i < acc.length; i++) {
    const a = acc[i]!;
    if (a.type === 'get_attr') {
      v = accessMember(v, attrName(a) ?? '');
    } else if (a.type === 'index') {
      const inner = namedChildren(a)[0]!;
      if (inner.type === 'legacy_index') {
        v = accessIndex(v, Number(inner.text.replace(/^\./, '')));
      } else {
        const e = namedChildren(inner).find((k) => k.type === 'expression');
        v = accessIndex(v, e ? evalNode(e, scope) : null);
      }
    } else if (a.type === 'splat') {
      const sp = namedChildren(a)[0]!;
      const inner = namedChildren(sp);
      const remaining = acc.slice(i + 1);
      const list = Array.isArray(v) ? v : v === null ? [] : v instanceof Unknown ? undefined : [v];
      if (!list) return new Unknown(`${(v as Unknown).expr}[*]`, (v as Unknown).reason);
      if (sp.type === 'attr_splat') {
        // `.*.a.b` applies only the accessors inside the splat to each element, the rest to the list.
        return applyAccessors(list.map((x) => applyAccessors(x, inner, scope)), remaining, scope);
      }
      return list.map((x) => applyAccessors(x, [...inner, ...remaining], scope));
    }
  }
  return v;
}

