import { Unknown } from '../../model/symbolic.js';
import type { SourceFile } from '../types.js';
import { member, members, plainValue, type ParsedFile } from './parsed-file.js';
import type { ParamSupplier } from './template-context.js';

/**
 * Pairs parameter files with templates: `x.parameters.json` → `x.json` in the same folder
 * (`azuredeploy.parameters.json` → `azuredeploy.json`), and the config's explicit mapping
 * (parameter-file display path → template display path), which wins. Returns template path →
 * parameter file. Other parameter files (`x.parameters.dev.json`) pair only through the config.
 */
export function pairParameterFiles(
  templates: readonly SourceFile[],
  parameterFiles: readonly SourceFile[],
  configured: ReadonlyMap<string, string>,
  allFiles: ReadonlyMap<string, SourceFile>,
): Map<string, SourceFile> {
  const byLower = new Map(templates.map((t) => [t.path.toLowerCase(), t] as const));
  const out = new Map<string, SourceFile>();
  for (const p of parameterFiles) {
    const m = /^(.*)\.parameters\.jsonc?$/i.exec(p.path);
    if (!m) continue;
    const t = byLower.get(`${m[1]!.toLowerCase()}.json`) ?? byLower.get(`${m[1]!.toLowerCase()}.jsonc`);
    if (t && !out.has(t.path)) out.set(t.path, p);
  }
  for (const [paramPath, templatePath] of configured) {
    const p = allFiles.get(paramPath) ?? parameterFiles.find((f) => f.path === paramPath);
    const t = byLower.get(templatePath.toLowerCase());
    if (p && t) out.set(t.path, p);
  }
  return out;
}

/**
 * Values of a parameter file (`parameters.<name>.value`), as suppliers keyed by lower-cased
 * name. Values are data (not evaluated). A Key Vault `reference` → Unknown `parameters('name')`.
 */
export function readParameterFile(pf: ParsedFile): Map<string, ParamSupplier> {
  const out = new Map<string, ParamSupplier>();
  for (const [k, v] of members(member(pf.root, 'parameters'))) {
    const name = k.value as string;
    const value = member(v, 'value');
    if (value) {
      const data = plainValue(value);
      const supplier: ParamSupplier = () => data;
      supplier.origin = { pf, node: value };
      out.set(name.toLowerCase(), supplier);
    } else if (member(v, 'reference')) {
      const u = new Unknown(`parameters('${name}')`, 'Key Vault reference');
      out.set(name.toLowerCase(), () => u);
    }
  }
  return out;
}
