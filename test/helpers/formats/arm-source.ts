/**
 * Reading the ARM fixture templates that rule tables write (`JSON.stringify(template, null, 2)`),
 * so the same template can be printed as Bicep (`to-bicep.ts`) and Terraform (`to-terraform.ts`).
 *
 * Template expressions (`"[…]"`; `"[[…"` is a literal starting with `[`) are parsed with a small
 * grammar: string `'…'` (`''` escapes a quote), integer, `true`/`false`, call `f(args)`, member
 * `.name`, index `[expr]` — enough for `parameters('x')`, `variables('x')`,
 * `resourceId('T', 'a', variables('b'))`, `concat(…)`, `uniqueString(resourceGroup().id)`,
 * `resourceGroup().location`. Anything else throws, so a fixture can't silently become a
 * different template. A printer throws {@link NoTwin} for what its language can't express.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
/** A loosely typed JSON object as read from a fixture. */
export type Obj = Record<string, unknown>;

/** Thrown by a printer when the target language can't express the template (the twin becomes a `test.todo`). */
export class NoTwin extends Error {}

/** An ARM parameter declaration: `type` (string, int, bool, array, object, securestring, secureobject) and optional default. */
export interface ArmParameter {
  type: string;
  defaultValue?: unknown;
}

/** The parts of a fixture template the printers read (top-level resources only). */
export interface ArmTemplate {
  parameters: Record<string, ArmParameter>;
  variables: Obj;
  resources: Obj[];
}

/** Reads a fixture template's text (JSON). Throws on invalid JSON. */
export function readArm(text: string): ArmTemplate {
  const t = JSON.parse(text) as Obj;
  return {
    parameters: (t.parameters ?? {}) as Record<string, ArmParameter>,
    variables: (t.variables ?? {}) as Obj,
    resources: (t.resources ?? []) as Obj[],
  };
}

/** A parsed template expression. */
export type ArmAst =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'call'; f: string; args: ArmAst[] }
  | { k: 'member'; obj: ArmAst; prop: string }
  | { k: 'index'; obj: ArmAst; index: ArmAst };

/** A template expression string (`[…]`, not the `[[…` escape)? */
export function isExpression(s: unknown): boolean {
  return typeof s === 'string' && s.startsWith('[') && s.endsWith(']') && !s.startsWith('[[');
}

/** The literal a non-expression string stands for (`[[x]` → `[x]`). */
export function literal(s: string): string {
  return s.startsWith('[[') ? s.slice(1) : s;
}

/** Parses an expression body (without the surrounding `[` `]`). */
export function parseArmExpression(src: string): ArmAst {
  let i = 0;
  const ws = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const expect = (c: string) => {
    ws();
    if (src[i] !== c) throw new Error(`expected '${c}' at ${i} in ${src}`);
    i++;
  };
  const primary = (): ArmAst => {
    ws();
    const c = src[i];
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      return { k: 'str', v: s };
    }
    const num = /^-?\d+/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return { k: 'num', v: Number(num[0]) };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (!id) throw new Error(`unexpected '${c}' at ${i} in ${src}`);
    i += id[0].length;
    if (id[0] === 'true' || id[0] === 'false') return { k: 'bool', v: id[0] === 'true' };
    expect('(');
    const args: ArmAst[] = [];
    ws();
    if (src[i] === ')') i++;
    else {
      for (;;) {
        args.push(expr());
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        expect(')');
        break;
      }
    }
    return { k: 'call', f: id[0], args };
  };
  const expr = (): ArmAst => {
    let e = primary();
    for (;;) {
      ws();
      if (src[i] === '.') {
        i++;
        const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
        if (!id) throw new Error(`expected a member name at ${i} in ${src}`);
        i += id[0].length;
        e = { k: 'member', obj: e, prop: id[0] };
      } else if (src[i] === '[') {
        i++;
        const index = expr();
        expect(']');
        e = { k: 'index', obj: e, index };
      } else return e;
    }
  };
  const e = expr();
  ws();
  if (i !== src.length) throw new Error(`trailing text at ${i} in ${src}`);
  return e;
}

/** Canonical ARM text of an expression (no spaces), used to match names written in different places. */
export function armText(e: ArmAst): string {
  switch (e.k) {
    case 'str':
      return `'${e.v.replace(/'/g, "''")}'`;
    case 'num':
      return String(e.v);
    case 'bool':
      return String(e.v);
    case 'call':
      return `${e.f}(${e.args.map(armText).join(',')})`;
    case 'member':
      return `${armText(e.obj)}.${e.prop}`;
    case 'index':
      return `${armText(e.obj)}[${armText(e.index)}]`;
  }
}

/** The parsed expression of an `[…]` string; throws on what the grammar doesn't cover. */
export function parseExpressionString(s: string): ArmAst {
  return parseArmExpression(s.slice(1, -1));
}

/** Name segments of an ARM resource name (`'vnet/subnet'` literal, or one key for an expression) as matching keys. */
export function nameKeys(name: unknown): string[] {
  return isExpression(name) ? [armText(parseExpressionString(String(name)))] : String(name).split('/');
}

/** Matching key of a resource: lower-case type and its name segments (`microsoft.network/virtualnetworks|vnet1`). */
export function refKey(type: string, names: string[]): string {
  return `${type.toLowerCase()}|${names.join('/')}`;
}

/** The name segments a `resourceId(type, a, b…)` call names (expression arguments as their canonical text). */
export function resourceIdNames(e: Extract<ArmAst, { k: 'call' }>): string[] {
  return e.args.slice(1).map((x) => (x.k === 'str' ? x.v : armText(x)));
}

/**
 * The full resource id a `resourceId(type, names…)` of a resource the template doesn't declare
 * stands for; subscription `00000000-…` and resource group `rg` are placeholders.
 */
export function literalId(type: string, names: string[]): string {
  const [ns, ...types] = type.split('/');
  const segs = types.map((t, i) => `${t}/${names[i]}`).join('/');
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/${ns}/${segs}`;
}

/** `v` as an object (`{}` for anything else). */
export function obj(v: unknown): Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}
