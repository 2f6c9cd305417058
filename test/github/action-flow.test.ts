import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { octokitApi } from '../../src/report/github/octokit-api.js';
import { runGitHubAction, type ActionHost, type ActionInputs, type ActionEvent } from '../../src/report/github/action-run.js';
import { readMarker } from '../../src/report/github/marker.js';
import { addedFilePatch, startFakeGitHub, type FakeState } from './fake-github.js';
import { lineOf, templateWithProblems, UNCHANGED_TEMPLATE, workspace } from './fixtures.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];
/** A real `pull_request.opened` payload, pointed at our repository and PR. */
function prEvent(number: number, headSha: string): Record<string, unknown> {
  const ex = structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'opened')!) as { pull_request: { number: number; head: { sha: string }; base: { sha: string } }; number: number };
  ex.number = number;
  ex.pull_request.number = number;
  ex.pull_request.head.sha = headSha;
  ex.pull_request.base.sha = 'b'.repeat(40);
  return ex as unknown as Record<string, unknown>;
}

class RecordingHost implements ActionHost {
  lines: string[] = [];
  warnings: string[] = [];
  annotations: { level: string; message: string; properties: Record<string, unknown> }[] = [];
  outputs: Record<string, string | number> = {};
  summary = '';
  failed?: string;
  info(l: string) { this.lines.push(l); }
  warning(m: string) { this.warnings.push(m); }
  annotate(level: 'error' | 'warning' | 'notice', message: string, properties: Record<string, unknown>) { this.annotations.push({ level, message, properties }); }
  setOutput(n: string, v: string | number) { this.outputs[n] = v; }
  async appendSummary(md: string) { this.summary += md; }
  setFailed(m: string) { this.failed = m; }
}

const inputs: ActionInputs = { paths: ['.'], failOn: 'error', scope: 'changed', reviewComments: true, checkName: 'vnet-preflight', sarifFile: 'out/vnet-preflight.sarif' };

function freshState(files: FakeState['pull']['files'], headSha: string): FakeState {
  return { owner: 'octo', repo: 'net', pull: { number: 7, headSha, files }, checkRuns: [], reviews: [], comments: [], log: [], writeTokens: new Set(['write-token']) };
}

