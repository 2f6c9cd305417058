import { describe, expect, it } from '@jest/globals';
import { FINGERPRINT_PROPERTY, KIND_PROPERTY, findingThread, planThreads, propertyValue, threadLine, type ExistingThread, type ThreadPlanInput } from '../../src/report/azure-devops/threads.js';
import { finding } from './findings.js';

const F1 = finding('network/subnet-overlap', 'infra/main.json', 14, 'aa01');
const F2 = finding('network/subnet-outside-vnet', 'infra/main.json', 15, 'bb02');
const OFF = finding('network/subnet-outside-vnet', 'infra/main.json', 40, 'cc03');

function input(over: Partial<ThreadPlanInput> = {}): ThreadPlanInput {
  return {
    reported: [F1, F2, OFF],
    stillFound: new Set(['aa01', 'bb02', 'cc03']),
    changedLines: new Map([['infra/main.json', new Set([13, 14, 15])]]),
    changeTrackingIds: new Map([['infra/main.json', 7]]),
    iterationId: 3,
    existing: [],
    summary: '## vnet-preflight: 3 errors',
    ...over,
  };
}

function ours(id: number, fp: string, status: ExistingThread['status']): ExistingThread {
  return { id, status, properties: { [KIND_PROPERTY]: 'finding', [FINGERPRINT_PROPERTY]: fp }, firstComment: { id: 1, content: `old ${fp}` } };
}

describe('propertyValue', () => {
  it('unwraps typed properties as the REST API returns them', () => {
    expect(propertyValue({ $type: 'System.String', $value: 'aa01' })).toBe('aa01');
    expect(propertyValue({ $type: 'System.Int32', $value: 1 })).toBe('1');
    expect(propertyValue({ type: 'System.String', value: 'x' })).toBe('x');
    expect(propertyValue('plain')).toBe('plain');
    expect(propertyValue({ $type: 'System.Object', $value: { a: 1 } })).toBeUndefined();
    expect(propertyValue(null)).toBeUndefined();
  });
});

describe('findingThread', () => {
  it('positions the thread with a leading-slash path, right-side start/end and the iteration context', () => {
    const t = findingThread(F1, 14, 3, 7);
    expect(t.threadContext).toEqual({ filePath: '/infra/main.json', rightFileStart: { line: 14, offset: 5 }, rightFileEnd: { line: 14, offset: 20 } });
    expect(t.pullRequestThreadContext).toEqual({ iterationContext: { firstComparingIteration: 1, secondComparingIteration: 3 }, changeTrackingId: 7 });
    expect(t.properties).toEqual({ [KIND_PROPERTY]: 'finding', [FINGERPRINT_PROPERTY]: 'aa01' });
    expect(t.comments[0]!.content).toContain('`network/subnet-overlap`');
    expect(t.comments[0]!.content).toContain('https://example.test/docs/rules/network/subnet-overlap.md');
    expect(t.status).toBe('active');
  });

  it('uses the first changed line inside a multi-line range', () => {
    const f = finding('r/x', 'a.json', 10, 'dd04', { endLine: 20 });
    expect(threadLine(f, new Set([3, 12, 18]))).toBe(12);
    expect(threadLine(f, new Set([3, 21]))).toBeUndefined();
    expect(threadLine(f, 'all')).toBe(10);
    const t = findingThread(f, 12, 1, undefined);
    expect(t.threadContext!.rightFileStart).toEqual({ line: 12, offset: 1 });
    expect(t.pullRequestThreadContext!.changeTrackingId).toBeUndefined();
  });
});

describe('planThreads', () => {
  it('first run: a thread per finding on a changed line, one summary thread, off-change findings left to the summary', () => {
    const plan = planThreads(input());
    expect(plan.create.map((c) => [c.finding.fingerprint, c.thread.threadContext!.rightFileStart.line])).toEqual([
      ['aa01', 14],
      ['bb02', 15],
    ]);
    expect(plan.offChange.map((f) => f.fingerprint)).toEqual(['cc03']);
    expect(plan.updates).toEqual([]);
    expect(plan.summary).toEqual({ create: expect.objectContaining({ status: 'active', properties: { [KIND_PROPERTY]: 'summary' } }) });
  });

  it('re-run: nothing new when every finding has its thread and the summary is unchanged', () => {
    const summary: ExistingThread = { id: 9, status: 'active', properties: { [KIND_PROPERTY]: 'summary' }, firstComment: { id: 1, content: '## vnet-preflight: 3 errors' } };
    const plan = planThreads(input({ existing: [ours(1, 'aa01', 'active'), ours(2, 'bb02', 'active'), summary] }));
    expect(plan.create).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.summary).toBeUndefined();
    expect(plan.alreadyPosted.map((f) => f.fingerprint)).toEqual(['aa01', 'bb02']);
  });

  it('sets fixed the threads of findings gone, reopens ours that came back, leaves won\'t-fix alone, ignores other people\'s threads', () => {
    const someone: ExistingThread = { id: 5, status: 'active', properties: { 'Microsoft.TeamFoundation.Discussion.SupportsMarkdown': '1' } };
    const plan = planThreads(
      input({
        reported: [F1, F2],
        stillFound: new Set(['aa01', 'bb02']),
        existing: [ours(1, 'aa01', 'fixed'), ours(2, 'bb02', 'wontFix'), ours(3, 'gone', 'active'), ours(4, 'gone2', 'closed'), someone],
      }),
    );
    expect(plan.create).toEqual([]);
    expect(plan.updates).toEqual([
      { threadId: 1, status: 'active', comment: { id: 1, content: expect.stringContaining('network/subnet-overlap') } },
      { threadId: 3, status: 'fixed' },
    ]);
  });

  it('does not fix a thread whose finding is still found but out of scope', () => {
    const plan = planThreads(input({ reported: [F1], stillFound: new Set(['aa01', 'bb02']), existing: [ours(2, 'bb02', 'active')] }));
    expect(plan.updates).toEqual([]);
  });

  it('closes the summary thread when nothing is reported any more, and creates none on a clean first run', () => {
    const summary: ExistingThread = { id: 9, status: 'active', properties: { [KIND_PROPERTY]: 'summary' }, firstComment: { id: 1, content: 'old' } };
    const plan = planThreads(input({ reported: [], stillFound: new Set(), existing: [summary], summary: '## ✅ clean' }));
    expect(plan.summary).toEqual({ update: { threadId: 9, status: 'closed', comment: { id: 1, content: '## ✅ clean' } } });
    expect(planThreads(input({ reported: [], stillFound: new Set(), summary: 'x' })).summary).toBeUndefined();
  });

  it('caps new threads; the rest overflow to the summary; a file with unknown lines takes threads on any line', () => {
    const plan = planThreads(input({ changedLines: new Map([['infra/main.json', 'all']]), maxNewThreads: 2 }));
    expect(plan.create.map((c) => c.finding.fingerprint)).toEqual(['aa01', 'bb02']);
    expect(plan.overflow.map((f) => f.fingerprint)).toEqual(['cc03']);
  });

  it('never plans two threads for one fingerprint, and skips deleted threads', () => {
    const deleted = { ...ours(1, 'aa01', 'active'), isDeleted: true };
    const plan = planThreads(input({ reported: [F1, F1], existing: [deleted] }));
    expect(plan.create).toHaveLength(1);
  });
});
