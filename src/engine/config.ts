import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { isSeverity, type Severity } from '../core/severity.js';
import type { Assumptions } from '../model/model.js';

/** Name of the config file looked up in the working directory when `--config` is not given. */
export const CONFIG_FILE_NAME = '.vnet-preflight.yml';

/** A rule's configured level: a severity that replaces the rule's own, or `off`. */
export type RuleLevel = Severity | 'off';

/**
 * The parsed `.vnet-preflight.yml` (design.md, "Config file").
 * - `include`: globs (picomatch, relative to the working directory) that REPLACE the default includes.
 * - `exclude`: globs ADDED to the default excludes (`node_modules`, `.git`, `.terraform`).
 * - `rules`: per-rule severity or `off`, by rule id.
 * - `assumptions`: facts the templates can't show (ExpressRoute, custom DNS), `true` or VNet names.
 * - `parameterFiles`: parameter file → template it parameterizes (display paths).
 * - `parseBudgetMs`: per-file parse budget in milliseconds.
 */
export interface Config {
  include?: string[];
  exclude?: string[];
  rules: Record<string, RuleLevel>;
  assumptions: Assumptions;
  parameterFiles: Record<string, string>;
  parseBudgetMs?: number;
  /** Display path of the config file it was read from, when it was read from one. */
  path?: string;
}

/** A config file that can't be used; `message` is one line naming the file and line. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** An empty config (all defaults). */
export function emptyConfig(): Config {
  return { rules: {}, assumptions: {}, parameterFiles: {} };
}

/** Absolute path of `.vnet-preflight.yml` in `cwd`, or undefined when there is none. */
export function findConfig(cwd: string): string | undefined {
  const p = join(cwd, CONFIG_FILE_NAME);
  return existsSync(p) ? p : undefined;
}

/**
 * Reads and validates a config file. `display` names the file in errors.
 * @throws ConfigError when the file can't be read, isn't YAML, or has unknown keys or bad values.
 */
export function loadConfig(absPath: string, display: string, opts: ParseOptions = {}): Config {
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (e) {
    throw new ConfigError(display, 1, `cannot read the config file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return { ...parseConfig(text, display, opts), path: display };
}

export interface ParseOptions {
  /**
   * Rule ids a `rules:` entry may name. Ids of the engine's own findings (`parse/…`, `load/…`,
   * `internal/error`, `suppression/…`) are always accepted. When absent, any `scenario/name` id is accepted.
   */
  knownRuleIds?: ReadonlySet<string>;
}

const TOP_KEYS = ['include', 'exclude', 'rules', 'assumptions', 'parameterFiles', 'parseBudgetMs'];
const ASSUMPTION_KEYS = ['expressRoute', 'customDns'];
const ENGINE_ID = /^(parse|load|internal|suppression)\/[a-z0-9-]+$/;

/**
 * Parses config text (YAML). An empty file is an empty config.
 * @throws ConfigError naming `file` and the 1-based line of the first problem.
 */
export function parseConfig(text: string, file: string, opts: ParseOptions = {}): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = lc.linePos(err.pos[0]).line;
    throw new ConfigError(file, line, `invalid YAML: ${err.message.split('\n')[0]}`);
  }
  const lineOf = (n: YamlNode | null | undefined): number => (n && n.range ? lc.linePos(n.range[0]).line : 1);
  const fail = (n: YamlNode | null | undefined, reason: string): never => {
    throw new ConfigError(file, lineOf(n), reason);
  };
  const cfg = emptyConfig();
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return cfg;
  if (!isMap(root)) return fail(root, 'the config must be a mapping of keys (include, exclude, rules, assumptions, parameterFiles, parseBudgetMs)');

  for (const pair of (root as YAMLMap).items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const val = pair.value as YamlNode | null;
    switch (key) {
      case 'include':
      case 'exclude':
        cfg[key] = stringList(val, key, fail);
        break;
      case 'rules':
        cfg.rules = ruleLevels(val, opts, fail);
        break;
      case 'assumptions':
        cfg.assumptions = assumptions(val, fail);
        break;
      case 'parameterFiles':
        cfg.parameterFiles = stringMap(val, 'parameterFiles', fail);
        break;
      case 'parseBudgetMs': {
        const v = isScalar(val) ? val.value : undefined;
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(val ?? keyNode, '`parseBudgetMs` must be a positive whole number of milliseconds');
        cfg.parseBudgetMs = v as number;
        break;
      }
      default:
        fail(keyNode, `unknown key \`${key}\` (expected one of: ${TOP_KEYS.join(', ')})`);
    }
  }
  return cfg;
}

