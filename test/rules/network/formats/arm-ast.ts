/**
 * The small subset of ARM template JSON that the rule-table fixtures write, read back as data so
 * the same template can be printed as Bicep (`to-bicep.ts`) and as Terraform azurerm
 * (`to-terraform.ts`). Template expressions are limited to what the fixtures use:
 * `[parameters('x')]`, `[resourceId('<type>', '<name>', ...)]` and `[resourceGroup().location]`;
 * anything else throws, so a fixture can't silently become a different template.
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** One ARM resource of a fixture (top level only; the fixtures declare no nested `resources`). */
export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  location?: Json;
  sku?: Json;
  kind?: Json;
  properties?: JsonObject;
  dependsOn?: Json;
  [k: string]: Json | undefined;
}

/** An ARM parameter declaration: `type` (string, int, bool, array, object, securestring) and optional default. */
export interface ArmParameter {
  type: string;
  defaultValue?: Json;
}

export interface ArmTemplate {
  parameters: Record<string, ArmParameter>;
  resources: ArmResource[];
}

/** A template expression, parsed: a parameter, a resource id of a (type, names) or the resource group's location. */
export type ArmExpr =
  | { kind: 'parameter'; name: string }
  | { kind: 'resourceId'; type: string; names: string[] }
  | { kind: 'rgLocation' };

/** Reads a fixture template's text. Throws on anything beyond the subset described above. */
export function readArm(text: string): ArmTemplate {
  const t = JSON.parse(text) as JsonObject;
  return {
    parameters: (t.parameters ?? {}) as unknown as Record<string, ArmParameter>,
    resources: (t.resources ?? []) as unknown as ArmResource[],
  };
}

/** The parsed expression of a `[...]` string, or undefined for a literal string. Throws on unsupported expressions. */
export function armExpr(s: string): ArmExpr | undefined {
  if (!s.startsWith('[') || !s.endsWith(']') || s.startsWith('[[')) return undefined;
  const body = s.slice(1, -1).trim();
  let m = /^parameters\('([^']+)'\)$/.exec(body);
  if (m) return { kind: 'parameter', name: m[1]! };
  if (body === 'resourceGroup().location') return { kind: 'rgLocation' };
  m = /^resourceId\((.*)\)$/.exec(body);
  if (m) {
    const args = [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
    if (args.length < 2) throw new Error(`unsupported resourceId(): ${s}`);
    return { kind: 'resourceId', type: args[0]!, names: args.slice(1) };
  }
  throw new Error(`unsupported ARM expression in a fixture: ${s}`);
}

/** `name` split on `/` (a child resource's full name). */
export function nameParts(r: ArmResource): string[] {
  return r.name.split('/');
}

/** The full ARM resource id a `resourceId()` of an undeclared resource stands for (subscription and group are placeholders). */
export function literalId(type: string, names: string[]): string {
  const [ns, ...types] = type.split('/');
  const segs = types.map((t, i) => `${t}/${names[i]}`).join('/');
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/${ns}/${segs}`;
}
