import type { Language, Node, Tree } from 'web-tree-sitter';
import type { Finding } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import { LineMap, fileStart, type SourceRange } from '../../core/position.js';
import { isTimedOut, parseWithBudget } from '../tree-sitter.js';
import type { SourceFile } from '../types.js';
import { maskUnsupportedSyntax } from './compat.js';
import { plainString } from './syntax.js';

/** At most this many `parse/error` findings per file (the first ones; the rest add nothing). */
export const MAX_PARSE_ERRORS_PER_FILE = 10;

/** A parsed Bicep or `.bicepparam` file. `root` is undefined when the parse ran out of time. */
export interface ParsedBicep {
  file: SourceFile;
  lines: LineMap;
  tree?: Tree;
  root?: Node;
  /** Names of `param x = value` assignments of a `.bicepparam` file (parsed as `var`s, see below). */
  paramAssignments: Set<string>;
  /** Names imported with `import { ... } from '...'` (types or functions; calls to them stay Unknown). */
  importedNames: string[];
  findings: Finding[];
  /** `line:col message` lines for FileReport.errors. */
  errors: string[];
  /** Local module paths as written (registry `br:`/`ts:` references left out). */
  modulePaths: string[];
  /** `.bicepparam`: the `using` path, when it is a local file. */
  usingPath?: string;
  /** The tree was freed to bound memory (`releaseTree`); `reparse` brings it back. */
  released?: boolean;
}

/** Frees a parsed file's syntax tree (its findings and module paths stay). */
export function releaseTree(p: ParsedBicep): void {
  p.tree?.delete();
  p.tree = undefined;
  p.root = undefined;
  p.released = true;
}

/** Parses a released file again, in place (same object, so evaluations holding it see the tree). */
export function reparse(p: ParsedBicep, language: Language, budgetMs: number): void {
  const again = parseBicepFile(p.file, language, budgetMs, p.file.path.toLowerCase().endsWith('.bicepparam'));
  p.tree = again.tree;
  p.root = again.root;
  p.released = false;
}

const REMOTE_MODULE = /^(br|ts)[:/]/i;

/** Module paths and the `using` path, read once at parse time. */
function collectReferences(p: ParsedBicep): void {
  for (const n of p.root!.namedChildren) {
    if (!n) continue;
    if (n.type === 'module_declaration') {
      const s = plainString(n.namedChildren.filter((k) => k?.type !== 'comment')[1], p.file.text);
      if (s !== undefined && !REMOTE_MODULE.test(s)) p.modulePaths.push(s);
    } else if (n.type === 'using_statement') {
      const s = plainString(n.namedChildren.find((k) => k?.type === 'string'), p.file.text);
      if (s !== undefined && !REMOTE_MODULE.test(s) && s !== 'none') p.usingPath = s;
    }
  }
}

/** Builds a `parse/error` finding (error severity) at `range`. */
export function parseErrorFinding(file: string, range: SourceRange, message: string, fingerprintData = message): Finding {
  return {
    ruleId: 'parse/error',
    severity: 'error',
    message,
    range,
    fingerprint: fingerprint('parse/error', file, fingerprintData),
  };
}

/**
 * tree-sitter-bicep 1.1.0 has no rule for `.bicepparam` assignments (`param name = value`, no
 * type). They are rewritten, length-preserving, into `var  name = value` so that offsets and
 * lines stay exact; the names are remembered as parameter assignments.
 */
function rewriteParamAssignments(text: string): { text: string; names: Set<string> } {
  const names = new Set<string>();
  const out = text.replace(/^([ \t]*)param(\s+)([A-Za-z_][A-Za-z0-9_]*)(\s*=)/gm, (_m, ind: string, sp: string, name: string, eq: string) => {
    names.add(name);
    return `${ind}var  ${sp}${name}${eq}`;
  });
  return { text: out, names };
}

/**
 * Parses one file with the tree-sitter-bicep grammar under a time budget (milliseconds).
 * Syntax errors (ERROR and MISSING nodes) become `parse/error` findings at their line and column;
 * a parse over budget becomes one `parse/error` at the file start. Never throws on content.
 */
export function parseBicepFile(file: SourceFile, language: Language, budgetMs: number, isParamFile: boolean): ParsedBicep {
  const lines = new LineMap(file.path, file.text);
  const rewritten = isParamFile ? rewriteParamAssignments(file.text) : { text: file.text, names: new Set<string>() };
  const { text, importedNames } = maskUnsupportedSyntax(rewritten.text);
  const parsed: ParsedBicep = { file, lines, paramAssignments: rewritten.names, importedNames, findings: [], errors: [], modulePaths: [] };
  const result = parseWithBudget(language, text, budgetMs);
  if (isTimedOut(result)) {
    const msg = `Parsing '${file.path}' took longer than the ${budgetMs} ms budget; the file was not checked.`;
    parsed.findings.push(parseErrorFinding(file.path, fileStart(file.path), msg));
    parsed.errors.push(`1:1 ${msg}`);
    return parsed;
  }
  parsed.tree = result;
  parsed.root = result.rootNode;
  if (parsed.root.hasError) collectSyntaxErrors(parsed);
  collectReferences(parsed);
  return parsed;
}

/** Walks the subtrees that contain errors and records each ERROR/MISSING node (capped). */
function collectSyntaxErrors(p: ParsedBicep): void {
  const found: Node[] = [];
  const stack: Node[] = [p.root!];
  while (stack.length && found.length < MAX_PARSE_ERRORS_PER_FILE) {
    const n = stack.pop()!;
    if (n.isMissing || n.type === 'ERROR') {
      found.push(n);
      continue;
    }
    if (!n.hasError) continue;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c) stack.push(c);
    }
  }
  const textEnd = p.file.text.trimEnd().length;
  for (const n of found) {
    let range = p.lines.rangeOf(n.startIndex, n.endIndex);
    const snippet = n.text.length > 40 ? `${n.text.slice(0, 37)}...` : n.text;
    let what = n.isMissing ? `missing ${n.type === 'identifier' ? 'a name or type' : `'${n.type}'`}` : snippet.trim() ? `unexpected '${snippet.trim().replace(/\s+/g, ' ')}'` : 'unexpected input';
    // An ERROR that runs from a declaration to the end of the file is an unclosed bracket: the
    // place to fix is where the file ends, not where the declaration starts.
    if (!n.isMissing && range.endLine > range.line && n.endIndex >= textEnd) {
      const start = range.line;
      range = p.lines.rangeOf(textEnd, textEnd);
      what = `unexpected end of file: a '{', '[' or '(' opened in the declaration at line ${start} is not closed`;
    }
    const msg = `Bicep syntax error: ${what} at line ${range.line}, column ${range.column}; declarations containing the error were skipped.`;
    p.findings.push(parseErrorFinding(p.file.path, range, msg, what));
    p.errors.push(`${range.line}:${range.column} ${msg}`);
  }
}