describe('GitHub Action job against a local GitHub', () => {
  it('posts a check run and review comments on the changed lines, and never duplicates on re-runs', async () => {
    const main = templateWithProblems();
    const ws = workspace({ 'infra/main.json': main, 'legacy/old.json': UNCHANGED_TEMPLATE });
    const state = freshState([{ filename: 'infra/main.json', status: 'added', patch: addedFilePatch(main) }], 'a'.repeat(40));
    const gh = await startFakeGitHub(state);
    try {
      const ev: ActionEvent = { eventName: 'pull_request', payload: prEvent(7, 'a'.repeat(40)), sha: 'c'.repeat(40), owner: 'octo', repo: 'net', workspace: ws };
      const host = new RecordingHost();
      const api = octokitApi('write-token', gh.url);
      await runGitHubAction(inputs, ev, api, host);

      // The check run: both findings of the changed file, none of the unchanged one.
      expect(state.checkRuns.length).toBe(1);
      const run = state.checkRuns[0]!;
      expect(run.conclusion).toBe('failure');
      const ann = run.output.annotations as { path: string; start_line: number; title: string; annotation_level: string }[];
      expect(ann.map((a) => [a.path, a.start_line, a.title, a.annotation_level]).sort()).toEqual(
        [
          ['infra/main.json', lineOf(main, '"name": "a"'), 'network/prefix-invalid', 'failure'],
          ['infra/main.json', lineOf(main, '"name": "b"'), 'network/subnet-outside-vnet', 'failure'],
        ].sort(),
      );
      // One review with a comment on each finding's line, each carrying its fingerprint marker.
      expect(state.reviews.length).toBe(1);
      expect(state.comments.map((c) => [c.path, c.line]).sort()).toEqual([
        ['infra/main.json', lineOf(main, '"name": "a"')],
        ['infra/main.json', lineOf(main, '"name": "b"')],
      ]);
      expect(state.comments.every((c) => readMarker(c.body))).toBe(true);
      expect(state.comments.find((c) => c.body.includes('network/prefix-invalid'))!.body).toContain('docs/rules/network/prefix-invalid.md');
      expect(host.failed).toMatch(/2 finding\(s\) at or above 'error'/);
      expect(host.outputs).toMatchObject({ errors: 2, warnings: 0, conclusion: 'failure' });
      expect(host.summary).toContain('network/subnet-outside-vnet');
      expect(host.summary).not.toContain('legacy/old.json');
      const sarif = JSON.parse(readFileSync(path.join(ws, 'out/vnet-preflight.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
      expect(sarif.runs[0]!.results.length).toBe(3); // SARIF carries every finding, the unchanged file's too

      // Second run on the same PR: no new review, no new comment.
      await runGitHubAction(inputs, ev, api, new RecordingHost());
      expect(state.reviews.length).toBe(1);
      expect(state.comments.length).toBe(2);
      expect(state.checkRuns.length).toBe(2);

      // A push that fixes the first problem: its comment is rewritten as fixed, nothing new is posted.
      const fixed = templateWithProblems({ fixFirst: true });
      const ws2 = workspace({ 'infra/main.json': fixed, 'legacy/old.json': UNCHANGED_TEMPLATE });
      state.pull.files = [{ filename: 'infra/main.json', status: 'added', patch: addedFilePatch(fixed) }];
      await runGitHubAction(inputs, { ...ev, workspace: ws2 }, api, new RecordingHost());
      expect(state.comments.length).toBe(2);
      const fixedComment = state.comments.find((c) => c.body.includes('prefix-invalid'))!;
      expect(readMarker(fixedComment.body)).toMatchObject({ fixed: true });
      expect(readMarker(state.comments.find((c) => c.body.includes('subnet-outside-vnet'))!.body)).toMatchObject({ fixed: false });
      expect(state.log.filter((l) => l.status >= 400)).toEqual([]);
    } finally {
      await gh.close();
    }
  });

  it('with a read-only token (forks): workflow annotations, most severe first, and the summary; the job still fails', async () => {
    const main = templateWithProblems();
    const ws = workspace({ 'infra/main.json': main });
    const state = freshState([{ filename: 'infra/main.json', status: 'added', patch: addedFilePatch(main) }], 'a'.repeat(40));
    const gh = await startFakeGitHub(state);
    try {
      const host = new RecordingHost();
      const ev: ActionEvent = { eventName: 'pull_request', payload: prEvent(7, 'a'.repeat(40)), sha: 'c'.repeat(40), owner: 'octo', repo: 'net', workspace: ws };
      await runGitHubAction(inputs, ev, octokitApi('read-token', gh.url), host);
      expect(state.checkRuns.length).toBe(0);
      expect(state.reviews.length).toBe(0);
      expect(host.warnings.filter((w) => /read-only|forks/.test(w)).length).toBe(1);
      expect(host.annotations.map((a) => [a.level, a.properties.file, a.properties.startLine])).toEqual([
        ['error', 'infra/main.json', lineOf(main, '"name": "a"')],
        ['error', 'infra/main.json', lineOf(main, '"name": "b"')],
      ]);
      expect(host.summary).toContain('network/prefix-invalid');
      expect(host.failed).toBeDefined();
    } finally {
      await gh.close();
    }
  });

  it('on push: checks everything, check run and summary, no review', async () => {
    const main = templateWithProblems();
    const ws = workspace({ 'infra/main.json': main, 'legacy/old.json': UNCHANGED_TEMPLATE });
    const state = freshState([], 'a'.repeat(40));
    const gh = await startFakeGitHub(state);
    try {
      const host = new RecordingHost();
      await runGitHubAction({ ...inputs, failOn: 'never' }, { eventName: 'push', payload: {}, sha: 'd'.repeat(40), owner: 'octo', repo: 'net', workspace: ws }, octokitApi('write-token', gh.url), host);
      expect(state.checkRuns.map((r) => [r.head_sha, r.output.annotations.length, r.conclusion])).toEqual([['d'.repeat(40), 3, 'neutral']]);
      expect(state.reviews.length).toBe(0);
      expect(host.failed).toBeUndefined();
      expect(host.outputs.conclusion).toBe('neutral');
    } finally {
      await gh.close();
    }
  });
});
