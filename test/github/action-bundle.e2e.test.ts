import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readMarker } from '../../src/report/github/marker.js';
import { addedFilePatch, startFakeGitHub, type FakeState } from './fake-github.js';
import { lineOf, templateWithProblems, UNCHANGED_TEMPLATE, workspace } from './fixtures.js';

const run = promisify(execFile);
const BUNDLE = path.join(process.cwd(), 'dist/action/index.js');
const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, unknown>[] }[];

/** Runs the committed bundle as a runner would: env vars for inputs, event, API URL, summary and outputs files. */
async function runBundle(ws: string, apiUrl: string, token: string, headSha: string): Promise<{ code: number; stdout: string; summary: string; outputs: string }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vp-runner-'));
  const ev = structuredClone(examples.find((e) => e.name === 'pull_request')!.examples.find((x) => x.action === 'synchronize') ?? examples.find((e) => e.name === 'pull_request')!.examples[0]!) as {
    number: number;
    pull_request: { number: number; head: { sha: string }; base: { sha: string } };
  };
  ev.number = 7;
  ev.pull_request.number = 7;
  ev.pull_request.head.sha = headSha;
  ev.pull_request.base.sha = 'b'.repeat(40);
  writeFileSync(path.join(tmp, 'event.json'), JSON.stringify(ev));
  writeFileSync(path.join(tmp, 'summary.md'), '');
  writeFileSync(path.join(tmp, 'output.txt'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(tmp, 'event.json'),
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/net',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_RUN_ID: '42',
    GITHUB_WORKSPACE: ws,
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary.md'),
    GITHUB_OUTPUT: path.join(tmp, 'output.txt'),
    'INPUT_GITHUB-TOKEN': token,
    INPUT_PATHS: '.',
    'INPUT_FAIL-ON': 'error',
    INPUT_SCOPE: 'changed',
    'INPUT_REVIEW-COMMENTS': 'true',
    'INPUT_CHECK-NAME': 'vnet-preflight',
    'INPUT_SARIF-FILE': 'vnet-preflight.sarif',
    INPUT_CONFIG: '',
  };
  let code = 0;
  let stdout = '';
  try {
    const r = await run(process.execPath, [BUNDLE], { cwd: ws, env, maxBuffer: 16 << 20 });
    stdout = r.stdout;
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    code = err.code ?? 1;
    stdout = err.stdout ?? '';
  }
  return { code, stdout, summary: readFileSync(path.join(tmp, 'summary.md'), 'utf8'), outputs: readFileSync(path.join(tmp, 'output.txt'), 'utf8') };
}

describe('the committed action bundle, run as a runner runs it', () => {
  it('exists (npm run build writes dist/action/index.js)', () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it('posts once, re-runs without duplicates, and falls back to annotations with a read-only token', async () => {
    const main = templateWithProblems();
    const ws = workspace({ 'infra/main.json': main, 'legacy/old.json': UNCHANGED_TEMPLATE });
    const state: FakeState = {
      owner: 'octo',
      repo: 'net',
      pull: { number: 7, headSha: 'a'.repeat(40), files: [{ filename: 'infra/main.json', status: 'added', patch: addedFilePatch(main) }] },
      checkRuns: [],
      reviews: [],
      comments: [],
      log: [],
      writeTokens: new Set(['write-token']),
    };
    const gh = await startFakeGitHub(state);
    try {
      const first = await runBundle(ws, gh.url, 'write-token', 'a'.repeat(40));
      expect(first.code).toBe(1);
      expect(state.checkRuns.length).toBe(1);
      expect(state.checkRuns[0]!.conclusion).toBe('failure');
      expect(state.comments.map((c) => [c.path, c.line]).sort()).toEqual([
        ['infra/main.json', lineOf(main, '"name": "a"')],
        ['infra/main.json', lineOf(main, '"name": "b"')],
      ]);
      expect(first.summary).toContain('network/prefix-invalid');
      expect(first.outputs).toMatch(/errors<<[^\n]*\n2\n/);
      expect(existsSync(path.join(ws, 'vnet-preflight.sarif'))).toBe(true);

      const second = await runBundle(ws, gh.url, 'write-token', 'a'.repeat(40));
      expect(second.code).toBe(1);
      expect(state.reviews.length).toBe(1);
      expect(state.comments.length).toBe(2);
      expect(state.comments.every((c) => readMarker(c.body)?.fixed === false)).toBe(true);

      const ro = await runBundle(ws, gh.url, 'read-only-token', 'a'.repeat(40));
      expect(ro.code).toBe(1);
      expect(ro.stdout.split("\n").filter((l) => /^::warning::vnet-preflight: .*forks/.test(l)).length).toBe(1);
      const annotations = ro.stdout.split('\n').filter((l) => l.startsWith('::error ') && l.includes('file=infra/main.json'));
      expect(annotations.length).toBe(2);
      expect(annotations[0]).toContain(`line=${lineOf(main, '"name": "a"')}`);
      expect(ro.summary).toContain('network/subnet-outside-vnet');
      expect(state.comments.length).toBe(2);
    } finally {
      await gh.close();
    }
  });
});
