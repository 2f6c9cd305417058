import type { Node } from 'web-tree-sitter';
import type { LineMap, SourceRange } from '../../core/position.js';
import { isSpread } from './compat.js';

/**
 * Helpers over tree-sitter-bicep syntax nodes (grammar: tree-sitter-bicep 1.1.0, `grammar.js`).
 * Node offsets (`startIndex`/`endIndex`) are UTF-16 code-unit indexes of the JS string parsed,
 * so they map straight onto `LineMap`.
 */

/** Source range of a node. */
export function rangeOf(lines: LineMap, n: Node): SourceRange {
  return lines.rangeOf(n.startIndex, n.endIndex);
}

/** Named children that are not comments. */
export function kids(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment' && c.type !== 'diagnostic_comment');
}

/** The first named child of a given type. */
export function kid(n: Node, type: string): Node | undefined {
  return kids(n).find((c) => c.type === type);
}

/** The anonymous token text among a node's direct children (e.g. a binary operator), if any matches. */
export function tokenAmong(n: Node, tokens: readonly string[]): string | undefined {
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && !c.isNamed && tokens.includes(c.type)) return c.type;
  }
  return undefined;
}

/** True when the node has an anonymous child token `tok` (e.g. `existing`, `.?`). */
export function hasToken(n: Node, tok: string): boolean {
  return tokenAmong(n, [tok]) !== undefined;
}

/** A piece of a string literal: literal text, or an interpolated expression. */
export type StringPiece = string | Node;

/**
 * Pieces of a `string` node: decoded literal text and `${...}` expressions, in order.
 * Multi-line strings (`'''...'''`) have no escapes or interpolation. Pass the original file text
 * as `source` (the parsed text may differ inside strings, see compat.ts).
 */
export function stringPieces(n: Node, source?: string): StringPiece[] {
  const text = source !== undefined ? source.slice(n.startIndex, n.endIndex) : n.text;
  if (text.startsWith("'''")) {
    let body = text.slice(3, text.length >= 6 && text.endsWith("'''") ? -3 : undefined);
    // A line break right after the opening ''' is not part of the value.
    if (body.startsWith('\r\n')) body = body.slice(2);
    else if (body.startsWith('\n')) body = body.slice(1);
    return [body];
  }
  const out: StringPiece[] = [];
  let lastEnd = n.startIndex + 1;
  const closeAt = text.endsWith("'") && text.length > 1 ? n.endIndex - 1 : n.endIndex;
  const raw = (a: number, b: number) => text.slice(a - n.startIndex, b - n.startIndex);
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (!c || c.type !== 'interpolation') continue;
    if (c.startIndex > lastEnd) out.push(unescape(raw(lastEnd, c.startIndex)));
    const expr = kids(c)[0];
    if (expr) out.push(expr);
    lastEnd = c.endIndex;
  }
  if (closeAt > lastEnd) out.push(unescape(raw(lastEnd, closeAt)));
  return out;
}

/** The literal value of a string node without interpolation, else undefined. */
export function plainString(n: Node | undefined | null, source?: string): string | undefined {
  if (!n || n.type !== 'string') return undefined;
  const p = stringPieces(n, source);
  if (p.some((x) => typeof x !== 'string')) return undefined;
  return (p as string[]).join('');
}

/** Decodes Bicep escapes: `\\ \' \n \r \t \$ \u{XXXX}`. */
export function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(u\{([0-9a-fA-F]+)\}|.)/g, (_m, e: string, hex?: string) => {
    if (hex) {
      const cp = parseInt(hex, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    switch (e) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      default: return e;
    }
  });
}

/** The key text of an `object_property` (identifier, keyword, `name?`, or string), and its node. */
export function propertyKey(p: Node, source?: string): { key: string; node: Node; dynamic?: boolean } | undefined {
  const k = kids(p)[0];
  if (!k) return undefined;
  if (k.type === 'string') {
    const s = plainString(k, source);
    // An interpolated key ('${name}': ...) is evaluated by the caller.
    return s === undefined ? { key: '', node: k, dynamic: true } : { key: s, node: k };
  }
  if (k.type === 'resource_declaration') return undefined;
  if (k.type === 'compatible_identifier') return { key: k.text.replace(/\?$/, ''), node: k };
  return { key: k.text, node: k };
}

/** The value node of an `object_property` (the last named child after the key). */
export function propertyValue(p: Node): Node | undefined {
  const ks = kids(p);
  return ks.length >= 2 ? ks[ks.length - 1] : undefined;
}

