import { afterEach, describe, expect, it } from '@jest/globals';
import type { AzurePullRequestChanges } from '../../src/report/azure-devops/changes.js';
import { loadPullRequestChanges } from '../../src/report/azure-devops/changes.js';
import { createNodeApi } from '../../src/report/azure-devops/node-api.js';
import { publishToPullRequest } from '../../src/report/azure-devops/publish.js';
import { findingThreads, PROJECT_ID, REPOSITORY_ID, startFakeAzureDevOps, type FakeAzureDevOps } from './fake-azure-devops.js';
import { finding } from './findings.js';

/** node-api.ts (azure-devops-node-api, with its OPTIONS route discovery) + publish.ts against the local server. */

let server: FakeAzureDevOps | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(mode: 'ok' | 'forbidden' = 'ok') {
  server = await startFakeAzureDevOps({
    token: 't0k',
    mode,
    iterations: [{ id: 1, source: 'b'.repeat(40), target: 'a'.repeat(40) }],
    changes: [{ path: '/infra/main.json', changeType: 'edit', changeTrackingId: 11 }],
    fileDiffs: { '/infra/main.json': [{ changeType: 'edit', modifiedLineNumberStart: 4, modifiedLinesCount: 3, originalLineNumberStart: 4, originalLinesCount: 1 }] },
  });
  const api = await createNodeApi({ collectionUrl: server.url, project: PROJECT_ID, repositoryId: REPOSITORY_ID, pullRequestId: 7 }, 't0k');
  const changes = await loadPullRequestChanges(api, () => undefined);
  return { api, changes };
}

describe('publishToPullRequest over azure-devops-node-api', () => {
  it('reads the change set through the API and posts threads, the summary thread and the status', async () => {
    const { api, changes } = await setUp();
    expect(changes.linesFrom).toBe('api');
    expect(changes.changedLines.get('infra/main.json')).toEqual(new Set([4, 5, 6]));
    const f = finding('network/subnet-overlap', 'infra/main.json', 5, 'f00d');
    const out = await publishToPullRequest(api, changes, [f], [f], '## summary', { failOn: 'error', prComments: true, targetUrl: 'https://example.test/build/1' });
    expect(out).toMatchObject({ noPermission: false, threadsCreated: 1, statusPosted: true, threadsRefused: [] });
    const [t] = findingThreads(server!.state);
    expect(t).toMatchObject({ fingerprint: 'f00d', status: 'active', threadContext: { filePath: '/infra/main.json', rightFileStart: { line: 5, offset: 5 } }, pullRequestThreadContext: { changeTrackingId: 11 } });
    expect(t!.properties['vnetPreflight.fingerprint']).toEqual({ $type: 'System.String', $value: 'f00d' });
    expect(server!.state.statuses).toEqual([expect.objectContaining({ state: 'failed', context: { genre: 'vnet-preflight', name: 'network-requirements' }, targetUrl: 'https://example.test/build/1', iterationId: 1 })]);

    // A second publish reads the typed properties back: nothing new.
    const again = await publishToPullRequest(api, changes, [f], [f], '## summary', { failOn: 'error', prComments: true });
    expect(again.threadsCreated).toBe(0);
    expect(server!.state.threads).toHaveLength(2);

    // Fixed: the finding's thread becomes `fixed`, the summary thread `closed`.
    const done = await publishToPullRequest(api, changes, [], [], '## clean', { failOn: 'error', prComments: true });
    expect(done.threadsFixed).toBe(1);
    expect(server!.state.threads.map((x) => x.status)).toEqual(['fixed', 'closed']);
    expect(server!.state.statuses.at(-1)).toMatchObject({ state: 'succeeded' });
  });

  it('keeps going when Azure DevOps refuses a thread on a path not in the pull request', async () => {
    const { api } = await setUp();
    const stray = finding('network/subnet-overlap', 'infra/other.json', 2, 'bad1');
    const ok = finding('network/subnet-outside-vnet', 'infra/main.json', 4, 'good');
    // A change set that (wrongly) lists a file the pull request does not contain.
    const changes: AzurePullRequestChanges = {
      files: new Set(['infra/main.json', 'infra/other.json']),
      changedLines: new Map<string, Set<number> | 'all'>([
        ['infra/main.json', new Set([4])],
        ['infra/other.json', 'all'],
      ]),
      commentableLines: new Map(),
      iterationId: 1,
      changeTrackingIds: new Map([['infra/main.json', 11]]),
      linesFrom: 'api',
    };
    const logs: string[] = [];
    const out = await publishToPullRequest(api, changes, [stray, ok], [stray, ok], 's', { failOn: 'error', prComments: true, log: (l) => logs.push(l) });
    expect(out.threadsRefused.map((f) => f.fingerprint)).toEqual(['bad1']);
    expect(out.threadsCreated).toBe(1);
    expect(logs[0]).toMatch(/refused a thread on infra\/other\.json:2 \(HTTP 400: TF401175/);
    expect(findingThreads(server!.state).map((t) => t.fingerprint)).toEqual(['good']);
    expect(out.statusPosted).toBe(true);
  });

  it('turns a 403 TF401027 into noPermission instead of failing', async () => {
    const { api, changes } = await setUp('forbidden');
    const f = finding('network/subnet-overlap', 'infra/main.json', 5, 'f00d');
    const out = await publishToPullRequest(api, changes, [f], [f], 's', { failOn: 'error', prComments: true });
    expect(out.noPermission).toBe(true);
    expect(out.reason).toMatch(/HTTP 403: TF401027/);
    expect(out.reason).toMatch(/Contribute to pull requests/);
    expect(server!.state.threads).toHaveLength(0);
  });

  it('posts only the status when pull request threads are turned off', async () => {
    const { api, changes } = await setUp();
    const f = finding('network/subnet-overlap', 'infra/main.json', 5, 'f00d');
    const out = await publishToPullRequest(api, changes, [f], [f], 's', { failOn: 'never', prComments: false });
    expect(out).toMatchObject({ threadsCreated: 0, statusPosted: true });
    expect(server!.state.threads).toHaveLength(0);
    expect(server!.state.statuses[0]).toMatchObject({ state: 'succeeded' });
  });
});
