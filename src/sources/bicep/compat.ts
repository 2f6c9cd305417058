/**
 * Length-preserving rewrites that let the tree-sitter-bicep 1.1.0 grammar read newer Bicep
 * syntax it lacks. Every rewrite replaces characters with spaces (newlines kept) or with a
 * shorter token padded with spaces, so offsets, lines and columns of everything else stay exact.
 *
 * - `type X = ...` declarations (user-defined types) are blanked: the evaluator skips them
 *   anyway, and the grammar fails on many (`(... | ...)?`, decorators in type objects).
 * - `import ...` statements are blanked (newline-separated import lists); imported names are
 *   returned so that calls to imported functions stay Unknown.
 * - `resourceInput<'T@v'>.a.b` / `resourceOutput<...>` type expressions become `object`.
 * - Typed variables `var x string = ...`: the type is blanked.
 * - `.bicepparam` files: `using none`, `extends '...'` and `using '...' with {...}` tails are blanked.
 * - The `?` of nullable parameter and output types is blanked.
 * - `extension x` statements are blanked; postfix non-null assertions `x!` (also before `.` and `[`)
 *   become `x `.
 * - A trailing comma before `)` (multi-line `func` parameters) is blanked.
 * - A `//` or `/*` inside a string literal is read by the grammar as a comment: its slashes are
 *   replaced with `:` in the parsed text. String values must therefore be read from the original
 *   text by offset (`stringPieces(node, source)`).
 */
export function maskUnsupportedSyntax(text: string): { text: string; importedNames: string[] } {
  const chars = text.split('');
  const importedNames: string[] = [];
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };

  for (const m of text.matchAll(/resource(Input|Output)<'[^'\n]*'>(\.[A-Za-z_]\w*)*/g)) {
    const len = m[0].length;
    const rep = 'object'.padEnd(len, ' ');
    for (let i = 0; i < len; i++) chars[m.index! + i] = rep[i]!;
  }
  let blankedUntil = -1;
  for (const m of text.matchAll(/^(type|import|extension|extends)\b/gm)) {
    const start = m.index!;
    // Inside a statement already blanked (e.g. an unbalanced one that ran to the end): skip, so the
    // scan stays linear.
    if (start < blankedUntil) continue;
    const end = statementEnd(text, start);
    blankedUntil = end;
    if (m[1] === 'import') {
      const stmt = text.slice(start, end);
      for (const n of stmt.replace(/'[^']*'/g, '').matchAll(/\b([A-Za-z_]\w*)\b/g)) {
        if (!['import', 'from', 'as', 'with'].includes(n[1]!)) importedNames.push(n[1]!);
      }
    }
    blank(start, end);
  }
  for (const m of text.matchAll(/^using\s+none\b/gm)) blank(m.index!, m.index! + m[0].length);
  for (const m of text.matchAll(/^(using\s+'[^'\n]*')(\s+with\b)/gm)) {
    const from = m.index! + m[1]!.length;
    blank(from, statementEnd(text, from));
  }
  for (const m of text.matchAll(/^([ \t]*var\s+[A-Za-z_]\w*\s+)([A-Za-z_][\w.]*(\[\])*\??)(\s*=)/gm)) {
    const from = m.index! + m[1]!.length;
    blank(from, from + m[2]!.length);
  }
  // Nullable parameter/output types (`param x fooType?`): the grammar reads the `?` as the start
  // of a ternary that swallows the next declaration.
  for (const m of text.matchAll(/^([ \t]*(?:param|output)[ \t]+\w+[ \t]+[^=\n']*?)\?([ \t]*(?:=|\/\/|\r?$))/gm)) {
    chars[m.index! + m[1]!.length] = ' ';
  }
  for (const m of text.matchAll(/^(\}(?:\[\])*)\?([ \t]*(?:=|\/\/|\r?$))/gm)) chars[m.index! + m[1]!.length] = ' ';
  const { strings, spreads } = scanStringsAndSpreads(text);
  for (const sp of spreads) {
    const rep = sp.inObject ? SPREAD_IN_OBJECT : SPREAD_IN_ARRAY;
    for (let i = 0; i < 3; i++) chars[sp.at + i] = rep[i]!;
  }
  for (const [from, to] of strings) {
    const seg = text.slice(from, to);
    if (!seg.includes('//') && !seg.includes('/*')) continue;
    for (let i = from; i < to; i++) if (chars[i] === '/') chars[i] = ':';
  }
  // A trailing comma before `)` (multi-line `func` parameter lists and calls) is not in the grammar.
  const inString = (at: number) => strings.some(([from, to]) => at >= from && at < to);
  for (const m of text.matchAll(/,(?=\s*\))/g)) if (!inString(m.index!)) chars[m.index!] = ' ';
  // Postfix non-null assertions (`x!`, `x!.y`, `x![0]`) are not in the grammar.
  for (const m of text.matchAll(/[\w\])]!(?=[\s)\],?:}.[])/g)) chars[m.index! + 1] = ' ';
  return { text: chars.join(''), importedNames };
}

