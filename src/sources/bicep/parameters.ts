import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { EvalValue } from '../eval-value.js';
import type { LoaderContext, SourceFile } from '../types.js';
import type { ParsedBicep } from './parse.js';

/** Where a template's parameter values come from. */
export type ParameterSource = { kind: 'bicepparam'; parsed: ParsedBicep } | { kind: 'json'; file: SourceFile };

/**
 * Pairs parameter files with templates (absolute template path → source): a `.bicepparam`
 * file's `using './main.bicep'`, then config entries (`ctx.parameterFiles`: parameter file display
 * path → template display path; `.bicepparam` or ARM JSON parameter files). The first pairing by
 * parameter-file path wins; registry `using` targets and `using none` pair with nothing.
 */
export function pairParameterFiles(
  paramFiles: ParsedBicep[],
  ctx: LoaderContext,
  byAbs: ReadonlyMap<string, SourceFile>,
): Map<string, ParameterSource> {
  const out = new Map<string, ParameterSource>();
  const parsedByPath = new Map(paramFiles.map((p) => [p.file.path, p]));
  for (const [paramPath, templatePath] of ctx.parameterFiles) {
    const template = ctx.files.get(templatePath);
    const paramFile = ctx.files.get(paramPath);
    if (!template || !paramFile || !templatePath.toLowerCase().endsWith('.bicep')) continue;
    const abs = path.resolve(template.absPath);
    if (out.has(abs)) continue;
    const parsed = parsedByPath.get(paramPath);
    if (parsed) out.set(abs, { kind: 'bicepparam', parsed });
    else if (paramPath.toLowerCase().endsWith('.json')) out.set(abs, { kind: 'json', file: paramFile });
  }
  for (const p of paramFiles) {
    const target = p.usingPath;
    if (!target) continue;
    const abs = path.resolve(path.dirname(path.resolve(p.file.absPath)), target.replace(/\\/g, '/'));
    if (!byAbs.has(abs) || out.has(abs)) continue;
    out.set(abs, { kind: 'bicepparam', parsed: p });
  }
  return out;
}

/** Values of an ARM JSON parameter file (`parameters.<name>.value`); Key Vault references are left out. */
export function jsonParameterValues(text: string): Map<string, EvalValue> {
  const out = new Map<string, EvalValue>();
  const doc = parseJsonc(text, [], { allowTrailingComma: true }) as unknown;
  if (!doc || typeof doc !== 'object') return out;
  const params = (doc as { parameters?: unknown }).parameters;
  if (!params || typeof params !== 'object') return out;
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (v && typeof v === 'object' && 'value' in v) out.set(k, (v as { value: EvalValue }).value);
  }
  return out;
}
