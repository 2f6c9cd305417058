/**
 * Parser of the ARM template expression language (the text inside `[...]` strings):
 * function calls `name(args)` (names may be namespaced: `ns.fn`), string literals `'it''s'`,
 * integer literals, `true`/`false`/`null`, member access `.prop` and index access `[expr]`.
 * See https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions.
 */
export type Expr =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'lit'; v: boolean | null }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'member'; obj: Expr; name: string }
  | { k: 'index'; obj: Expr; index: Expr };

/** Thrown on malformed expression text; the evaluator turns it into an Unknown. */
export class ExpressionSyntaxError extends Error {}

/** True when a JSON string is an ARM expression: `[...]` but not the `[[` escape. */
export function isExpressionString(s: string): boolean {
  return s.length >= 2 && s.charCodeAt(0) === 91 && s.charCodeAt(s.length - 1) === 93 && s.charCodeAt(1) !== 91;
}

/** The literal text of a non-expression JSON string (`[[x]` → `[x]`). */
export function literalString(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 91 && s.charCodeAt(1) === 91 ? s.slice(1) : s;
}

const cache = new Map<string, Expr>();
const CACHE_LIMIT = 50_000;

/** Parses the text between the brackets of an expression string; results are cached. Throws `ExpressionSyntaxError`. */
export function parseExpression(text: string): Expr {
  const hit = cache.get(text);
  if (hit) return hit;
  const p = new Parser(text);
  const e = p.parseExpr();
  p.skipWs();
  if (p.pos < text.length) throw new ExpressionSyntaxError(`unexpected '${text[p.pos]}' at position ${p.pos + 1}`);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, e);
  return e;
}

const IDENT = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?\d+(\.\d+)?/y;

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  skipWs(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++;
      else break;
    }
  }

  parseExpr(): Expr {
    this.skipWs();
    let e = this.parsePrimary();
    for (;;) {
      this.skipWs();
      const c = this.s[this.pos];
      if (c === '.') {
        this.pos++;
        this.skipWs();
        const name = this.ident();
        if (!name) throw new ExpressionSyntaxError(`property name expected at position ${this.pos + 1}`);
        e = { k: 'member', obj: e, name };
      } else if (c === '[') {
        this.pos++;
        const index = this.parseExpr();
        this.expect(']');
        e = { k: 'index', obj: e, index };
      } else return e;
    }
  }

  private parsePrimary(): Expr {
    const c = this.s[this.pos];
    if (c === undefined) throw new ExpressionSyntaxError('expression expected');
    if (c === "'") return { k: 'str', v: this.string() };
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(this.s);
      if (!m) throw new ExpressionSyntaxError(`number expected at position ${this.pos + 1}`);
      this.pos += m[0].length;
      return { k: 'num', v: Number(m[0]) };
    }
    const name = this.qualifiedIdent();
    if (!name) throw new ExpressionSyntaxError(`unexpected '${c}' at position ${this.pos + 1}`);
    this.skipWs();
    if (this.s[this.pos] !== '(') {
      const lower = name.toLowerCase();
      if (lower === 'true') return { k: 'lit', v: true };
      if (lower === 'false') return { k: 'lit', v: false };
      if (lower === 'null') return { k: 'lit', v: null };
      throw new ExpressionSyntaxError(`'(' expected after '${name}'`);
    }
    this.pos++;
    const args: Expr[] = [];
    this.skipWs();
    if (this.s[this.pos] === ')') {
      this.pos++;
      return { k: 'call', name, args };
    }
    for (;;) {
      args.push(this.parseExpr());
      this.skipWs();
      const d = this.s[this.pos];
      if (d === ',') this.pos++;
      else if (d === ')') {
        this.pos++;
        return { k: 'call', name, args };
      } else throw new ExpressionSyntaxError(`',' or ')' expected at position ${this.pos + 1}`);
    }
  }

  private ident(): string {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.s);
    if (!m) return '';
    this.pos += m[0].length;
    return m[0];
  }

  /** `name` or `namespace.name` when followed by `(` (user-defined functions). */
  private qualifiedIdent(): string {
    const first = this.ident();
    if (!first) return '';
    const save = this.pos;
    if (this.s[this.pos] === '.') {
      this.pos++;
      const second = this.ident();
      if (second && this.s[this.pos] === '(') return `${first}.${second}`;
      this.pos = save;
    }
    return first;
  }

  private string(): string {
    let out = '';
    this.pos++;
    for (;;) {
      const i = this.s.indexOf("'", this.pos);
      if (i < 0) throw new ExpressionSyntaxError('unterminated string literal');
      out += this.s.slice(this.pos, i);
      if (this.s[i + 1] === "'") {
        out += "'";
        this.pos = i + 2;
      } else {
        this.pos = i + 1;
        return out;
      }
    }
  }

  private expect(c: string): void {
    this.skipWs();
    if (this.s[this.pos] !== c) throw new ExpressionSyntaxError(`'${c}' expected at position ${this.pos + 1}`);
    this.pos++;
  }
}
