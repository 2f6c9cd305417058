import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { LineMap, type SourceRange } from '../../core/position.js';
import type { RNode, RObject } from '../../model/resolved-resource.js';
import type { SourceFile } from '../types.js';
import type { TfResourceInstance } from './instance.js';

/**
 * `terraform show -json` plan files (https://developer.hashicorp.com/terraform/internals/json-format):
 * resources come from `planned_values.root_module` (and its `child_modules`), whose `values` are
 * fully resolved — deleted resources are absent there. When the `.tf` configuration of the plan's
 * directory is also being checked, each value takes the range of the attribute that wrote it, so
 * findings point at `.tf` lines by resource address; otherwise at the plan file.
 */

/** True when the text looks like plan JSON (cheap: looks at the first few KB). */
export function isPlanJson(text: string): boolean {
  const head = text.slice(0, 4096);
  return /"format_version"\s*:/.test(head) && /"(planned_values|terraform_version|resource_changes)"\s*:/.test(text.slice(0, 65536));
}

export interface PlanLoad {
  instances: TfResourceInstance[];
  /** `line:col message` parse errors. */
  errors: string[];
}

/**
 * Reads a plan file. `configured` are the instances evaluated from the `.tf` files of `scope`
 * (possibly empty), used for ranges by address.
 */
export function loadPlan(file: SourceFile, configured: TfResourceInstance[], scope: string): PlanLoad {
  const lines = new LineMap(file.path, file.text);
  const errs: ParseError[] = [];
  const root = parseTree(file.text, errs, { allowTrailingComma: true, disallowComments: false });
  const errors = errs.map((e) => {
    const p = lines.position(e.offset);
    return `${p.line}:${p.column} Invalid JSON: ${printParseErrorCode(e.error)}`;
  });
  const instances: TfResourceInstance[] = [];
  if (!root) return { instances, errors };
  const byAddress = new Map(configured.map((c) => [c.address, c]));
  const visitModule = (mod: JsonNode | undefined) => {
    if (!mod || mod.type !== 'object') return;
    for (const res of arrayItems(member(mod, 'resources'))) {
      const address = str(member(res, 'address'));
      const type = str(member(res, 'type'));
      const name = str(member(res, 'name'));
      const mode = str(member(res, 'mode')) === 'data' ? 'data' : 'managed';
      const values = member(res, 'values');
      if (!address || !type || !name || !values || values.type !== 'object') continue;
      const conf = byAddress.get(address) ?? byAddress.get(address.replace(/\[[^\]]*\]$/, ''));
      const fallback = conf ? conf.range : lines.rangeOf(res.offset, res.offset + res.length);
      const body = toRNode(values, lines, conf?.body, fallback) as RObject;
      instances.push({ mode, type, name, address, body, range: fallback, scope });
    }
    for (const child of arrayItems(member(mod, 'child_modules'))) visitModule(child);
  };
  visitModule(member(member(root, 'planned_values'), 'root_module'));
  return { instances, errors };
}

/**
 * Converts a plan JSON value to an RNode. Ranges: the configured `.tf` node at the same path when
 * there is one (so findings land on `.tf` lines), else `fallback` when a configuration exists,
 * else the plan JSON's own range.
 */
function toRNode(n: JsonNode, lines: LineMap, conf: RNode | undefined, fallback: SourceRange): RNode {
  const own = lines.rangeOf(n.offset, n.offset + n.length);
  const range = conf ? conf.range : fallback.file === own.file ? own : fallback;
  switch (n.type) {
    case 'object': {
      const props: RObject['props'] = new Map();
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || !v || typeof k.value !== 'string') continue;
        const c = conf && conf.kind === 'object' ? conf.props.get(k.value.toLowerCase())?.node : undefined;
        props.set(k.value.toLowerCase(), { name: k.value, keyRange: c ? c.range : range, node: toRNode(v, lines, c, c ? c.range : range) });
      }
      return { kind: 'object', props, range };
    }
    case 'array':
      return {
        kind: 'array',
        items: (n.children ?? []).map((c, i) => {
          const ci = conf && conf.kind === 'array' ? conf.items[i] : undefined;
          return toRNode(c, lines, ci, ci ? ci.range : range);
        }),
        range,
      };
    default:
      return { kind: 'scalar', value: n.value as string | number | boolean | null, range };
  }
}

function member(n: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!n || n.type !== 'object') return undefined;
  for (const p of n.children ?? []) if (p.children?.[0]?.value === key) return p.children[1];
  return undefined;
}

function arrayItems(n: JsonNode | undefined): JsonNode[] {
  return n && n.type === 'array' ? n.children ?? [] : [];
}

function str(n: JsonNode | undefined): string | undefined {
  return n && n.type === 'string' ? (n.value as string) : undefined;
}
