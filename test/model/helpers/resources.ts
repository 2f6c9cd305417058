import { parseTree, type Node } from 'jsonc-parser';
import { LineMap, type SourceRange } from '../../../src/core/position.js';
import type { RNode, RObject, ResolvedResource } from '../../../src/model/resolved-resource.js';
import { Unknown, type SymString } from '../../../src/model/symbolic.js';

/**
 * Test helper standing in for the ARM loader: parses a JSON array of resources (plain values, no
 * template expressions evaluated) into ResolvedResources with real ranges in `file`.
 * A string `"[expr]"` becomes an unknown with canonical expression `expr`; a string containing
 * `{{expr}}` pieces becomes a symbolic string with those unknown pieces (e.g. a name
 * `"{{uniquestring(resourcegroup().id)}}-vnet"`). Names are split on `/`.
 */
export function resourcesFromJson(text: string, opts: { file?: string; scope?: string; format?: 'arm' | 'bicep' } = {}): ResolvedResource[] {
  const file = opts.file ?? 'main.json';
  const lm = new LineMap(file, text);
  const root = parseTree(text);
  if (!root || root.type !== 'array') throw new Error('expected a JSON array of resources');
  const range = (n: Node): SourceRange => lm.rangeOf(n.offset, n.offset + n.length);
  const out: ResolvedResource[] = [];
  for (const res of root.children ?? []) {
    const body = toRNode(res, range) as RObject;
    const type = String(plain(body.props.get('type')?.node));
    const nameEntry = body.props.get('name');
    const nameNode = nameEntry?.node;
    const name = nameNode ? symOfNode(nameNode) : 'unnamed';
    const existing = plain(body.props.get('existing')?.node) === true;
    const cond = body.props.get('condition')?.node;
    out.push({
      type,
      nameSegments: splitName(name),
      nameRange: nameNode?.range ?? body.range,
      range: body.range,
      body,
      existing: existing || undefined,
      conditionUnknown: cond?.kind === 'unknown' ? cond.value : undefined,
      format: opts.format ?? 'arm',
      scope: opts.scope ?? file,
    });
  }
  return out;
}

function plain(n: RNode | undefined): unknown {
  return n && n.kind === 'scalar' ? n.value : undefined;
}

function symOfNode(n: RNode): SymString {
  if (n.kind === 'unknown') return n.value;
  if (n.kind === 'scalar' && typeof n.value === 'string') return n.value;
  return new Unknown('<name>');
}

function splitName(name: SymString): SymString[] {
  if (typeof name === 'string') return name.split('/');
  const parts = name.parts ?? [name];
  const out: (string | Unknown)[][] = [[]];
  for (const p of parts) {
    if (typeof p !== 'string') out[out.length - 1]!.push(p);
    else
      p.split('/').forEach((piece, i) => {
        if (i > 0) out.push([]);
        if (piece) out[out.length - 1]!.push(piece);
      });
  }
  return out.map((ps) => symString(ps));
}

function symString(parts: (string | Unknown)[]): SymString {
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  if (parts.length === 1) return parts[0]!;
  const expr = parts.map((p) => (typeof p === 'string' ? p : `{${p.expr}}`)).join('');
  return new Unknown(expr, 'test', parts);
}

/** A string with `{{expr}}` pieces → symbolic string. */
function parseSym(s: string): SymString {
  if (s.startsWith('[') && s.endsWith(']') && !s.startsWith('[[')) return new Unknown(s.slice(1, -1), 'test expression');
  if (!s.includes('{{')) return s;
  const parts: (string | Unknown)[] = [];
  const re = /\{\{(.*?)\}\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m.index > last) parts.push(s.slice(last, m.index));
    parts.push(new Unknown(m[1]!, 'test expression'));
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push(s.slice(last));
  return symString(parts);
}

function toRNode(n: Node, range: (n: Node) => SourceRange): RNode {
  const r = range(n);
  switch (n.type) {
    case 'object': {
      const props: RObject['props'] = new Map();
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v) continue;
        const name = String(k.value);
        props.set(name.toLowerCase(), { name, keyRange: range(k), node: toRNode(v, range) });
      }
      return { kind: 'object', props, range: r };
    }
    case 'array':
      return { kind: 'array', items: (n.children ?? []).map((c) => toRNode(c, range)), range: r };
    case 'string': {
      const s = parseSym(String(n.value));
      return typeof s === 'string' ? { kind: 'scalar', value: s, range: r } : { kind: 'unknown', value: s, range: r };
    }
    default:
      return { kind: 'scalar', value: n.value as string | number | boolean | null, range: r };
  }
}

/** The 1-based line of the first occurrence of `needle` in `text` (for asserting ranges). */
export function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}
