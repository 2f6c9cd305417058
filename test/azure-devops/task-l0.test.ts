import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { MockTestRunner } from 'azure-pipelines-task-lib/mock-test.js';
import { taskOutcome } from './vso.js';

/**
 * L0 tests (azure-pipelines-task-lib/mock-test) of the task bundle outside pull requests and on a
 * GitHub-hosted repository: no Azure DevOps API is called. The runner's `nodePath` is this Node
 * (`process.execPath`), so mock-test downloads nothing.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'test/fixtures/azure-devops');
const TASK = join(ROOT, 'dist/task/index.js');
const maybe = existsSync(TASK) ? describe : describe.skip;
const temps: string[] = [];

function workspace(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'vnp-l0-'));
  temps.push(d);
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(dirname(join(d, to)), { recursive: true });
    copyFileSync(join(FIXTURES, from), join(d, to));
  }
  return d;
}

/**
 * Writes an L0 runner (azure-pipelines-task-lib/mock-run) that sets the agent variables and the
 * inputs, then runs the task bundle with the real task lib (`run(true)`: the bundle carries its
 * own). MockTestRunner spawns it with the test process's real environment, which jest's sandboxed
 * `process.env` does not reach, so the values are written into the runner itself.
 */
function writeRunner(dir: string, inputs: Record<string, string>, variables: Record<string, string>): string {
  const mockRun = join(ROOT, 'node_modules/azure-pipelines-task-lib/mock-run.js');
  const text = [
    "'use strict';",
    `Object.assign(process.env, ${JSON.stringify(variables)});`,
    `const { TaskMockRunner } = require(${JSON.stringify(mockRun)});`,
    `const tmr = new TaskMockRunner(${JSON.stringify(TASK)});`,
    `for (const [name, value] of Object.entries(${JSON.stringify(inputs)})) tmr.setInput(name, value);`,
    'tmr.run(true);',
    '',
  ].join('\n');
  const p = join(dir, 'l0-runner.cjs');
  writeFileSync(p, text);
  return p;
}

/** Runs the task through MockTestRunner (nodePath: this Node) with agent variables. */
async function l0(sources: string, inputs: Record<string, string>, variables: Record<string, string> = {}) {
  const agentTemp = mkdtempSync(join(tmpdir(), 'vnp-l0-agent-'));
  temps.push(agentTemp);
  const runner = writeRunner(agentTemp, inputs, { BUILD_SOURCESDIRECTORY: sources, AGENT_TEMPDIRECTORY: agentTemp, BUILD_REASON: 'IndividualCI', BUILD_REPOSITORY_PROVIDER: 'TfsGit', ...variables });
  const tr = new MockTestRunner(runner, join(ROOT, 'task.json'));
  // A set nodePath makes runAsync use this Node instead of downloading one.
  tr.nodePath = process.execPath;
  await tr.LoadAsync();
  await tr.runAsync();
  return { tr, outcome: taskOutcome(tr.stdout), agentTemp };
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

maybe('task L0 (mock-test)', () => {
  it('fails a CI build on errors: one logged issue per finding, a summary tab, SARIF when asked', async () => {
    const ws = workspace({ 'infra/main.json': 'main.pr1.json', 'infra/other.json': 'other.json' });
    const { tr, outcome } = await l0(ws, { failOn: 'error', sarifFile: 'out/vnet-preflight.sarif' });
    expect(tr.failed).toBe(true);
    expect(outcome.result).toBe('Failed');
    expect(outcome.logIssues.map((i) => [i.properties['type'], i.properties['code'], i.properties['sourcepath'], i.properties['linenumber'], i.properties['columnnumber']])).toEqual([
      ['error', 'network/subnet-overlap', 'infra/main.json', '14', '62'],
      ['error', 'network/subnet-outside-vnet', 'infra/main.json', '15', '62'],
      ['error', 'network/subnet-outside-vnet', 'infra/other.json', '13', '61'],
    ]);
    expect(outcome.logIssues[0]!.message).toContain('docs/rules/network/subnet-overlap.md');
    expect(outcome.summaries).toHaveLength(1);
    const md = readFileSync(outcome.summaries[0]!, 'utf8');
    expect(md).toContain('3 errors');
    expect(md).toContain('`infra/other.json:13`');
    const sarif = JSON.parse(readFileSync(join(ws, 'out/vnet-preflight.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(3);
    expect(outcome.variables).toMatchObject({ errors: '3', warnings: '0', notes: '0', sarifFile: join(ws, 'out/vnet-preflight.sarif') });
    expect(outcome.warnings).toEqual([]);
  });

  it('succeeds with issues below failOn, and succeeds on a clean repository', async () => {
    const ws = workspace({ 'main.json': 'main.pr1.json' });
    const never = await l0(ws, { failOn: 'never' });
    expect(never.tr.succeeded).toBe(true);
    expect(never.outcome.result).toBe('SucceededWithIssues');
    expect(never.outcome.logIssues).toHaveLength(2);

    const clean = await l0(workspace({ 'main.json': 'main.base.json' }), {});
    expect(clean.outcome.result).toBe('Succeeded');
    expect(clean.outcome.logIssues).toHaveLength(0);
  });

  it('on a GitHub-hosted repository in a pull request build: no API call, one warning, everything reported', async () => {
    const ws = workspace({ 'main.json': 'main.pr1.json', 'other.json': 'other.json' });
    const { outcome } = await l0(ws, { failOn: 'error' }, { BUILD_REASON: 'PullRequest', BUILD_REPOSITORY_PROVIDER: 'GitHub', SYSTEM_PULLREQUEST_PULLREQUESTID: '12' });
    expect(outcome.result).toBe('Failed');
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatch(/GitHub/);
    expect(outcome.logIssues).toHaveLength(3);
  });

  it('fails with a clear message on a bad input', async () => {
    const { outcome } = await l0(workspace({ 'main.json': 'main.base.json' }), { failOn: 'sometimes' });
    expect(outcome.result).toBe('Failed');
    expect(outcome.resultMessage).toMatch(/failOn must be error, warning, note or never/);
  });
});
