import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Files the engine reads when the config has no `include` (design.md: ARM, Bicep, Terraform). */
export const DEFAULT_INCLUDE = ['**/*.json', '**/*.jsonc', '**/*.bicep', '**/*.bicepparam', '**/*.tf', '**/*.tfvars', '**/*.tf.json'];
/** Always excluded; the config's `exclude` adds to these. */
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/.terraform/**'];
/** Folder names never descended into. */
const PRUNED_DIRS = new Set(['node_modules', '.git', '.terraform']);

/** A file found on disk: absolute path and display path (relative to cwd, `/` separators). */
export interface FoundFile {
  absPath: string;
  path: string;
}

/** A command-line path that does not exist (the CLI exits 2). */
export class PathError extends Error {
  constructor(readonly path: string) {
    super(`path not found: ${path}`);
    this.name = 'PathError';
  }
}

/** Display path of an absolute path: relative to `cwd` with `/` separators (`../` when outside). */
export function displayPath(cwd: string, absPath: string): string {
  const rel = relative(cwd, absPath);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * Walks `paths` (files or folders, relative to `cwd`) and returns the files to check, sorted by
 * display path, without duplicates. Globs (picomatch, `dot: true`) match the display path, or,
 * for files outside `cwd`, the path relative to the folder walked. A file named explicitly is
 * checked whatever `include` says, unless excluded. Symbolic links to folders are not followed.
 * @throws PathError when a path does not exist.
 */
export function discoverFiles(
  paths: readonly string[],
  cwd: string,
  include: readonly string[],
  exclude: readonly string[],
): { files: FoundFile[]; roots: string[]; context: FoundFile[] } {
  const isIncluded = picomatch([...include], { dot: true });
  const isExcluded = picomatch([...exclude], { dot: true });
  const seen = new Map<string, FoundFile>();
  const roots: string[] = [];
  const add = (absPath: string, root: string, explicit: boolean) => {
    const disp = displayPath(cwd, absPath);
    const rel = disp.startsWith('../') ? displayPath(root, absPath) : disp;
    if (isExcluded(rel)) return;
    if (!explicit && !isIncluded(rel)) return;
    if (!seen.has(absPath)) seen.set(absPath, { absPath, path: disp });
  };
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new PathError(p);
    }
    if (st.isDirectory()) {
      roots.push(abs);
      walk(abs, (f) => add(f, abs, false));
    } else {
      roots.push(dirname(abs));
      add(abs, dirname(abs), true);
    }
  }
  const files = [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // A file checked on its own still needs what it references: its parameter file, linked
  // templates, Bicep modules in the folders below it. Those are read for reference only.
  const context: FoundFile[] = [];
  const explicitDirs = new Set<string>();
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    if (!statSync(abs).isDirectory()) explicitDirs.add(dirname(abs));
  }
  for (const dir of explicitDirs) {
    walk(dir, (f) => {
      if (seen.has(f) || context.length >= MAX_CONTEXT_FILES) return;
      const disp = displayPath(cwd, f);
      const rel = disp.startsWith('../') ? displayPath(dir, f) : disp;
      if (!isExcluded(rel) && isIncluded(rel)) context.push({ absPath: f, path: disp });
    });
  }
  return { files, roots: [...new Set(roots)], context };
}

/** At most this many files are read around files checked on their own (for their references). */
const MAX_CONTEXT_FILES = 2000;

function walk(dir: string, onFile: (abs: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to check there
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = resolve(dir, e.name);
    if (e.isDirectory()) {
      if (!PRUNED_DIRS.has(e.name)) walk(abs, onFile);
    } else if (e.isFile()) onFile(abs);
    else if (e.isSymbolicLink()) {
      try {
        if (statSync(abs).isFile()) onFile(abs);
      } catch {
        // dangling link
      }
    }
  }
}
