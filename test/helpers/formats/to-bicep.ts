import { isExpression, literal, nameKeys, obj, parseArmExpression, readArm, refKey, resourceIdNames, type ArmAst, type Obj } from './arm-source.js';

/**
 * Prints a fixture ARM template (see `arm-source.ts`) as the Bicep an author would write for it,
 * with the same resources, values and parameters:
 * - `parameters` → `param name type [= default]` (a parameter without `defaultValue` stays without
 *   one; `securestring`/`secureobject` get `@secure()`); `variables` → `var`;
 * - each resource → `resource <type>_<name> '<type>@<apiVersion>' = { … }` with `name` first,
 *   `dependsOn` and `comments` dropped; a child resource (`'vnet1/sub'`) whose parent the template
 *   declares gets `parent: <symbol>` (on the line before `name`) and its last name segment;
 * - expressions: `parameters('x')` / `variables('x')` → `x`; `resourceId(…)` of a declared
 *   resource → `<symbol>.id`, of an inline subnet → `<vnet>.properties.subnets[i].id`, of any
 *   other resource stays `resourceId(…)`; `concat` of strings → an interpolated string
 *   (`'vnet-${uniqueString(resourceGroup().id)}'`); other functions keep their name.
 * Every object and array is written one property / item per line, as in the pretty-printed ARM
 * JSON, so an array item's `{` sits on the line before its `name:` as in the ARM text.
 */
