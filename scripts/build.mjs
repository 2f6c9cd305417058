#!/usr/bin/env node
/**
 * Bundles the entry points with @vercel/ncc into dist/<entry>/ (design.md, "Bundling notes").
 *
 *   node scripts/build.mjs            # every entry
 *   node scripts/build.mjs cli        # only the named entries
 *
 * Per entry: @vercel/ncc's API (like `ncc build <input> -e web-tree-sitter`, no cache, no source map;
 * ESM or CommonJS output per entry, with a package.json giving the module type),
 * then: the tool version replaces the `__VNET_PREFLIGHT_VERSION__` placeholder (src/engine/version.ts),
 * a `#!/usr/bin/env node` line for executables, web-tree-sitter's runtime files copied into
 * dist/<name>/node_modules/web-tree-sitter/ (bundling it breaks its Emscripten glue), and the
 * grammar .wasm files into dist/<name>/grammars/. The output is deterministic: CI rebuilds and
 * compares it with the committed dist/ (.ci/run).
 */
import ncc from '@vercel/ncc';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The bundles. `format`: 'esm' (the CLI; the Action, whose @actions/* deps are ESM-only) or 'cjs'
 * (the Azure DevOps task: azure-pipelines-task-lib is CommonJS, design.md "Platform facts"; ncc
 * turns our ESM sources into CommonJS, `import.meta.url` included, and web-tree-sitter.cjs ships).
 */
export const ENTRIES = [
  { name: 'cli', input: 'src/entry/cli.ts', out: 'dist/cli', format: 'esm', executable: true },
  { name: 'action', input: 'src/entry/action.ts', out: 'dist/action', format: 'esm', executable: false },
  { name: 'task', input: 'src/entry/task.ts', out: 'dist/task', format: 'cjs', executable: false },
];

/** Grammar files copied into dist/<entry>/grammars/ (the Bicep and Terraform loaders load them from there). */
const GRAMMARS = ['node_modules/tree-sitter-bicep/tree-sitter-bicep.wasm', 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'];
const WTS = 'node_modules/web-tree-sitter';
const VERSION_PLACEHOLDER = '__VNET_PREFLIGHT_VERSION__';

function log(msg) {
  process.stdout.write(`build: ${msg}\n`);
}

async function buildEntry(entry, version) {
  // Build into a staging folder; the committed dist/<name> is replaced only when everything worked.
  const final = join(ROOT, entry.out);
  const out = join(ROOT, 'dist', `.staging-${entry.name}`);
  rmSync(out, { recursive: true, force: true });
  const esm = entry.format === 'esm';
  let built;
  try {
    built = await ncc(join(ROOT, entry.input), {
      esm,
      externals: ['web-tree-sitter'],
      cache: false,
      sourceMap: false,
      sourceMapRegister: false,
      minify: false,
      quiet: true,
      target: 'es2022',
      filename: 'index.js',
      // Not transpileOnly: TypeScript's per-file transpile emits NodeNext modules as CommonJS (it
      // can't see package.json "type"), which changes the bundle. The cost: ts-loader type-checks
      // the whole tsconfig program, tests included, so any type error fails the build.
    });
  } catch (e) {
    throw new Error(`ncc failed for ${entry.name}; ${entry.out} left as it was:\n${e instanceof Error ? e.message : String(e)}`);
  }
  mkdirSync(out, { recursive: true });
  for (const [name, asset] of Object.entries(built.assets ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const p = join(out, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, asset.source);
  }
  // The bundle's module type: ESM or CommonJS, whatever the repository's "type" says. An asset
  // named package.json (a bundled library reading its own) keeps its fields (as the ncc CLI does).
  const pkgPath = join(out, 'package.json');
  const pkgJson = existsSync(pkgPath) ? JSON.parse(readFileSync(pkgPath, 'utf8')) : {};
  pkgJson.type = esm ? 'module' : 'commonjs';
  writeFileSync(pkgPath, JSON.stringify(pkgJson, null, 2) + '\n');

  // Post-process the bundle: version, shebang, mode.
  let code = String(built.code);
  code = code.split(`'${VERSION_PLACEHOLDER}'`).join(JSON.stringify(version)).split(`"${VERSION_PLACEHOLDER}"`).join(JSON.stringify(version));
  code = code.replace(/^#![^\n]*\n/, '');
  if (entry.executable) code = `#!/usr/bin/env node\n${code}`;
  const js = join(out, 'index.js');
  writeFileSync(js, code);
  chmodSync(js, entry.executable ? 0o755 : 0o644);

  // web-tree-sitter stays external: ship its runtime next to the bundle.
  const wtsOut = join(out, 'node_modules/web-tree-sitter');
  mkdirSync(wtsOut, { recursive: true });
  const wtsFiles = ['web-tree-sitter.js', 'web-tree-sitter.wasm', 'package.json', 'LICENSE'];
  if (!esm) wtsFiles.push('web-tree-sitter.cjs');
  for (const f of wtsFiles) copyFileSync(join(ROOT, WTS, f), join(wtsOut, f));

  const gOut = join(out, 'grammars');
  mkdirSync(gOut, { recursive: true });
  for (const g of GRAMMARS) copyFileSync(join(ROOT, g), join(gOut, g.split('/').pop()));

  rmSync(final, { recursive: true, force: true });
  renameSync(out, final);
  const files = listFiles(final);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  log(`${entry.name}: ${entry.out}/index.js, ${esm ? 'ESM' : 'CommonJS'} (${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}

function listFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

async function main() {
  // webpack names modules relative to the working directory (comments in the bundle): build from
  // the repository root whatever the caller's cwd, so the output is the same everywhere.
  process.chdir(ROOT);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !ENTRIES.some((e) => e.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`build: unknown entry ${unknown.join(', ')} (entries: ${ENTRIES.map((e) => e.name).join(', ')})\n`);
    process.exit(2);
  }
  for (const entry of ENTRIES) {
    if (wanted.length > 0 && !wanted.includes(entry.name)) continue;
    await buildEntry(entry, pkg.version);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`build: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
