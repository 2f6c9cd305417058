import { parseUnifiedDiff } from '../../diff/changed-lines.js';
import type { PullRequestChanges } from '../../diff/pull-request-files.js';
import { FILE_DIFFS_MAX_FILES, ITERATION_CHANGES_PAGE, isPermissionError, type AzureDevOpsApi, type IterationChange, type LineDiffBlock } from './api.js';

/** What an Azure Repos pull request changed, with what thread positions need. */
export interface AzurePullRequestChanges extends PullRequestChanges {
  /** The latest iteration id. */
  iterationId: number;
  /** Change tracking id per changed file (path without leading `/`). */
  changeTrackingIds: Map<string, number>;
  /** Where the changed lines came from: `git` (local diff), `api` (file diffs API) or `none` (whole files count). */
  linesFrom: 'git' | 'api' | 'none';
  sourceCommit?: string;
  baseCommit?: string;
}

/** Upper bound on iteration change pages read (2,000 entries each). */
const MAX_PAGES = 100;

/** `VersionControlChangeType` (names or flag numbers) → the `PullRequestFile.status` words. */
export function changeStatus(changeType: string | number): string {
  if (typeof changeType === 'number') {
    if (changeType & 16) return 'removed';
    if (changeType & 1) return 'added';
    if (changeType & 8) return 'renamed';
    return 'modified';
  }
  const t = changeType.toLowerCase();
  if (/\bdelete\b/.test(t)) return 'removed';
  if (/\badd\b/.test(t)) return 'added';
  if (/\brename\b/.test(t)) return 'renamed';
  return 'modified';
}

function stripSlash(p: string): string {
  return p.replace(/^\/+/, '');
}

/** Every change entry of an iteration, following `nextSkip`/`nextTop` page by page. */
export async function allIterationChanges(api: AzureDevOpsApi, iterationId: number, pageSize = ITERATION_CHANGES_PAGE): Promise<IterationChange[]> {
  const out: IterationChange[] = [];
  let skip = 0;
  let top = pageSize;
  for (let page = 0; page < MAX_PAGES; page++) {
    const p = await api.getIterationChanges(iterationId, top, skip);
    out.push(...p.changes);
    if (p.nextSkip === undefined || p.nextSkip <= skip || p.changes.length === 0) break;
    skip = p.nextSkip;
    top = p.nextTop && p.nextTop > 0 ? p.nextTop : top;
  }
  return out;
}

/** New-side lines a file diff adds or edits (blocks of change type add 1 / edit 3). */
export function linesOfBlocks(blocks: readonly LineDiffBlock[]): Set<number> {
  const out = new Set<number>();
  for (const b of blocks) {
    const t = typeof b.changeType === 'string' ? b.changeType.toLowerCase() : b.changeType;
    if (!(t === 1 || t === 3 || t === 'add' || t === 'edit')) continue;
    for (let l = b.modifiedLineNumberStart; l < b.modifiedLineNumberStart + b.modifiedLinesCount; l++) out.add(l);
  }
  return out;
}

/**
 * Loads what the pull request changed: the latest iteration, its changes (paged, with
 * `changeTrackingId`), and the changed lines — from `gitDiff(base, source)` (a local `git diff`,
 * undefined when the checkout lacks either commit, e.g. a shallow fetch), else from the file diffs
 * API, else whole files count as changed. Permission errors propagate (the caller falls back).
 * @throws when the pull request has no iteration, or an API call fails.
 */
export async function loadPullRequestChanges(api: AzureDevOpsApi, gitDiff: (base: string, head: string) => string | undefined, log: (line: string) => void = () => {}): Promise<AzurePullRequestChanges> {
  const iterations = await api.listIterations();
  if (iterations.length === 0) throw new Error('the pull request has no iteration');
  const latest = iterations.reduce((a, b) => (b.id > a.id ? b : a));
  const entries = (await allIterationChanges(api, latest.id)).filter((c) => !c.isFolder && c.path);
  const out: AzurePullRequestChanges = {
    files: new Set(),
    changedLines: new Map(),
    commentableLines: new Map(),
    iterationId: latest.id,
    changeTrackingIds: new Map(),
    linesFrom: 'none',
    sourceCommit: latest.sourceCommit,
    baseCommit: latest.commonCommit ?? latest.targetCommit,
  };
  const live: IterationChange[] = [];
  for (const c of entries) {
    if (changeStatus(c.changeType) === 'removed') continue;
    const p = stripSlash(c.path);
    out.files.add(p);
    if (c.changeTrackingId !== undefined) out.changeTrackingIds.set(p, c.changeTrackingId);
    live.push(c);
  }

  const setLines = (lines: (p: string) => Set<number> | undefined) => {
    for (const p of out.files) {
      const l = lines(p);
      out.changedLines.set(p, l ?? 'all');
      if (l) out.commentableLines.set(p, l);
    }
  };
  const base = out.baseCommit;
  const head = out.sourceCommit;
  if (base && head) {
    const diff = gitDiff(base, head);
    if (diff !== undefined) {
      const parsed = parseUnifiedDiff(diff);
      out.linesFrom = 'git';
      setLines((p) => parsed.get(p) ?? new Set());
      return out;
    }
    try {
      const byPath = new Map<string, Set<number>>();
      for (let i = 0; i < live.length; i += FILE_DIFFS_MAX_FILES) {
        const batch = live.slice(i, i + FILE_DIFFS_MAX_FILES).map((c) => ({ path: c.path.startsWith('/') ? c.path : `/${c.path}`, ...(c.originalPath ? { originalPath: c.originalPath } : {}) }));
        for (const d of await api.getFileDiffs(base, head, batch)) byPath.set(stripSlash(d.path), linesOfBlocks(d.blocks));
      }
      out.linesFrom = 'api';
      setLines((p) => byPath.get(p));
      return out;
    } catch (e) {
      if (isPermissionError(e)) throw e;
      log(`could not read the file diffs (${(e as Error).message}); whole changed files count as changed`);
    }
  }
  setLines(() => undefined);
  return out;
}
