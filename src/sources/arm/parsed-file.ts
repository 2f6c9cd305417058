import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineMap, type SourceRange } from '../../core/position.js';
import type { EvalObject, EvalValue } from '../eval-value.js';
import type { SourceFile } from '../types.js';
import { fastParseTree } from './fast-json.js';

/** A JSON node with offsets (jsonc-parser's tree). */
export type JNode = Node;

/** One JSON file parsed with positions. `root` is undefined when nothing usable was parsed. */
export interface ParsedFile {
  file: SourceFile;
  root: JNode | undefined;
  lines: LineMap;
  /** Syntax errors with 1-based positions and a readable message. */
  errors: { range: SourceRange; message: string }[];
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

const OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** Replaces CR/LF inside string literals by spaces (same offsets), as ARM reads multi-line strings. */
export function blankLineBreaksInStrings(text: string): string {
  let out: string[] | undefined;
  let last = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
        else if (d === 10 || d === 13) {
          (out ??= []).push(text.slice(last, i), ' ');
          last = i + 1;
        }
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 1;
    }
  }
  if (!out) return text;
  out.push(text.slice(last));
  return out.join('');
}

/**
 * Parses JSON with comments, trailing commas and line breaks inside strings (as ARM accepts them):
 * well-formed files with the fast parser, others with jsonc-parser (errors with positions, recovery). A byte-order mark is
 * replaced by a space so offsets stay those of the text.
 */
export function parseJsonFile(file: SourceFile): ParsedFile {
  let text = file.text.charCodeAt(0) === 0xfeff ? ` ${file.text.slice(1)}` : file.text;
  const fast = fastParseTree(text);
  if (fast) return withLazyLines({ file, root: fast, errors: [] });
  let raw: ParseError[] = [];
  let root = parseTree(text, raw, OPTIONS);
  if (raw.some((e) => printParseErrorCode(e.error) === 'UnexpectedEndOfString')) {
    // ARM accepts line breaks inside strings (multi-line expressions); JSON does not.
    const fixed = blankLineBreaksInStrings(text);
    if (fixed !== text) {
      text = fixed;
      raw = [];
      root = parseTree(text, raw, OPTIONS);
    }
  }
  const lines = new LineMap(file.path, file.text);
  const errors = raw.map((e) => ({
    range: lines.rangeOf(e.offset, e.offset + Math.max(1, e.length)),
    message: `JSON syntax error: ${MESSAGES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`,
  }));
  return { file, root, lines, errors };
}

/** Adds `lines`, built on first use: parameter files and templates without resources never need it. */
function withLazyLines(pf: Omit<ParsedFile, 'lines'>): ParsedFile {
  let lines: LineMap | undefined;
  return Object.defineProperty(pf, 'lines', {
    get: () => (lines ??= new LineMap(pf.file.path, pf.file.text)),
    enumerable: true,
  }) as ParsedFile;
}

/** Range of a node in its file. */
export function rangeOf(pf: ParsedFile, n: JNode): SourceRange {
  return pf.lines.rangeOf(n.offset, n.offset + n.length);
}

/** Value node of member `name` (case-insensitive) of an object node. */
export function member(obj: JNode | undefined, name: string): JNode | undefined {
  if (!obj || obj.type !== 'object' || !obj.children) return undefined;
  let lower: string | undefined;
  for (const p of obj.children) {
    const k = p.children?.[0];
    if (!k) continue;
    if (k.value === name) return p.children![1];
    lower ??= name.toLowerCase();
    if (typeof k.value === 'string' && k.value.toLowerCase() === lower) return p.children![1];
  }
  return undefined;
}

/** The [key node, value node] pairs of an object node (members without a value are skipped). */
export function members(obj: JNode | undefined): [JNode, JNode][] {
  const out: [JNode, JNode][] = [];
  if (!obj || obj.type !== 'object' || !obj.children) return out;
  for (const p of obj.children) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (k && v) out.push([k, v]);
  }
  return out;
}

/** A literal string member's value, or undefined. */
export function stringMember(obj: JNode | undefined, name: string): string | undefined {
  const n = member(obj, name);
  return n?.type === 'string' ? (n.value as string) : undefined;
}

/** The node's JSON value as data, without evaluating expressions (parameter files). */
export function plainValue(n: JNode): EvalValue {
  switch (n.type) {
    case 'object': {
      const o: EvalObject = {};
      for (const [k, v] of members(n)) o[k.value as string] = plainValue(v);
      return o;
    }
    case 'array':
      return (n.children ?? []).map(plainValue);
    case 'property':
      return n.children?.[1] ? plainValue(n.children[1]) : null;
    default:
      return (n.value ?? null) as EvalValue;
  }
}
