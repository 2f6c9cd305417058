/**
 * Benchmark (issue 2, "Benchmark (not a test)"): runs the engine over a corpus in ONE process and
 * prints, per section: files, MB, wall ms, files/s, peak RSS, and the ratio of the engine's wall
 * time to a floor measured in the same run (reading the same files and parsing each with the
 * cheapest parser of its format: `JSON.parse` for ARM, a tree-sitter parse for Bicep and Terraform).
 *
 *   npm run bench                         # corpus: ../shared/corpus-bulk (if present), every section
 *   npm run bench -- path/to/corpus       # another folder
 *   npm run bench -- path/to/corpus arm   # only some sections (arm, bicep, terraform)
 *
 * Each section: a warm-up read of its files (not timed, so both measurements see a warm file
 * cache), the floor, then the engine (`run()` with the section's include globs, all rules).
 * Sections: ARM, Bicep, Terraform (SECTIONS). Peak RSS is the process's, so it only grows.
 */
import { fileURLToPath } from 'node:url';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverFiles, DEFAULT_EXCLUDE } from '../src/engine/discover.js';
import { run } from '../src/engine/run.js';
import type { Config } from '../src/engine/config.js';
import { isTimedOut, loadLanguage, parseWithBudget } from '../src/sources/tree-sitter.js';

interface Section {
  /** Short name for `npm run bench -- <corpus> <key>...`. */
  key: string;
  name: string;
  /** Globs (relative to the corpus root) of the files this section gives the engine. */
  include: string[];
  /** Returns the cheapest parse of one file's text: the floor. Errors are ignored (the engine reports them). */
  floorParser: () => Promise<(text: string) => unknown>;
  /** Name of the floor, for the table. */
  floorName: string;
  /** `files[].format` values that count as "loaded by this section". */
  formats: string[];
}

/** A tree-sitter parse with the grammar the loader uses (the tree is freed at once). */
async function treeSitterFloor(grammar: string): Promise<(text: string) => unknown> {
  const language = await loadLanguage(grammar);
  return (text) => {
    const t = parseWithBudget(language, text, 2000);
    if (!isTimedOut(t)) t.delete();
  };
}

const SECTIONS: Section[] = [
  { key: 'arm', name: 'ARM (JSON templates and parameter files)', include: ['**/*.json'], floorParser: async () => (t) => JSON.parse(t), floorName: '`JSON.parse`', formats: ['arm', 'arm-parameters'] },
  { key: 'bicep', name: 'Bicep', include: ['**/*.bicep', '**/*.bicepparam'], floorParser: () => treeSitterFloor('tree-sitter-bicep.wasm'), floorName: 'tree-sitter parse', formats: ['bicep', 'bicepparam'] },
  { key: 'terraform', name: 'Terraform', include: ['**/*.tf', '**/*.tfvars'], floorParser: () => treeSitterFloor('tree-sitter-terraform.wasm'), floorName: 'tree-sitter parse', formats: ['terraform', 'tfvars'] },
];

/** `../shared/corpus-bulk` beside the repository (bench/ is one level below the root). */
const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus-bulk', import.meta.url));

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function peakRssMb(): string {
  return (process.resourceUsage().maxRSS / 1024).toFixed(0); // maxRSS is in kilobytes
}

async function bench(corpus: string, s: Section): Promise<void> {
  const { files } = discoverFiles(['.'], corpus, s.include, DEFAULT_EXCLUDE);
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f.absPath).length; // warm-up, untimed

  const floorParse = await s.floorParser();
  const t0 = performance.now();
  let parsed = 0;
  for (const f of files) {
    const text = readFileSync(f.absPath, 'utf8');
    try {
      floorParse(text);
      parsed++;
    } catch {
      // not parseable by the floor parser (e.g. JSON with comments): still read
    }
  }
  const floorMs = performance.now() - t0;

  const config: Config = { include: s.include, rules: {}, assumptions: {}, parameterFiles: {} };
  // Stage times from the engine's progress lines: discover, read, load, model, rules + finish.
  const marks: [string, number][] = [];
  const t1 = performance.now();
  const result = await run({ cwd: corpus, paths: ['.'], config, progress: (l) => marks.push([l.split(' ')[0]!, performance.now()]) });
  const engineMs = performance.now() - t1;
  const at = (word: string) => marks.find(([w]) => w === word)?.[1];
  const tRead = at('Reading') ?? t1;
  const tLoad = at('Loading') ?? tRead;
  const tCheck = at('Checking') ?? t1 + engineMs;
  const tModel = at('Building') ?? tCheck;
  const stages = `discover ${(tRead - t1).toFixed(0)}, read ${(tLoad - tRead).toFixed(0)}, load ${(tModel - tLoad).toFixed(0)}, model ${(tCheck - tModel).toFixed(0)}, rules + finish ${(t1 + engineMs - tCheck).toFixed(0)}`;

  const loaded = result.files.filter((f) => s.formats.includes(f.format)).length;
  const parseErrors = result.findings.filter((f) => f.ruleId === 'parse/error').length;
  const internal = result.findings.filter((f) => f.ruleId === 'internal/error').length;
  const rows: [string, string][] = [
    ['files given to the engine', String(files.length)],
    ['files loaded as this format', String(loaded)],
    ['MB', mb(bytes)],
    ['engine wall ms', engineMs.toFixed(0)],
    ['engine files/s', (files.length / (engineMs / 1000)).toFixed(0)],
    [`floor wall ms (read + ${s.floorName})`, `${floorMs.toFixed(0)} (${parsed} parsed)`],
    ['engine / floor', `${(engineMs / floorMs).toFixed(1)}×`],
    ['engine stages ms', stages],
    ['peak RSS MB (process)', peakRssMb()],
    ['findings (error/warning/note)', `${result.summary.error}/${result.summary.warning}/${result.summary.note}`],
    ['parse/error, internal/error', `${parseErrors}, ${internal}`],
  ];
  process.stdout.write(`\n## ${s.name}\n\n| measure | value |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
}

async function main(): Promise<void> {
  const corpus = resolve(process.argv[2] ?? DEFAULT_CORPUS);
  if (!existsSync(corpus)) {
    process.stdout.write(`bench: corpus ${corpus} not found; nothing to measure.\n`);
    return;
  }
  process.stdout.write(`vnet-preflight benchmark — corpus ${corpus}, Node ${process.version}, ${process.platform}/${process.arch}\n`);
  const keys = process.argv.slice(3);
  for (const s of SECTIONS) if (keys.length === 0 || keys.includes(s.key)) await bench(corpus, s);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
