import { parseTree } from 'jsonc-parser';
import type { FileFormat, SourceFile } from '../types.js';

/**
 * Which ARM format a JSON file is, cheaply: the top-level `$schema` (found by a scan of the
 * text before it, so a `$schema` of a nested template doesn't count) names
 * `deploymentTemplate` → `arm` or `deploymentParameters` → `arm-parameters`; without a
 * top-level `$schema`, an object with `resources` and `contentVersion` is `arm`. Anything else
 * (package.json, tsconfig, Terraform plan JSON) → undefined.
 */
export function claimArm(file: SourceFile): FileFormat | undefined {
  const lower = file.path.toLowerCase();
  if (!lower.endsWith('.json') && !lower.endsWith('.jsonc')) return undefined;
  const text = file.text;
  const at = text.indexOf('"$schema"');
  if (at >= 0 && depthAt(text, at) === 1) {
    const m = /^"\$schema"\s*:\s*"([^"]*)"/.exec(text.slice(at, at + 400));
    if (m) {
      const schema = m[1]!.toLowerCase();
      if (schema.includes('deploymenttemplate')) return 'arm';
      if (schema.includes('deploymentparameters')) return 'arm-parameters';
      return undefined;
    }
  }
  if (text.includes('"format_version"') && text.includes('"planned_values"')) return undefined;
  if (!text.includes('"contentVersion"') || !text.includes('"resources"')) return undefined;
  // No top-level $schema: accept an object whose top level has both members.
  return hasTopLevelMembers(text, ['contentversion', 'resources']) ? 'arm' : undefined;
}

/** Nesting depth of `{`/`[` at offset `end` (strings and comments skipped). */
function depthAt(text: string, end: number): number {
  let depth = 0;
  const limit = Math.min(end, text.length);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < limit && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < limit && text.charCodeAt(i) !== 10) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? limit : e + 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
  }
  return depth;
}

function hasTopLevelMembers(text: string, names: string[]): boolean {
  let root;
  try {
    root = parseTree(text, [], { allowTrailingComma: true });
  } catch {
    return false; // e.g. nesting too deep for the parser's recursion
  }
  if (root?.type !== 'object') return false;
  const keys = new Set((root.children ?? []).map((p) => String(p.children?.[0]?.value ?? '').toLowerCase()));
  return names.every((n) => keys.has(n));
}