type Fail = (n: YamlNode | null | undefined, reason: string) => never;

function stringList(val: YamlNode | null, key: string, fail: Fail): string[] {
  if (isScalar(val) && typeof val.value === 'string') return [val.value];
  if (!isSeq(val)) return fail(val, `\`${key}\` must be a list of glob patterns`);
  return val.items.map((it) => {
    const n = it as YamlNode;
    if (!isScalar(n) || typeof n.value !== 'string' || n.value === '') return fail(n, `\`${key}\` entries must be non-empty strings (glob patterns)`);
    return n.value;
  });
}

function stringMap(val: YamlNode | null, key: string, fail: Fail): Record<string, string> {
  if (!isMap(val)) return fail(val, `\`${key}\` must be a mapping of parameter file to template file`);
  const out: Record<string, string> = {};
  for (const pair of val.items) {
    const k = pair.key as YamlNode;
    const v = pair.value as YamlNode | null;
    if (!isScalar(k) || typeof k.value !== 'string') return fail(k, `\`${key}\` keys must be file paths`);
    if (!isScalar(v) || typeof v.value !== 'string' || v.value === '') return fail(v ?? k, `\`${key}\`: \`${k.value}\` must map to a template file path`);
    out[normalizeRel(k.value)] = normalizeRel(v.value);
  }
  return out;
}

function ruleLevels(val: YamlNode | null, opts: ParseOptions, fail: Fail): Record<string, RuleLevel> {
  if (isScalar(val) && val.value === null) return {};
  if (!isMap(val)) return fail(val, '`rules` must be a mapping of rule id to error, warning, note or off');
  const out: Record<string, RuleLevel> = {};
  for (const pair of val.items) {
    const k = pair.key as YamlNode;
    const v = pair.value as YamlNode | null;
    const id = isScalar(k) ? String(k.value) : '';
    const known = ENGINE_ID.test(id) || (opts.knownRuleIds ? opts.knownRuleIds.has(id) : /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id));
    if (!known) return fail(k, `unknown rule id \`${id}\` in \`rules\``);
    const level = isScalar(v) ? v.value : undefined;
    // YAML 1.2 reads `off` as a string; tolerate `false` too.
    if (level === false || level === 'off') out[id] = 'off';
    else if (isSeverity(level)) out[id] = level;
    else return fail(v ?? k, `rule \`${id}\`: level must be error, warning, note or off (got \`${String(level)}\`)`);
  }
  return out;
}

function assumptions(val: YamlNode | null, fail: Fail): Assumptions {
  if (isScalar(val) && val.value === null) return {};
  if (!isMap(val)) return fail(val, '`assumptions` must be a mapping (expressRoute, customDns)');
  const out: Assumptions = {};
  for (const pair of val.items) {
    const k = pair.key as YamlNode;
    const v = pair.value as YamlNode | null;
    const key = isScalar(k) ? String(k.value) : '';
    if (!ASSUMPTION_KEYS.includes(key)) return fail(k, `unknown assumption \`${key}\` (expected one of: ${ASSUMPTION_KEYS.join(', ')})`);
    let parsed: boolean | string[];
    if (isScalar(v) && typeof v.value === 'boolean') parsed = v.value;
    else if (isSeq(v)) {
      parsed = v.items.map((it) => {
        const n = it as YamlNode;
        if (!isScalar(n) || typeof n.value !== 'string') return fail(n, `\`assumptions.${key}\` lists VNet names (strings)`);
        return n.value;
      });
    } else return fail(v ?? k, `\`assumptions.${key}\` must be true, false or a list of VNet names`);
    out[key as keyof Assumptions] = parsed;
  }
  return out;
}

/** `./a\\b.json` → `a/b.json`: display-path form of a relative path written in the config. */
export function normalizeRel(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
