import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { ChangedLines } from './changed-lines.js';

/**
 * Normalizes a path from a changed-files list or a diff to the display-path form (relative to
 * `cwd`, `/` separators, no leading `./`). Absolute paths are made relative to `cwd`.
 */
export function normalizeChangedPath(p: string, cwd?: string): string {
  let q = p.trim();
  if (cwd && isAbsolute(q)) q = relative(cwd, q).split(sep).join('/');
  q = q.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return q;
}

/** True when display path `file` is one of `changed` (paths as written in a changed-files list). */
export function inChangedFiles(file: string, changed: readonly string[], cwd?: string): boolean {
  const f = normalizeChangedPath(file);
  return changed.some((c) => normalizeChangedPath(c, cwd) === f);
}

/** Parses a newline-separated changed-files list (blank lines and `#` comments ignored). */
export function parseChangedFilesList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** How findings are limited to a change (reviewdog's filter modes). */
export type ScopeMode = 'file' | 'added';

/**
 * Keeps the findings a change is responsible for: `file` — located in a changed file; `added` —
 * the finding's range touches an added/changed line (any line from `line` to `endLine`).
 * Paths of `changed` are relative to the same root as the findings' display paths.
 */
export function filterByChange(findings: readonly Finding[], changed: ChangedLines, mode: ScopeMode): Finding[] {
  const byPath = new Map<string, Set<number>>();
  for (const [k, v] of changed) byPath.set(normalizeChangedPath(k), v);
  return findings.filter((f) => {
    const lines = byPath.get(normalizeChangedPath(f.range.file));
    if (!lines) return false;
    if (mode === 'file') return true;
    for (let l = f.range.line; l <= Math.max(f.range.line, f.range.endLine); l++) if (lines.has(l)) return true;
    return false;
  });
}

/** True when `line` of `file` is an added/changed line of the diff (a review comment may go there). */
export function isChangedLine(changed: ChangedLines, file: string, line: number): boolean {
  return changed.get(normalizeChangedPath(file))?.has(line) ?? false;
}
