import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { findingThreads, PROJECT_ID, PROJECT_NAME, REPOSITORY_ID, startFakeAzureDevOps, type FakeAzureDevOps, type FakeChange } from './fake-azure-devops.js';
import { taskOutcome } from './vso.js';

/**
 * End-to-end: the committed task bundle (dist/task, copied outside the repo with no node_modules
 * around it) runs as the agent runs it — `node dist/task/index.js` (CommonJS) with the agent's SYSTEM_*, BUILD_*,
 * INPUT_* and ENDPOINT_* variables — against a local server answering like Azure DevOps.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'test/fixtures/azure-devops');
const DIST = join(ROOT, 'dist/task');
const maybe = existsSync(join(DIST, 'index.js')) ? describe : describe.skip;

const TOKEN = 'job-token';
const temps: string[] = [];
function temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
}

/** A repository with the target branch (base) and two pushes of the pull request's source branch. */
function makeRepo(): { dir: string; base: string; source1: string; source2: string } {
  const dir = temp('vnp-ado-repo-');
  git(dir, 'init', '-q', '-b', 'main');
  copyFileSync(join(FIXTURES, 'main.base.json'), join(dir, 'main.json'));
  copyFileSync(join(FIXTURES, 'other.json'), join(dir, 'other.json'));
  copyFileSync(join(FIXTURES, 'main.base.json'), join(dir, 'legacy.json'));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'feature');
  copyFileSync(join(FIXTURES, 'main.pr1.json'), join(dir, 'main.json'));
  rmSync(join(dir, 'legacy.json'));
  mkdirSync(join(dir, 'docs'));
  copyFileSync(join(FIXTURES, 'main.base.json'), join(dir, 'docs/notes.json'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'pr 1');
  const source1 = git(dir, 'rev-parse', 'HEAD');
  copyFileSync(join(FIXTURES, 'main.pr2.json'), join(dir, 'main.json'));
  git(dir, 'commit', '-q', '-am', 'pr 2');
  const source2 = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', source1);
  return { dir, base, source1, source2 };
}

const CHANGES: FakeChange[] = [
  { path: '/main.json', changeType: 'edit', changeTrackingId: 1 },
  { path: '/docs', changeType: 'add', changeTrackingId: 2 },
  { path: '/docs/notes.json', changeType: 'add', changeTrackingId: 3 },
  { path: '/legacy.json', changeType: 'delete', changeTrackingId: 4 },
];

