/**
 * Renders the ARM templates the rule-table builders produce (`JSON.stringify(template, null, 2)`)
 * as Bicep with the same resources, values and parameters, so each ARM case has a Bicep twin:
 * - `parameters` → `param name type [= default]` (no default stays without one, as in ARM);
 * - `variables` → `var`; resources → `resource sym 'type@apiVersion' = { … }` (dependsOn dropped);
 * - template expressions `[…]` → Bicep expressions: `parameters('x')` / `variables('x')` become the
 *   identifier `x`; `resourceId(…)` of a resource declared in the template becomes its symbolic
 *   reference (`site_app1.id`, an inline subnet `virtualNetwork_vnet1.properties.subnets[0].id`),
 *   of any other resource stays `resourceId(…)`; `concat` of strings becomes an interpolated string
 *   (`'vnet-${uniqueString(resourceGroup().id)}'`); other functions keep their name.
 * Every object and array is written one property / item per line, so a property written
 * `"key": value` in the ARM text is written `key: value` on its own line here, and an array item
 * `{` sits on the line before its `name:` as in the ARM text.
 */

import { armText, parseArmExpression, type ArmAst } from './arm-expression.js';

type Json = unknown;
type Obj = Record<string, unknown>;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Bicep string literal for `s` (escapes `\`, `'` and `${`). */
export function bicepString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

/** A template expression string (`[…]`, not `[[…`)? */
function isExpression(s: string): boolean {
  return s.startsWith('[') && s.endsWith(']') && !s.startsWith('[[');
}

/** Symbolic references of the template's resources, by `type|name/segments` (lower-case type). */
type Symbols = Map<string, string>;

const refKey = (type: string, names: string[]) => `${type.toLowerCase()}|${names.join('/')}`;

/** Name segments of an ARM name (`'a/b'` literal or an expression) as matching keys. */
function nameKeys(name: unknown): string[] {
  const s = String(name);
  return isExpression(s) ? [armText(parseArmExpression(s.slice(1, -1)))] : s.split('/');
}

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
        const sym = symbols.get(refKey(a[0].v, a.slice(1).map((x) => (x.k === 'str' ? x.v : armText(x)))));
        if (sym) return sym;
      }
      if (f === 'concat' && a.length > 0 && a.every((x) => x.k !== 'num' && x.k !== 'bool')) {
        return `'${a.map((x) => (x.k === 'str' ? bicepString(x.v).slice(1, -1) : `\${${emit(x, symbols)}}`)).join('')}'`;
      }
      return `${e.f}(${a.map((x) => emit(x, symbols)).join(', ')})`;
    }
  }
}

/** ARM expression body → Bicep expression; `symbols` turns `resourceId(…)` of declared resources into references. */
export function bicepExpression(expr: string, symbols: Symbols = new Map()): string {
  return emit(parseArmExpression(expr), symbols);
}

/** A JSON value as a Bicep value, indented at `indent` spaces. */
export function bicepValue(v: Json, indent = 0, symbols: Symbols = new Map()): string {
  const pad = ' '.repeat(indent);
  if (v === null) return 'null';
  if (typeof v === 'string') return isExpression(v) ? bicepExpression(v.slice(1, -1), symbols) : bicepString(v.startsWith('[[') ? v.slice(1) : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${pad}  ${bicepValue(x, indent + 2, symbols)}`).join('\n')}\n${pad}]`;
  }
  const entries = Object.entries(v as Obj).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${pad}  ${IDENT.test(k) ? k : bicepString(k)}: ${bicepValue(x, indent + 2, symbols)}`).join('\n')}\n${pad}}`;
}

const PARAM_TYPES: Record<string, string> = { string: 'string', securestring: 'string', int: 'int', bool: 'bool', array: 'array', object: 'object', secureobject: 'object' };

/** A resource symbol for the `i`-th resource: its type's last segment and its name, sanitized. */
function symbolOf(r: Obj, i: number, used: Set<string>): string {
  const type = String(r.type ?? 'res').split('/').pop()!;
  const name = typeof r.name === 'string' && !isExpression(r.name) ? r.name.split('/').pop()! : `r${i}`;
  let sym = `${type.replace(/s$/, '')}_${name}`.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(sym)) sym = `r_${sym}`;
  while (used.has(sym)) sym += '_';
  used.add(sym);
  return sym;
}

/** The Bicep twin of an ARM template text. */
export function armToBicep(armText: string): string {
  const t = JSON.parse(armText) as Obj;
  const params = Object.entries((t.parameters ?? {}) as Record<string, Obj>);
  const vars = Object.entries((t.variables ?? {}) as Obj);
  const resources = (t.resources ?? []) as Obj[];
  const used = new Set<string>([...params.map(([k]) => k), ...vars.map(([k]) => k)]);
  const syms = resources.map((r, i) => symbolOf(r, i, used));
  const symbols: Symbols = new Map();
  resources.forEach((r, i) => {
    const names = nameKeys(r.name);
    symbols.set(refKey(String(r.type), names), `${syms[i]}.id`);
    if (String(r.type).toLowerCase() === 'microsoft.network/virtualnetworks') {
      const subnets = (((r.properties ?? {}) as Obj).subnets ?? []) as Obj[];
      subnets.forEach((sn, j) => symbols.set(refKey('Microsoft.Network/virtualNetworks/subnets', [...names, ...nameKeys(sn.name)]), `${syms[i]}.properties.subnets[${j}].id`));
    }
  });
  const out: string[] = [];
  for (const [name, p] of params) {
    const type = PARAM_TYPES[String(p.type ?? 'string').toLowerCase()] ?? 'string';
    out.push(p.defaultValue === undefined ? `param ${name} ${type}` : `param ${name} ${type} = ${bicepValue(p.defaultValue)}`);
  }
  if (params.length > 0) out.push('');
  // Variables may name resources too (`var subnetId = virtualNetwork_vnet1.properties.subnets[0].id`).
  for (const [name, v] of vars) out.push(`var ${name} = ${bicepValue(v, 0, symbols)}`);
  if (vars.length > 0) out.push('');
  resources.forEach((r, i) => {
    const body: Obj = {};
    for (const [k, v] of Object.entries(r)) if (!['type', 'apiVersion', 'dependsOn', 'comments'].includes(k)) body[k] = v;
    out.push(`resource ${syms[i]} '${String(r.type)}@${String(r.apiVersion)}' = ${bicepValue(body, 0, symbols)}`, '');
  });
  return out.join('\n');
}
