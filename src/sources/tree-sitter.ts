import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/**
 * Shared web-tree-sitter set-up for the Bicep and Terraform loaders.
 *
 * WASM files are found at run time in two layouts (design.md, "Bundling notes"):
 * - the ncc bundle: grammars in a `grammars/` folder next to the bundle file, and web-tree-sitter
 *   in `node_modules/web-tree-sitter/` next to it (copied there by the build script);
 * - development and tests: the npm packages under `node_modules`.
 * Paths are computed from `import.meta.url` (a literal `new URL('./x.wasm', import.meta.url)` is
 * rewritten by ncc and breaks).
 */

/** Grammar wasm files this project uses, by file name → npm package that ships it. */
const GRAMMAR_PACKAGES: Record<string, string> = {
  'tree-sitter-bicep.wasm': 'tree-sitter-bicep',
  'tree-sitter-terraform.wasm': '@tree-sitter-grammars/tree-sitter-hcl',
  'tree-sitter-hcl.wasm': '@tree-sitter-grammars/tree-sitter-hcl',
};

function hereDir(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/** Folder of an installed npm package, or undefined (resolves `<pkg>/package.json`, or a file the package exports). */
function packageDir(pkg: string, exportedFile = 'package.json'): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve(`${pkg}/${exportedFile}`));
  } catch {
    return undefined;
  }
}

/**
 * Absolute path of a wasm file: first `<bundle dir>/grammars/<file>` (and, for web-tree-sitter's
 * own wasm, `<bundle dir>/node_modules/web-tree-sitter/<file>`), then the npm package's folder.
 * Throws when the file is found nowhere (an installation problem, not user content).
 */
export function locateWasm(fileName: string): string {
  const here = hereDir();
  const candidates: string[] = [path.join(here, 'grammars', fileName)];
  if (fileName === 'web-tree-sitter.wasm' || fileName === 'tree-sitter.wasm') {
    candidates.push(path.join(here, 'node_modules', 'web-tree-sitter', fileName));
    candidates.push(path.join(here, fileName));
    const dir = packageDir('web-tree-sitter', 'web-tree-sitter.wasm');
    if (dir) candidates.push(path.join(dir, fileName), path.join(dir, 'web-tree-sitter.wasm'));
  } else {
    const pkg = GRAMMAR_PACKAGES[fileName];
    const dir = pkg ? packageDir(pkg) : undefined;
    if (dir) candidates.push(path.join(dir, fileName));
  }
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`tree-sitter: cannot find ${fileName} (looked in ${candidates.join(', ')})`);
}

let initPromise: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

/** Initializes web-tree-sitter once per process (cached promise). */
export function initTreeSitter(): Promise<void> {
  initPromise ??= Parser.init({
    locateFile: (name: string) => locateWasm(name === 'tree-sitter.wasm' ? 'web-tree-sitter.wasm' : name),
  });
  return initPromise;
}

/** Loads a grammar by wasm file name (e.g. `tree-sitter-bicep.wasm`), once per process. */
export function loadLanguage(fileName: string): Promise<Language> {
  let p = languages.get(fileName);
  if (!p) {
    p = initTreeSitter().then(() => Language.load(locateWasm(fileName)));
    languages.set(fileName, p);
  }
  return p;
}

/** Result of a budgeted parse: the tree, or a marker that the budget ran out. */
export type BudgetedParse = Tree | { timedOut: true };

/**
 * Parses `text` with `language`, cancelling when it runs longer than `budgetMs` milliseconds
 * (web-tree-sitter's `progressCallback`; tree-sitter's error recovery can take tens of seconds on
 * large invalid files, issue 3 "Bad input"). The caller owns the returned tree (`tree.delete()`).
 */
export function parseWithBudget(language: Language, text: string, budgetMs: number): BudgetedParse {
  const parser = new Parser();
  try {
    parser.setLanguage(language);
    const deadline = Date.now() + budgetMs;
    const tree = parser.parse(text, null, { progressCallback: () => Date.now() > deadline });
    if (!tree) return { timedOut: true };
    return tree;
  } finally {
    parser.delete();
  }
}

/** True when a budgeted parse ran out of time. */
export function isTimedOut(r: BudgetedParse): r is { timedOut: true } {
  return (r as { timedOut?: boolean }).timedOut === true;
}