/** Runs the bundle copy as the agent would; resolves with its stdout. */
function runTask(bundle: string, server: FakeAzureDevOps, sources: string, opts: { inputs?: Record<string, string>; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const agentTemp = temp('vnp-ado-agent-');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: agentTemp,
    AGENT_TEMPDIRECTORY: agentTemp,
    AGENT_VERSION: '4.266.2',
    SYSTEM_COLLECTIONURI: server.url,
    SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: server.url,
    SYSTEM_TEAMPROJECT: PROJECT_NAME,
    SYSTEM_TEAMPROJECTID: PROJECT_ID,
    SYSTEM_DEFAULTWORKINGDIRECTORY: sources,
    SYSTEM_PULLREQUEST_PULLREQUESTID: String(server.state.pullRequestId),
    SYSTEM_PULLREQUEST_SOURCEBRANCH: 'refs/heads/feature',
    SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main',
    BUILD_REASON: 'PullRequest',
    BUILD_BUILDID: '4242',
    BUILD_REPOSITORY_PROVIDER: 'TfsGit',
    BUILD_REPOSITORY_ID: REPOSITORY_ID,
    BUILD_REPOSITORY_NAME: 'infra',
    BUILD_SOURCESDIRECTORY: sources,
    ENDPOINT_URL_SYSTEMVSSCONNECTION: server.url,
    ENDPOINT_AUTH_SYSTEMVSSCONNECTION: JSON.stringify({ parameters: { AccessToken: TOKEN }, scheme: 'OAuth' }),
    ENDPOINT_AUTH_SCHEME_SYSTEMVSSCONNECTION: 'OAuth',
    ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: TOKEN,
    INPUT_FAILON: 'error',
    INPUT_SCOPE: 'changed',
    INPUT_PRCOMMENTS: 'true',
    ...Object.fromEntries(Object.entries(opts.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...opts.env,
  };
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [bundle], { cwd: sources, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', rej);
    child.on('close', (code) => res({ code, stdout, stderr }));
  });
}

function copyBundle(): string {
  const copy = temp('vnp-ado-bundle-');
  cpSync(DIST, join(copy, 'task'), { recursive: true });
  return join(copy, 'task/index.js');
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

maybe('task bundle on an Azure Repos pull request (local Azure DevOps server)', () => {
  const bundle = copyBundle();

  it('posts threads on the changed lines and a status, never duplicates on re-runs, and closes fixed threads', async () => {
    const repo = makeRepo();
    const server = await startFakeAzureDevOps({ token: TOKEN, iterations: [{ id: 1, source: repo.source1, target: repo.base, common: repo.base }], changes: CHANGES });
    try {
      // Run 1.
      const r1 = await runTask(bundle, server, repo.dir);
      const o1 = taskOutcome(r1.stdout);
      expect(r1.stderr).toBe('');
      expect(o1.warnings).toEqual([]);
      expect(o1.result).toBe('Failed');
      // Only the changed file is in scope: other.json's finding is not reported.
      expect(o1.logIssues.map((i) => [i.properties['code'], i.properties['sourcepath'], i.properties['linenumber'], i.properties['type']])).toEqual([
        ['network/subnet-overlap', 'main.json', '14', 'error'],
        ['network/subnet-outside-vnet', 'main.json', '15', 'error'],
      ]);
      expect(o1.summaries).toHaveLength(1);
      expect(readFileSync(o1.summaries[0]!, 'utf8')).toContain('2 errors');
      // The iteration changes were read page by page.
      expect(server.state.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/changes')).map((q) => q.query['$skip'] ?? '0')).toEqual(['0', '2']);
      // Routes were discovered with OPTIONS.
      expect(server.state.requests.some((q) => q.method === 'OPTIONS' && q.path === '/org/_apis/git')).toBe(true);
      // Lines came from git: no file diffs call.
      expect(server.state.requests.some((q) => q.path.endsWith('/diffs/files'))).toBe(false);

      const threads1 = findingThreads(server.state);
      expect(threads1.map((t) => [t.threadContext?.filePath, t.threadContext?.rightFileStart.line, t.pullRequestThreadContext?.changeTrackingId, t.status])).toEqual([
        ['/main.json', 14, 1, 'active'],
        ['/main.json', 15, 1, 'active'],
      ]);
      expect(threads1[0]!.pullRequestThreadContext?.iterationContext).toEqual({ firstComparingIteration: 1, secondComparingIteration: 1 });
      expect(threads1[0]!.comments[0]!.content).toContain('network/subnet-overlap');
      expect(threads1.every((t) => /^[0-9a-f]+$/.test(t.fingerprint))).toBe(true);
      const summary = server.state.threads.filter((t) => t.properties['vnetPreflight.kind']?.$value === 'summary');
      expect(summary).toHaveLength(1);
      expect(summary[0]!.threadContext).toBeUndefined();
      expect(server.state.statuses).toEqual([
        expect.objectContaining({ state: 'failed', context: { genre: 'vnet-preflight', name: 'network-requirements' }, iterationId: 1, targetUrl: `${server.url}${PROJECT_NAME}/_build/results?buildId=4242` }),
      ]);

      // Run 2, same pull request, nothing changed: no new thread.
      const r2 = await runTask(bundle, server, repo.dir);
      expect(taskOutcome(r2.stdout).result).toBe('Failed');
      expect(server.state.threads).toHaveLength(3);
      expect(server.state.statuses).toHaveLength(2);

      // Push 2 fixes the subnet outside the VNet: its thread is set fixed, the other stays.
      git(repo.dir, 'checkout', '-q', repo.source2);
      server.state.iterations.push({ id: 2, source: repo.source2, target: repo.base, common: repo.base });
      const r3 = await runTask(bundle, server, repo.dir);
      const o3 = taskOutcome(r3.stdout);
      expect(o3.result).toBe('Failed');
      expect(o3.logIssues.map((i) => i.properties['code'])).toEqual(['network/subnet-overlap']);
      expect(server.state.threads).toHaveLength(3);
      expect(findingThreads(server.state).map((t) => [t.threadContext?.rightFileStart.line, t.status])).toEqual([
        [14, 'active'],
        [15, 'fixed'],
      ]);
      const summary3 = server.state.threads.find((t) => t.properties['vnetPreflight.kind']?.$value === 'summary')!;
      expect(summary3.comments[0]!.content).toContain('1 error');
      expect(server.state.statuses[2]).toMatchObject({ state: 'failed', iterationId: 2 });
    } finally {
      await server.close();
    }
  });

  it('takes the changed lines from the file diffs API when the checkout lacks the commits (shallow fetch)', async () => {
    const repo = makeRepo();
    const shallow = temp('vnp-ado-shallow-');
    for (const f of ['main.json', 'other.json']) copyFileSync(join(repo.dir, f), join(shallow, f));
    const server = await startFakeAzureDevOps({
      token: TOKEN,
      iterations: [{ id: 1, source: repo.source1, target: repo.base }],
      changes: CHANGES,
      fileDiffs: { '/main.json': [{ changeType: 'edit', modifiedLineNumberStart: 13, modifiedLinesCount: 2, originalLineNumberStart: 13, originalLinesCount: 1 }] },
    });
    try {
      const r = await runTask(bundle, server, shallow);
      expect(taskOutcome(r.stdout).result).toBe('Failed');
      expect(server.state.requests.filter((q) => q.path.endsWith('/diffs/files'))).toHaveLength(1);
      // Only line 14 is changed by the API's blocks (13–14): one thread; line 15's finding is in the summary.
      expect(findingThreads(server.state).map((t) => t.threadContext?.rightFileStart.line)).toEqual([14]);
      const summary = server.state.threads.find((t) => t.properties['vnetPreflight.kind']?.$value === 'summary')!;
      expect(summary.comments[0]!.content).toContain('main.json:15');
    } finally {
      await server.close();
    }
  });

  it('without permission to write (403 TF401027): logged issues, summary and result only, one warning, never failing for it', async () => {
    const repo = makeRepo();
    const server = await startFakeAzureDevOps({ token: TOKEN, mode: 'forbidden', iterations: [{ id: 1, source: repo.source1, target: repo.base }], changes: CHANGES });
    try {
      const r = await runTask(bundle, server, repo.dir, { inputs: { failOn: 'never' } });
      const o = taskOutcome(r.stdout);
      expect(o.result).toBe('SucceededWithIssues');
      expect(o.warnings).toHaveLength(1);
      expect(o.warnings[0]).toMatch(/TF401027/);
      expect(o.warnings[0]).toMatch(/Contribute to pull requests/);
      expect(o.logIssues.map((i) => i.properties['linenumber'])).toEqual(['14', '15']);
      expect(o.summaries).toHaveLength(1);
      expect(server.state.threads).toHaveLength(0);
      expect(server.state.statuses).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('outside pull requests, checks Terraform with the tree-sitter runtime shipped in the bundle', async () => {
    const ws = temp('vnp-ado-tf-');
    copyFileSync(join(FIXTURES, 'network.tf'), join(ws, 'network.tf'));
    const server = await startFakeAzureDevOps({ token: TOKEN, iterations: [{ id: 1, source: 'b'.repeat(40), target: 'a'.repeat(40) }], changes: CHANGES });
    try {
      const r = await runTask(bundle, server, ws, { env: { BUILD_REASON: 'Manual' } });
      const o = taskOutcome(r.stdout);
      expect(r.stderr).toBe('');
      expect(o.result).toBe('Failed');
      expect(o.logIssues.map((i) => [i.properties['code'], i.properties['sourcepath'], i.properties['linenumber']])).toEqual([['network/subnet-outside-vnet', 'network.tf', '12']]);
      // Not a pull request: no API call at all.
      expect(server.state.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('with a token that is refused (401): reports everything in the build with one warning', async () => {
    const repo = makeRepo();
    const server = await startFakeAzureDevOps({ token: 'another-token', iterations: [{ id: 1, source: repo.source1, target: repo.base }], changes: CHANGES });
    try {
      const r = await runTask(bundle, server, repo.dir);
      const o = taskOutcome(r.stdout);
      expect(o.result).toBe('Failed');
      expect(o.warnings).toHaveLength(1);
      expect(o.warnings[0]).toMatch(/401/);
      // No change set: every file is in scope, other.json included.
      expect(o.logIssues.map((i) => `${i.properties['sourcepath']}:${i.properties['linenumber']}`)).toEqual(['main.json:14', 'main.json:15', 'other.json:13']);
      expect(server.state.threads).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
