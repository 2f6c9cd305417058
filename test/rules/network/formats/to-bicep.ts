import { armExpr, nameParts, readArm, type ArmExpr, type ArmResource, type ArmTemplate, type Json } from './arm-ast.js';

/**
 * Prints a fixture ARM template (see `arm-ast.ts`) as the Bicep an author would write for it:
 * one `resource` per ARM resource with its symbolic name, `param` declarations (a parameter
 * without `defaultValue` becomes `param x <type>` without default), `x.id` for ids of resources
 * the file declares, `vnet.properties.subnets[i].id` for inline subnets, `parent:` for child
 * resources, no `dependsOn` (Bicep infers it). Every property sits on its own line, as in the
 * pretty-printed ARM JSON, so an object's first line is the line before its first property.
 */
export function armToBicep(armText: string): string {
  return new BicepPrinter(readArm(armText)).print();
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['resource', 'param', 'var', 'output', 'module', 'targetScope', 'if', 'for', 'in', 'true', 'false', 'null', 'existing', 'import', 'type', 'func']);

/** `'…'` with Bicep escapes. */
export function bicepString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${')}'`;
}

function bicepType(armType: string): string {
  const t = armType.toLowerCase();
  if (t === 'securestring') return 'string';
  if (t === 'secureobject') return 'object';
  return t;
}

class BicepPrinter {
  private readonly symbols = new Map<ArmResource, string>();

  constructor(private readonly t: ArmTemplate) {
    const used = new Set(Object.keys(t.parameters));
    for (const r of t.resources) {
      let base = nameParts(r).at(-1)!.replace(/[^A-Za-z0-9_]/g, '_');
      if (!/^[A-Za-z_]/.test(base) || KEYWORDS.has(base)) base = `r_${base}`;
      let sym = base;
      for (let i = 2; used.has(sym); i++) sym = `${base}${i}`;
      used.add(sym);
      this.symbols.set(r, sym);
    }
  }

  print(): string {
    const out: string[] = [];
    for (const [name, p] of Object.entries(this.t.parameters)) {
      if (p.type.toLowerCase().startsWith('secure')) out.push('@secure()');
      out.push(`param ${name} ${bicepType(p.type)}${p.defaultValue === undefined ? '' : ` = ${this.value(p.defaultValue, '')}`}`);
    }
    if (out.length > 0) out.push('');
    for (const r of this.t.resources) {
      out.push(this.resource(r), '');
    }
    return out.join('\n');
  }

  private resource(r: ArmResource): string {
    const lines = [`resource ${this.symbols.get(r)} '${r.type}@${r.apiVersion}' = {`];
    const parts = nameParts(r);
    const parent = parts.length > 1 ? this.find(r.type.split('/').slice(0, -1).join('/'), parts.slice(0, -1)) : undefined;
    if (parent) lines.push(`  parent: ${this.symbols.get(parent)}`);
    lines.push(`  name: ${bicepString(parent ? parts.at(-1)! : r.name)}`);
    for (const [k, v] of Object.entries(r)) {
      if (['type', 'apiVersion', 'name', 'dependsOn'].includes(k) || v === undefined) continue;
      lines.push(`  ${key(k)}: ${this.value(v, '  ')}`);
    }
    lines.push('}');
    return lines.join('\n');
  }

  /** The declared resource of this type and names, if any. */
  private find(type: string, names: string[]): ArmResource | undefined {
    return this.t.resources.find((r) => r.type.toLowerCase() === type.toLowerCase() && r.name === names.join('/'));
  }

  private expr(e: ArmExpr, raw: string): string {
    switch (e.kind) {
      case 'parameter':
        return e.name;
      case 'rgLocation':
        return 'resourceGroup().location';
      case 'resourceId': {
        const declared = this.find(e.type, e.names);
        if (declared) return `${this.symbols.get(declared)}.id`;
        if (e.type.toLowerCase() === 'microsoft.network/virtualnetworks/subnets' && e.names.length === 2) {
          const vnet = this.find('Microsoft.Network/virtualNetworks', [e.names[0]!]);
          const subnets = (vnet?.properties?.subnets ?? []) as { name?: string }[];
          const i = Array.isArray(subnets) ? subnets.findIndex((s) => s.name === e.names[1]) : -1;
          if (vnet && i >= 0) return `${this.symbols.get(vnet)}.properties.subnets[${i}].id`;
        }
        return raw.slice(1, -1);
      }
    }
  }

  private value(v: Json, indent: string): string {
    if (v === null) return 'null';
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      const e = armExpr(v);
      return e ? this.expr(e, v) : bicepString(v);
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((x) => `${inner}${this.value(x, inner)}`).join('\n')}\n${indent}]`;
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${key(k)}: ${this.value(x, inner)}`).join('\n')}\n${indent}}`;
  }
}

function key(k: string): string {
  return IDENT.test(k) ? k : bicepString(k);
}
