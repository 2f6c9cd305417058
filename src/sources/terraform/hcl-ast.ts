import type { Node } from 'web-tree-sitter';
import type { SourceRange } from '../../core/position.js';
import type { LineMap } from '../../core/position.js';

/**
 * Small accessors over the tree-sitter HCL (`tree-sitter-terraform.wasm`) syntax tree:
 * `config_file > body > (attribute | block)*`; a block is `identifier string_lit* block_start body block_end`;
 * an attribute is `identifier = expression`.
 */

/** A block as written: type, labels, its body node and ranges. */
export interface HclBlock {
  type: string;
  labels: string[];
  body: Node | undefined;
  node: Node;
}

/** An attribute: name, value expression node. */
export interface HclAttribute {
  name: string;
  value: Node;
  node: Node;
}

/** Named children of a node, skipping comments. */
export function namedChildren(n: Node): Node[] {
  const out: Node[] = [];
  for (const c of n.namedChildren) if (c && c.type !== 'comment') out.push(c);
  return out;
}

/** The `body` of a `config_file` or a block (undefined when empty). */
export function bodyOf(n: Node): Node | undefined {
  if (n.type === 'body') return n;
  return namedChildren(n).find((c) => c.type === 'body');
}

/** Attributes and blocks of a body, in order. */
export function bodyItems(body: Node | undefined): { attributes: HclAttribute[]; blocks: HclBlock[] } {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  if (!body) return { attributes, blocks };
  for (const c of namedChildren(body)) {
    if (c.type === 'attribute') {
      const kids = namedChildren(c);
      const id = kids.find((k) => k.type === 'identifier');
      const value = kids.find((k) => k.type === 'expression');
      if (id && value) attributes.push({ name: id.text, value, node: c });
    } else if (c.type === 'block') {
      const kids = namedChildren(c);
      const id = kids[0];
      if (!id || id.type !== 'identifier') continue;
      const labels: string[] = [];
      for (const k of kids.slice(1)) {
        if (k.type === 'string_lit') labels.push(stringLitText(k));
        else if (k.type === 'identifier') labels.push(k.text);
      }
      blocks.push({ type: id.text, labels, body: kids.find((k) => k.type === 'body'), node: c });
    }
  }
  return { attributes, blocks };
}

/** Text of a `string_lit` label (no interpolation in labels). */
export function stringLitText(n: Node): string {
  return namedChildren(n)
    .filter((c) => c.type === 'template_literal')
    .map((c) => c.text)
    .join('');
}

/** Source range of a node. */
export function nodeRange(lines: LineMap, n: Node): SourceRange {
  return lines.rangeOf(n.startIndex, n.endIndex);
}

/** First ERROR or MISSING node in the tree (depth-first), for `parse/error`. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) return n;
    if (!n.hasError) continue;
    const kids = n.children.filter((c): c is Node => !!c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return undefined;
}
