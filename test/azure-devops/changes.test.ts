import { describe, expect, it } from '@jest/globals';
import type { AzureDevOpsApi, IterationChange, LineDiffBlock } from '../../src/report/azure-devops/api.js';
import { isPermissionError } from '../../src/report/azure-devops/api.js';
import { allIterationChanges, changeStatus, linesOfBlocks, loadPullRequestChanges } from '../../src/report/azure-devops/changes.js';

/** An in-memory AzureDevOpsApi answering only what loadPullRequestChanges reads. */
function fakeApi(changes: IterationChange[], opts: { pageMax?: number; diffs?: Record<string, LineDiffBlock[]>; diffError?: Error } = {}) {
  const calls: string[] = [];
  const api: AzureDevOpsApi = {
    listIterations: async () => [
      { id: 1, sourceCommit: 's1', targetCommit: 't1', commonCommit: 'c1' },
      { id: 2, sourceCommit: 's2', targetCommit: 't2', commonCommit: 'c2' },
    ],
    getIterationChanges: async (it, top, skip) => {
      calls.push(`changes it=${it} top=${top} skip=${skip}`);
      const n = Math.min(top, opts.pageMax ?? top);
      const page = changes.slice(skip, skip + n);
      return skip + n < changes.length ? { changes: page, nextSkip: skip + n, nextTop: n } : { changes: page };
    },
    getFileDiffs: async (base, head, files) => {
      calls.push(`diffs ${base}..${head} ${files.map((f) => f.path).join(',')}`);
      if (opts.diffError) throw opts.diffError;
      return files.map((f) => ({ path: f.path, blocks: opts.diffs?.[f.path] ?? [] }));
    },
    listThreads: async () => [],
    createThread: async () => 1,
    updateThreadStatus: async () => {},
    updateComment: async () => {},
    createStatus: async () => {},
  };
  return { api, calls };
}

const CHANGES: IterationChange[] = [
  { path: '/infra/main.json', changeType: 'edit', changeTrackingId: 1 },
  { path: '/infra', changeType: 'edit', changeTrackingId: 2, isFolder: true },
  { path: '/infra/new.bicep', changeType: 'add', changeTrackingId: 3 },
  { path: '/infra/renamed.tf', changeType: 'rename, edit', changeTrackingId: 4, originalPath: '/infra/old.tf' },
  { path: '/infra/gone.json', changeType: 'delete', changeTrackingId: 5 },
];

describe('changeStatus', () => {
  it('reads change type names and flag numbers', () => {
    expect(['edit', 'add', 'rename, edit', 'delete', 'delete, sourceRename'].map(changeStatus)).toEqual(['modified', 'added', 'renamed', 'removed', 'removed']);
    expect([2, 1, 10, 16].map(changeStatus)).toEqual(['modified', 'added', 'renamed', 'removed']);
  });
});

describe('linesOfBlocks', () => {
  it('keeps the modified-side lines of add and edit blocks', () => {
    expect([...linesOfBlocks([
      { changeType: 3, modifiedLineNumberStart: 4, modifiedLinesCount: 2 },
      { changeType: 'delete', modifiedLineNumberStart: 9, modifiedLinesCount: 0 },
      { changeType: 'add', modifiedLineNumberStart: 20, modifiedLinesCount: 1 },
      { changeType: 0, modifiedLineNumberStart: 30, modifiedLinesCount: 5 },
    ])]).toEqual([4, 5, 20]);
  });
});

describe('loadPullRequestChanges', () => {
  it('pages through the latest iteration\'s changes and takes lines from git when the checkout has both commits', async () => {
    const { api, calls } = fakeApi(CHANGES, { pageMax: 2 });
    expect(await allIterationChanges(api, 2, 2)).toHaveLength(5);
    calls.length = 0;
    const diff = 'diff --git a/infra/main.json b/infra/main.json\n--- a/infra/main.json\n+++ b/infra/main.json\n@@ -13 +13,3 @@\n-x\n+a\n+b\n+c\n';
    const seen: string[] = [];
    const ch = await loadPullRequestChanges(api, (base, head) => (seen.push(`${base}..${head}`), diff));
    // The server caps pages at 2 entries and says where the next starts.
    expect(calls).toEqual(['changes it=2 top=2000 skip=0', 'changes it=2 top=2 skip=2', 'changes it=2 top=2 skip=4']);
    expect(seen).toEqual(['c2..s2']);
    expect(ch.iterationId).toBe(2);
    expect(ch.linesFrom).toBe('git');
    expect([...ch.files]).toEqual(['infra/main.json', 'infra/new.bicep', 'infra/renamed.tf']);
    expect([...ch.changeTrackingIds]).toEqual([
      ['infra/main.json', 1],
      ['infra/new.bicep', 3],
      ['infra/renamed.tf', 4],
    ]);
    expect(ch.changedLines.get('infra/main.json')).toEqual(new Set([13, 14, 15]));
    expect(ch.changedLines.get('infra/new.bicep')).toEqual(new Set());
  });

  it('falls back to the file diffs API (10 files per call) when git lacks the commits', async () => {
    const many: IterationChange[] = Array.from({ length: 12 }, (_, i) => ({ path: `/f${i}.json`, changeType: 'edit', changeTrackingId: i + 1 }));
    const { api, calls } = fakeApi(many, { diffs: { '/f0.json': [{ changeType: 'edit', modifiedLineNumberStart: 7, modifiedLinesCount: 1 }] } });
    const ch = await loadPullRequestChanges(api, () => undefined);
    expect(ch.linesFrom).toBe('api');
    expect(calls.filter((c) => c.startsWith('diffs'))).toHaveLength(2);
    expect(calls[1]).toMatch(/^diffs c2\.\.s2 \/f0\.json,/);
    expect(ch.changedLines.get('f0.json')).toEqual(new Set([7]));
    expect(ch.changedLines.get('f1.json')).toEqual(new Set());
  });

  it('counts whole files as changed when the file diffs API fails, but lets permission errors through', async () => {
    const broken = fakeApi(CHANGES, { diffError: Object.assign(new Error('boom'), { statusCode: 500 }) });
    const ch = await loadPullRequestChanges(broken.api, () => undefined);
    expect(ch.linesFrom).toBe('none');
    expect(ch.changedLines.get('infra/main.json')).toBe('all');

    const denied = fakeApi(CHANGES, { diffError: Object.assign(new Error('TF401027: You need the Git permission'), { statusCode: 403 }) });
    await expect(loadPullRequestChanges(denied.api, () => undefined)).rejects.toThrow(/TF401027/);
  });
});

describe('isPermissionError', () => {
  it('knows 401, 403 and the TF permission codes', () => {
    expect(isPermissionError(Object.assign(new Error('x'), { statusCode: 401 }))).toBe(true);
    expect(isPermissionError(Object.assign(new Error('x'), { statusCode: 403 }))).toBe(true);
    expect(isPermissionError(new Error("TF401027: You need the Git 'PullRequestContribute' permission"))).toBe(true);
    expect(isPermissionError(Object.assign(new Error('bad'), { statusCode: 400 }))).toBe(false);
  });
});
