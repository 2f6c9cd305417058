import { parsePatch, type ChangedLines } from './changed-lines.js';

/** A changed file of a pull request as the hosts list it (GitHub list-files; Azure Repos iteration changes). */
export interface PullRequestFile {
  /** New-side path, relative to the repository root, `/` separators. */
  path: string;
  /** `added` | `modified` | `renamed` | `removed` | `copied` | `changed` | `unchanged`. */
  status: string;
  /** Unified-diff hunks of this file without headers (GitHub `patch`); absent for binary or very large diffs. */
  patch?: string;
}

/** What a pull request changed, for scoping findings and placing review comments. */
export interface PullRequestChanges {
  /** Changed (not removed) files. */
  files: Set<string>;
  /** Added/changed new-side lines per file; a file whose patch is unknown maps to `'all'`. */
  changedLines: Map<string, Set<number> | 'all'>;
  /** New-side lines inside the diff hunks (added and context lines): the only lines a review comment may sit on. */
  commentableLines: ChangedLines;
}

/**
 * Every new-side line inside the hunks of one file's patch (added and context lines), from the
 * hunk headers `@@ -a,b +c,d @@`: lines c … c+d-1.
 */
export function hunkLines(patch: string): Set<number> {
  const out = new Set<number>();
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let l = start; l < start + count; l++) out.add(l);
  }
  return out;
}

/**
 * Builds the change set from the listed files. Files without a `patch` get their lines from
 * `fallbackDiff` (a `git diff` of the same file, when the history is there), else count as
 * wholly changed (`'all'`) with no commentable line.
 */
export function pullRequestChanges(files: readonly PullRequestFile[], fallbackDiff?: (path: string) => string | undefined): PullRequestChanges {
  const out: PullRequestChanges = { files: new Set(), changedLines: new Map(), commentableLines: new Map() };
  for (const f of files) {
    if (f.status === 'removed') continue;
    out.files.add(f.path);
    const patch = f.patch ?? fallbackDiff?.(f.path);
    if (patch === undefined) {
      out.changedLines.set(f.path, 'all');
      continue;
    }
    out.changedLines.set(f.path, parsePatch(patch));
    out.commentableLines.set(f.path, hunkLines(patch));
  }
  return out;
}