export function armToBicep(armText: string): string {
  return new BicepPrinter(armText).print();
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Bicep string literal for `s` (escapes `\`, `'` and `${`). */
export function bicepString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

/** Symbolic references of declared resources by {@link refKey}: `<symbol>.id` or an inline subnet's path. */
type Symbols = Map<string, string>;

function emit(e: ArmAst, symbols: Symbols): string {
  switch (e.k) {
    case 'str':
      return bicepString(e.v);
    case 'num':
    case 'bool':
      return String(e.v);
    case 'member':
      return `${emit(e.obj, symbols)}.${e.prop}`;
    case 'index':
      return `${emit(e.obj, symbols)}[${emit(e.index, symbols)}]`;
    case 'call': {
      const f = e.f.toLowerCase();
      const a = e.args;
      if ((f === 'parameters' || f === 'variables') && a.length === 1 && a[0]!.k === 'str') return a[0]!.v;
      if (f === 'resourceid' && a[0]?.k === 'str') {
        const sym = symbols.get(refKey(a[0].v, resourceIdNames(e)));
        if (sym) return sym;
      }
      if (f === 'concat' && a.length > 0 && a.every((x) => x.k !== 'num' && x.k !== 'bool')) {
        return `'${a.map((x) => (x.k === 'str' ? bicepString(x.v).slice(1, -1) : `\${${emit(x, symbols)}}`)).join('')}'`;
      }
      return `${e.f}(${a.map((x) => emit(x, symbols)).join(', ')})`;
    }
  }
}

/** An ARM expression body (without `[` `]`) as a Bicep expression; `symbols` turns `resourceId(…)` of declared resources into references. */
export function bicepExpression(expr: string, symbols: Symbols = new Map()): string {
  return emit(parseArmExpression(expr), symbols);
}

/** A JSON value as a Bicep value, its continuation lines indented at `indent` spaces. */
export function bicepValue(v: unknown, indent = 0, symbols: Symbols = new Map()): string {
  const pad = ' '.repeat(indent);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return isExpression(v) ? bicepExpression(v.slice(1, -1), symbols) : bicepString(literal(v));
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${pad}  ${bicepValue(x, indent + 2, symbols)}`).join('\n')}\n${pad}]`;
  }
  const entries = Object.entries(v as Obj).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${pad}  ${bicepKey(k)}: ${bicepValue(x, indent + 2, symbols)}`).join('\n')}\n${pad}}`;
}

function bicepKey(k: string): string {
  return IDENT.test(k) ? k : bicepString(k);
}

const PARAM_TYPES: Record<string, string> = { string: 'string', securestring: 'string', int: 'int', bool: 'bool', array: 'array', object: 'object', secureobject: 'object' };

class BicepPrinter {
  private readonly t;
  private readonly syms: string[];
  private readonly symbols: Symbols = new Map();

  constructor(text: string) {
    this.t = readArm(text);
    const used = new Set<string>([...Object.keys(this.t.parameters), ...Object.keys(this.t.variables)]);
    this.syms = this.t.resources.map((r, i) => symbolOf(r, i, used));
    this.t.resources.forEach((r, i) => {
      const names = nameKeys(r.name);
      this.symbols.set(refKey(String(r.type), names), `${this.syms[i]}.id`);
      if (String(r.type).toLowerCase() === 'microsoft.network/virtualnetworks') {
        const subnets = obj(r.properties).subnets;
        if (Array.isArray(subnets)) {
          subnets.forEach((sn, j) => this.symbols.set(refKey('Microsoft.Network/virtualNetworks/subnets', [...names, ...nameKeys(obj(sn).name)]), `${this.syms[i]}.properties.subnets[${j}].id`));
        }
      }
    });
  }

  print(): string {
    const out: string[] = [];
    const params = Object.entries(this.t.parameters);
    for (const [name, p] of params) {
      const armType = String(p.type ?? 'string').toLowerCase();
      if (armType.startsWith('secure')) out.push('@secure()');
      const type = PARAM_TYPES[armType] ?? 'string';
      out.push(p.defaultValue === undefined ? `param ${name} ${type}` : `param ${name} ${type} = ${bicepValue(p.defaultValue)}`);
    }
    if (params.length > 0) out.push('');
    // Variables may name resources too (`var subnetId = virtualNetwork_vnet1.properties.subnets[0].id`).
    const vars = Object.entries(this.t.variables);
    for (const [name, v] of vars) out.push(`var ${name} = ${bicepValue(v, 0, this.symbols)}`);
    if (vars.length > 0) out.push('');
    this.t.resources.forEach((r, i) => out.push(this.resource(r, i), ''));
    return out.join('\n');
  }

  /** The index of the declared parent of a child resource with a literal name (`'vnet1/sub'`), if any. */
  private parentOf(r: Obj): number {
    const type = String(r.type);
    if (isExpression(r.name) || type.split('/').length < 3) return -1;
    const names = String(r.name).split('/');
    const key = refKey(type.split('/').slice(0, -1).join('/'), names.slice(0, -1));
    return this.t.resources.findIndex((p) => refKey(String(p.type), nameKeys(p.name)) === key);
  }

  private resource(r: Obj, i: number): string {
    const parent = this.parentOf(r);
    const lines = [`resource ${this.syms[i]} '${String(r.type)}@${String(r.apiVersion)}' = {`];
    if (parent >= 0) lines.push(`  parent: ${this.syms[parent]}`);
    if (r.name !== undefined) lines.push(`  name: ${parent >= 0 ? bicepString(String(r.name).split('/').at(-1)!) : bicepValue(r.name, 2, this.symbols)}`);
    for (const [k, v] of Object.entries(r)) {
      if (['type', 'apiVersion', 'name', 'dependsOn', 'comments'].includes(k) || v === undefined) continue;
      lines.push(`  ${bicepKey(k)}: ${bicepValue(v, 2, this.symbols)}`);
    }
    lines.push('}');
    return lines.join('\n');
  }
}

/** A resource symbol for the `i`-th resource: its type's last segment (singular) and its name, sanitized and unique. */
function symbolOf(r: Obj, i: number, used: Set<string>): string {
  const type = String(r.type ?? 'res').split('/').pop()!;
  const name = typeof r.name === 'string' && !isExpression(r.name) ? r.name.split('/').pop()! : `r${i}`;
  let sym = `${type.replace(/s$/, '')}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(sym)) sym = `r_${sym}`;
  while (used.has(sym)) sym += '_';
  used.add(sym);
  return sym;
}
