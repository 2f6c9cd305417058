import type { Finding } from '../../src/core/finding.js';
import { annotationBatches, toAnnotation } from '../../src/report/github/annotations.js';
import { checkRunPayload, conclusionOf } from '../../src/report/github/check-run.js';
import { marker, readMarker } from '../../src/report/github/marker.js';
import { commentBody, fixedBody, planReview } from '../../src/report/github/review.js';
import { findingsForChange } from '../../src/diff/pull-request-scope.js';
import { hunkLines, pullRequestChanges } from '../../src/diff/pull-request-files.js';
import type { RunResult } from '../../src/engine/engine.js';

function finding(n: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'network/subnet-overlap',
    severity: 'error',
    message: `problem ${n}`,
    range: { file: 'main.json', line: n, column: 5, endLine: n, endColumn: 20 },
    fingerprint: `f${String(n).padStart(4, '0')}`,
    helpUri: 'https://example.invalid/docs/rules/network/subnet-overlap.md',
    ...over,
  };
}

const all = (file: string, lines: number[]) => new Map([[file, new Set(lines)]]);

describe('review planning', () => {
  it('comments only on commentable lines and sends the rest to annotations', () => {
    const plan = planReview([finding(3), finding(40)], all('main.json', [1, 2, 3, 4]), []);
    expect(plan.review!.comments.map((c) => [c.path, c.line, c.side])).toEqual([['main.json', 3, 'RIGHT']]);
    expect(plan.offDiff.map((f) => f.range.line)).toEqual([40]);
  });

  it('caps comments at 30 per review and lists the rest in the body', () => {
    const fs = Array.from({ length: 35 }, (_x, i) => finding(i + 1));
    const plan = planReview(fs, all('main.json', fs.map((f) => f.range.line)), []);
    expect(plan.review!.comments.length).toBe(30);
    expect(plan.overflow.length).toBe(5);
    expect(plan.review!.body).toContain('`main.json:35`');
  });

  it('skips findings already commented, marks gone ones fixed and revives returning ones', () => {
    const existing = [
      { id: 1, body: commentBody(finding(3)), path: 'main.json', line: 3 },
      { id: 2, body: commentBody(finding(4)), path: 'main.json', line: 4 },
      { id: 3, body: fixedBody(commentBody(finding(5)), 'f0005'), path: 'main.json', line: 5 },
      { id: 4, body: 'a human comment', path: 'main.json', line: 3 },
    ];
    const plan = planReview([finding(3), finding(5)], all('main.json', [3, 4, 5]), existing);
    expect(plan.review).toBeUndefined();
    expect(plan.alreadyCommented.map((f) => f.fingerprint)).toEqual(['f0003', 'f0005']);
    expect(plan.updates.map((u) => [u.commentId, readMarker(u.body)])).toEqual([
      [3, { fingerprint: 'f0005', fixed: false }],
      [2, { fingerprint: 'f0004', fixed: true }],
    ]);
    expect(plan.updates[1]!.body).toContain('~~');
  });

  it('anchors a multi-line finding on its last commentable line', () => {
    const f = finding(10, { range: { file: 'main.json', line: 10, column: 1, endLine: 14, endColumn: 2 } });
    expect(planReview([f], all('main.json', [11, 12]), []).review!.comments[0]!.line).toBe(12);
  });

  it('reads only its own markers', () => {
    expect(readMarker(`x\n${marker('abc123')}`)).toEqual({ fingerprint: 'abc123', fixed: false });
    expect(readMarker('<!-- something else -->')).toBeUndefined();
  });
});

describe('check run payload', () => {
  it('batches annotations 50 per request, most severe first, with inclusive single-line columns', () => {
    const fs = [...Array.from({ length: 60 }, (_x, i) => finding(i + 1, { severity: 'note' })), finding(99)];
    const batches = annotationBatches(fs);
    expect(batches.map((b) => b.length)).toEqual([50, 11]);
    expect(batches[0]![0]).toMatchObject({ start_line: 99, annotation_level: 'failure' });
    expect(toAnnotation(finding(1))).toMatchObject({ start_column: 5, end_column: 19, title: 'network/subnet-overlap' });
    expect(toAnnotation(finding(1, { range: { file: 'a', line: 1, column: 3, endLine: 2, endColumn: 1 } })).start_column).toBeUndefined();
  });

  it('fails at or above fail-on, is neutral below it, succeeds without findings', () => {
    expect(conclusionOf([finding(1)], 'error')).toBe('failure');
    expect(conclusionOf([finding(1, { severity: 'warning' })], 'error')).toBe('neutral');
    expect(conclusionOf([], 'note')).toBe('success');
  });

  it('keeps the summary within 65,535 characters', () => {
    const fs = Array.from({ length: 3000 }, (_x, i) => finding(i + 1, { message: 'x'.repeat(200) }));
    const result: RunResult = { files: [], findings: fs, suppressed: [], unknowns: [], summary: { error: 3000, warning: 0, note: 0 } };
    const p = checkRunPayload(result, fs, 'error', 'Scope: everything.');
    expect(p.summary.length).toBeLessThanOrEqual(65_535);
    expect(p.summary).toContain('Scope: everything.');
    expect(p.title).toBe('3000 errors, 0 warnings, 0 notes');
  });
});

describe('pull request scope', () => {
  const patch = '@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n d';
  it('reads added lines and commentable (hunk) lines from a patch', () => {
    expect([...hunkLines(patch)]).toEqual([1, 2, 3, 4]);
    const c = pullRequestChanges([{ path: 'x.json', status: 'modified', patch }, { path: 'big.json', status: 'modified' }, { path: 'gone.json', status: 'removed' }]);
    expect([...(c.changedLines.get('x.json') as Set<number>)]).toEqual([2, 3]);
    expect(c.changedLines.get('big.json')).toBe('all');
    expect(c.files.has('gone.json')).toBe(false);
    expect(c.commentableLines.has('big.json')).toBe(false);
  });

  it('reports findings in changed files, and moves a finding caused by a changed line onto that line', () => {
    const changes = pullRequestChanges([{ path: 'nsg.json', status: 'modified', patch: '@@ -10,1 +10,1 @@\n-old\n+new' }]);
    const inChanged = finding(1, { range: { file: 'nsg.json', line: 99, column: 1, endLine: 99, endColumn: 2 } });
    const caused = finding(2, {
      range: { file: 'ise.json', line: 5, column: 1, endLine: 5, endColumn: 2 },
      related: [{ range: { file: 'nsg.json', line: 10, column: 3, endLine: 10, endColumn: 9 }, message: 'blocking rule' }],
    });
    const unrelated = finding(3, { range: { file: 'ise.json', line: 7, column: 1, endLine: 7, endColumn: 2 } });
    const out = findingsForChange([inChanged, caused, unrelated], changes);
    expect(out.map((f) => [f.range.file, f.range.line])).toEqual([
      ['nsg.json', 99],
      ['nsg.json', 10],
    ]);
    expect(out[1]!.message).toContain('ise.json:5');
    expect(out[1]!.related![0]!.range.file).toBe('ise.json');
  });
});

describe('review planning: fixed means gone from the run', () => {
  it('leaves a comment alone when its finding only left the pull request\'s scope', () => {
    const existing = [{ id: 9, body: commentBody(finding(3)), path: 'main.json', line: 3 }];
    const plan = planReview([], all('main.json', [3]), existing, undefined, new Set(['f0003']));
    expect(plan.updates).toEqual([]);
    expect(planReview([], all('main.json', [3]), existing, undefined, new Set()).updates.map((u) => u.commentId)).toEqual([9]);
  });
});