/** Properties of an `object` node: key, key node, value node (decorators and nested resources skipped). */
export function objectProps(o: Node, source?: string): ObjectProp[] {
  const out: ObjectProp[] = [];
  for (const p of kids(o)) {
    if (p.type !== 'object_property') continue;
    const k = propertyKey(p, source);
    const v = propertyValue(p);
    if (!k || !v) continue;
    const spread = source !== undefined && isSpread(source, k.node.startIndex);
    out.push({ key: k.key, keyNode: k.node, value: v, prop: p, ...(spread ? { spread } : {}), ...(k.dynamic ? { dynamicKey: true } : {}) });
  }
  return out;
}

/**
 * A property of an object literal; `spread` for `...expr` (see compat.ts); `dynamicKey` for an
 * interpolated key (`'${x}': ...`, `key` is then empty: evaluate `keyNode`).
 */
export interface ObjectProp { key: string; keyNode: Node; value: Node; prop: Node; spread?: boolean; dynamicKey?: boolean }

/**
 * An item of an array literal. tree-sitter-bicep splits `[ a.b[0].c ]` (items may be separated
 * by line breaks only) into two items, `a.b` and `[0].c`; such a pair is joined back: `node` is
 * `a.b` and `postfix` holds the index expression and the member/subscript nodes applied after it,
 * innermost first.
 */
export interface ArrayItem {
  node: Node;
  spread: boolean;
  postfix?: { index: Node; ops: Node[]; end: number };
  /**
   * The grammar also splits a call in an array, `[cidrSubnet(ipRange, 16, 0)]`, into the function
   * name (`node`, an identifier) and a parenthesized expression holding the arguments: `args`.
   */
  call?: { args: Node[]; end: number };
}

/** Items of an array literal: each item node, and whether it is a spread `...expr` (its operand then). */
export function arrayItems(a: Node, source: string): ArrayItem[] {
  const raw = kids(a).filter((k) => k.type !== 'decorators');
  const out: ArrayItem[] = [];
  for (const k of raw) {
    const prev = out[out.length - 1];
    if (prev && !prev.postfix && !prev.call && !prev.spread && prev.node.type === 'identifier' && k.type === 'parenthesized_expression' && k.startIndex === prev.node.endIndex) {
      prev.call = { args: kids(k), end: k.endIndex };
      continue;
    }
    const chain = prev ? postfixChain(k) : undefined;
    if (prev && chain && chain.base.type === 'array' && chain.base.startIndex === (prev.postfix?.end ?? prev.node.endIndex)) {
      const idx = kids(chain.base);
      if (idx.length === 1 && !prev.postfix) {
        prev.postfix = { index: idx[0]!, ops: chain.ops, end: k.endIndex };
        continue;
      }
    }
    if (k.type === 'unary_expression' && isSpread(source, k.startIndex)) {
      const inner = k.childForFieldName('argument');
      const operand = inner?.type === 'unary_expression' ? inner.childForFieldName('argument') : undefined;
      if (operand) {
        out.push({ node: operand, spread: true });
        continue;
      }
    }
    out.push({ node: k, spread: false });
  }
  return out;
}

/** The innermost object of a member/subscript chain, and the chain's nodes from inner to outer. */
function postfixChain(n: Node): { base: Node; ops: Node[] } {
  const ops: Node[] = [];
  let cur = n;
  while (cur.type === 'member_expression' || cur.type === 'subscript_expression') {
    ops.unshift(cur);
    const o = cur.childForFieldName('object');
    if (!o) break;
    cur = o;
  }
  return { base: cur, ops };
}

/** A property's value node in an object node by key (case-insensitive), or undefined. */
export function objectGet(o: Node | undefined, key: string, source?: string): Node | undefined {
  if (!o || o.type !== 'object') return undefined;
  const lower = key.toLowerCase();
  return objectProps(o, source).find((p) => !p.spread && !p.dynamicKey && p.key.toLowerCase() === lower)?.value;
}

/** Nested `resource` declarations directly in an object node. */
export function nestedResources(o: Node): Node[] {
  const out: Node[] = [];
  for (const p of kids(o)) {
    if (p.type !== 'object_property') continue;
    const r = kids(p)[0];
    if (r?.type === 'resource_declaration') out.push(r);
  }
  return out;
}

/** Decorator calls in a `decorators` node: lower-cased name (namespace `sys.` dropped) and argument nodes. */
export function decoratorCalls(d: Node | undefined): { name: string; args: Node[] }[] {
  if (!d) return [];
  const out: { name: string; args: Node[] }[] = [];
  for (const dec of kids(d)) {
    const call = kids(dec)[0];
    if (!call || call.type !== 'call_expression') continue;
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    if (!fn) continue;
    const name = (fn.type === 'member_expression' ? fn.childForFieldName('property')?.text ?? '' : fn.text).toLowerCase();
    out.push({ name, args: args ? kids(args) : [] });
  }
  return out;
}
