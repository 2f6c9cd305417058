import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Unknown } from '../../../src/model/symbolic.js';
import type { Loader, LoaderContext, LoaderOutput, SourceFile } from '../../../src/sources/types.js';

/**
 * Conformance of the Bicep loader with the ARM loader (issue 3, "Tests"): a quickstart folder's
 * `main.bicep` and its compiled twin `azuredeploy.json` must give the same network model —
 * entities matched by kind and key, fields compared with ranges, format, scope and display text
 * left out. A difference where either side is unknown is explained (unknown vs known); any other
 * is reported.
 */

const UNKNOWN = '<unknown>';
const SKIP_FIELDS = new Set(['range', 'keyRange', 'format', 'scope', 'display', 'sourceType']);

/** Entity fields as plain data: Values → their value or `<unknown>`. */
export function normalize(x: unknown): unknown {
  if (x instanceof Unknown) return UNKNOWN;
  if (Array.isArray(x)) return x.map(normalize);
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('known' in o && 'range' in o) return o.known ? normalize(o.value) : UNKNOWN;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (!SKIP_FIELDS.has(k) && v !== undefined) out[k] = normalize(v);
    return out;
  }
  return x;
}

/** Differences between two normalized values that are not explained by an unknown on either side. */
export function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a === UNKNOWN || b === UNKNOWN) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${at}: ${a.length} items vs ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], `${at}[${i}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = a as Record<string, unknown>;
    const kb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ka), ...Object.keys(kb)]);
    const out: string[] = [];
    for (const k of keys) {
      // `unknown` markers of value lists (ValueList.unknown) and absent-vs-unknown are explained.
      if (ka[k] === undefined && kb[k] === UNKNOWN) continue;
      if (kb[k] === undefined && ka[k] === UNKNOWN) continue;
      out.push(...differences(ka[k], kb[k], `${at}.${k}`));
    }
    return out;
  }
  if (typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase()) return [];
  return a === b ? [] : [`${at}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`];
}

/** Every file under `dir` (recursively) as SourceFiles, display paths relative to `base`. */
export function folderFiles(dir: string, base: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const abs = path.join(d, name);
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else if (/\.(bicep|bicepparam|json)$/i.test(name)) {
        out.push({ path: path.relative(base, abs).split(path.sep).join('/'), absPath: abs, text: readFileSync(abs, 'utf8') });
      }
    }
  };
  walk(dir);
  return out;
}

/** A loader context over `files` rooted at `root`. */
export function contextFor(files: SourceFile[], root: string): LoaderContext {
  return { files: new Map(files.map((f) => [f.path, f])), roots: [root], parameterFiles: new Map(), parseBudgetMs: 10000 };
}

export interface ModelBuilder {
  buildModel(resources: LoaderOutput['resources'], entities: LoaderOutput['entities']): { entities: { kind: string; key: string }[] };
}

/** Result of comparing one folder. */
export interface PairResult {
  folder: string;
  agree: boolean;
  /** A local module of the Bicep side is not in the corpus: the Bicep model is partial. */
  incomplete: boolean;
  bicepEntities: number;
  armEntities: number;
  diffs: string[];
}

/**
 * Loads `main.bicep` (with the folder's other Bicep files for its modules) and `azuredeploy.json`
 * alone (no parameter file, so both use parameter defaults), builds both models and compares them.
 */
export async function comparePair(folder: string, bicep: Loader, arm: Loader, builder: ModelBuilder): Promise<PairResult> {
  const base = path.dirname(folder);
  const all = folderFiles(folder, base);
  const ctx = contextFor(all, folder);
  const main = all.find((f) => f.absPath === path.join(folder, 'main.bicep'))!;
  const bicepFiles = all.filter((f) => f.path.toLowerCase().endsWith('.bicep'));
  const armFile = all.find((f) => f.absPath === path.join(folder, 'azuredeploy.json'))!;
  const b = await bicep.load(bicepFiles, ctx);
  // No parameter file on the ARM side (the loader would take one from beside the template).
  const a = await arm.load([armFile], contextFor(all.filter((f) => !/parameters[^/]*\.json$/i.test(f.path)), folder));
  const bModel = builder.buildModel(b.resources.filter((r) => r.scope === main.path), b.entities);
  const aModel = builder.buildModel(a.resources, a.entities);
  const index = (m: { entities: { kind: string; key: string }[] }) => {
    const map = new Map<string, unknown>();
    for (const e of m.entities) map.set(`${e.kind} ${e.key}`, normalize(e));
    return map;
  };
  const bi = index(bModel);
  const ai = index(aModel);
  const diffs: string[] = [];
  for (const [k, v] of bi) {
    // `existing` resources are known by name only and compile to nothing in ARM; a resource whose
    // condition is unknown on one side may be absent on the other (unknown vs known).
    if (!ai.has(k) && ((v as { existing?: boolean }).existing || (v as { conditional?: boolean }).conditional)) continue;
    if (!ai.has(k)) diffs.push(`only in Bicep: ${k}`);
    else diffs.push(...differences(v, ai.get(k)).map((d) => `${k}${d}`));
  }
  for (const [k, v] of ai) if (!bi.has(k) && !(v as { conditional?: boolean }).conditional) diffs.push(`only in ARM: ${k}`);
  const incomplete = b.findings.some((f) => f.ruleId === 'load/missing-file' || f.ruleId === 'load/outside-root' || f.ruleId === 'load/remote-module');
  return { folder, agree: diffs.length === 0, incomplete, bicepEntities: bi.size, armEntities: ai.size, diffs };
}

/** Folders under `root` that hold both `main.bicep` and `azuredeploy.json`. */
export function pairFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    if (names.includes('main.bicep') && names.includes('azuredeploy.json')) out.push(d);
    for (const n of names) {
      const abs = path.join(d, n);
      try {
        if (statSync(abs).isDirectory()) walk(abs);
      } catch {
        /* unreadable: skip */
      }
    }
  };
  walk(root);
  return out.sort();
}
