/**
 * A small parser for the ARM template expressions the rule-table builders write
 * (`parameters('x')`, `variables('x')`, `resourceId('T', 'a', variables('b'))`, `concat(…)`,
 * `uniqueString(resourceGroup().id)`), used to render their Terraform twins.
 * Grammar: string `'…'` (`''` escapes a quote), integer, `true`/`false`, call `f(args)`,
 * member `.name`, index `[expr]`. Throws on anything else.
 */
export type ArmAst =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'call'; f: string; args: ArmAst[] }
  | { k: 'member'; obj: ArmAst; prop: string }
  | { k: 'index'; obj: ArmAst; index: ArmAst };

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