/**
 * The spread operator `...x` (not in the grammar) becomes, with the same length, an object
 * property `__:x` inside objects and a double negation `!!x` inside arrays. The evaluator
 * recognises both by the original text (`isSpread`).
 */
export const SPREAD_IN_OBJECT = '__:';
export const SPREAD_IN_ARRAY = '!! ';

/** True when the original text at `offset` is a spread operator `...`. */
export function isSpread(source: string, offset: number): boolean {
  return source.startsWith('...', offset);
}

/** Nesting of `${ '...${ }' }` beyond this is not scanned (no real template comes close; it keeps the stack bounded). */
const MAX_INTERPOLATION_DEPTH = 200;

/**
 * Offsets [from, to) of the literal content of every single-quoted string (interpolations
 * excluded, nested strings inside interpolations included), and the spread operators with the
 * kind of bracket they are in; comments skipped.
 */
function scanStringsAndSpreads(text: string): { strings: [number, number][]; spreads: { at: number; inObject: boolean }[] } {
  const out: [number, number][] = [];
  const spreads: { at: number; inObject: boolean }[] = [];
  const stack: string[] = [];
  const n = text.length;
  // Scans code from i until an unmatched '}' at depth 0 (when inInterpolation) or the end.
  const code = (start: number, inInterpolation: boolean, depth0 = 0): number => {
    if (depth0 > MAX_INTERPOLATION_DEPTH) return n;
    let i = start;
    let depth = 0;
    while (i < n) {
      const c = text[i]!;
      if (c === '/' && text[i + 1] === '/') {
        while (i < n && text[i] !== '\n') i++;
        continue;
      }
      if (c === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? n : close + 2;
        continue;
      }
      if (c === "'") {
        if (text.startsWith("'''", i)) {
          const close = text.indexOf("'''", i + 3);
          i = close < 0 ? n : close + 3;
          continue;
        }
        i = str(i + 1, depth0);
        continue;
      }
      if (c === '.' && text.startsWith('...', i)) {
        spreads.push({ at: i, inObject: stack[stack.length - 1] === '{' });
        i += 3;
        continue;
      }
      if (c === '{' || c === '[' || c === '(') stack.push(c);
      else if (c === ']' || c === ')') stack.pop();
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0 && inInterpolation) return i + 1;
        depth = Math.max(0, depth - 1);
        stack.pop();
      }
      i++;
    }
    return n;
  };
  // Scans a string body from i (after the opening quote); returns the offset after the closing quote.
  const str = (start: number, depth0: number): number => {
    let i = start;
    let segStart = i;
    while (i < n) {
      const c = text[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') break;
      if (c === "'") {
        out.push([segStart, i]);
        return i + 1;
      }
      if (c === '$' && text[i + 1] === '{') {
        out.push([segStart, i]);
        i = code(i + 2, true, depth0 + 1);
        segStart = i;
        continue;
      }
      i++;
    }
    out.push([segStart, i]);
    return i;
  };
  code(0, false);
  return { strings: out, spreads };
}

/**
 * End offset (exclusive) of a statement starting at `start`: the first line break at bracket
 * depth 0 after some content, unless the next non-blank line continues it (`|`, `?`, `.`, `[`).
 * Strings (`'...'` with escapes, `'''...'''`) and comments are skipped.
 */
function statementEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === "'" && text.startsWith("'''", i)) {
      const close = text.indexOf("'''", i + 3);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (c === "'") {
      i++;
      while (i < n && text[i] !== "'" && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === '\n' && depth === 0) {
      const rest = /^[ \t\r\n]*(\S)/.exec(text.slice(i + 1, i + 400));
      const next = rest?.[1];
      if (next !== '|' && next !== '?' && next !== '.' && next !== '[') return i;
    }
    i++;
  }
  return n;
}
