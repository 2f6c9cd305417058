import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

describe('GitHub Action job: degraded paths', () => {
  it('a review GitHub refuses (422) is retried comment by comment; a refused finding stays in the annotations', async () => {
    const main = templateWithProblems();
    const ws = workspace({ 'infra/main.json': main });
    const state = freshState([{ filename: 'infra/main.json', status: 'added', patch: addedFilePatch(main) }], 'a'.repeat(40));
    const refused = lineOf(main, '"name": "a"');
    state.refuseLines = new Set([`infra/main.json:${refused}`]);
    const gh = await startFakeGitHub(state);
    try {
      const host = new RecordingHost();
      const ev: ActionEvent = { eventName: 'pull_request', payload: prEvent(7, 'a'.repeat(40)), sha: 'c'.repeat(40), owner: 'octo', repo: 'net', workspace: ws };
      const { outcome } = await runGitHubAction(inputs, ev, octokitApi('write-token', gh.url), host);
      expect(state.comments.map((c) => c.line)).toEqual([lineOf(main, '"name": "b"')]);
      expect(state.reviews.length).toBe(0); // the comment went through the single-comment endpoint, no review per comment
      expect(outcome!.commentsRefused.map((f) => [f.ruleId, f.range.line])).toEqual([['network/prefix-invalid', refused]]);
      const ann = state.checkRuns[0]!.output.annotations as { start_line: number }[];
      expect(ann.map((a) => a.start_line)).toContain(refused);
      expect(host.summary).toContain('could not be placed as review comments');
    } finally {
      await gh.close();
    }
  });

  it('takes the changed lines from git diff when GitHub omits a file\'s patch', async () => {
    const base = templateWithProblems({ fixFirst: true }).replace('"10.1.0.0/24"', '"10.0.1.0/24"');
    const head = templateWithProblems({ fixFirst: true });
    const ws = workspace({ 'infra/main.json': base });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=t', ...args], { cwd: ws }).toString().trim();
    git('add', '-A');
    git('commit', '-qm', 'base');
    const baseSha = git('rev-parse', 'HEAD');
    writeFileSync(path.join(ws, 'infra/main.json'), head);
    git('commit', '-qam', 'head');
    const headSha = git('rev-parse', 'HEAD');
    const state = freshState([{ filename: 'infra/main.json', status: 'modified' }], headSha);
    const gh = await startFakeGitHub(state);
    // The fake server checks comments against a patch: give it the one git has, as GitHub would have had.
    state.pull.files[0]!.patch = undefined;
    try {
      const payload = prEvent(7, headSha) as { pull_request: { base: { sha: string } } };
      payload.pull_request.base.sha = baseSha;
      const serverPatch = git('diff', '--unified=3', baseSha, headSha, '--', 'infra/main.json');
      const host = new RecordingHost();
      const api = octokitApi('write-token', gh.url);
      // GitHub lists the file without `patch`; the review is validated against the real diff.
      const listing = api.listPullFiles.bind(api);
      api.listPullFiles = async (t) => {
        const files = await listing(t);
        state.pull.files[0]!.patch = serverPatch.slice(serverPatch.indexOf('@@'));
        return files;
      };
      await runGitHubAction(inputs, { eventName: 'pull_request', payload: payload as unknown as Record<string, unknown>, sha: headSha, owner: 'octo', repo: 'net', workspace: ws }, api, host);
      expect(state.comments.map((c) => [c.path, c.line, c.body.includes('network/subnet-outside-vnet')])).toEqual([['infra/main.json', lineOf(head, '"name": "b"'), true]]);
    } finally {
      await gh.close();
    }
  });
});
