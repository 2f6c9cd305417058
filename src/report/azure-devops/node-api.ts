import * as azdev from 'azure-devops-node-api';
import type { IGitApi } from 'azure-devops-node-api/GitApi.js';
import type { IRequestOptions } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces.js';
import type { AzureDevOpsApi, IterationChange, LineDiffBlock, PullRequestIteration } from './api.js';
import type { PullRequestStatusPayload } from './status.js';
import { propertyValue, type ExistingThread, type NewThread, type ThreadStatus } from './threads.js';

/** Where one pull request lives. */
export interface AzurePullRequestTarget {
  /** Organization / collection URL, e.g. `https://dev.azure.com/contoso/` (`System.CollectionUri`). */
  collectionUrl: string;
  /** Project id or name (`System.TeamProjectId`). */
  project: string;
  /** Repository id (`Build.Repository.ID`). */
  repositoryId: string;
  /** `System.PullRequest.PullRequestId`. */
  pullRequestId: number;
}

/** `CommentThreadStatus` numbers (GitInterfaces) → REST names. */
const THREAD_STATUS: readonly ThreadStatus[] = ['unknown', 'active', 'fixed', 'wontFix', 'closed', 'byDesign', 'pending'];
/** `GitStatusState` numbers for the states we post. */
const STATUS_STATE = { succeeded: 2, failed: 3 } as const;

function threadStatusName(s: unknown): ThreadStatus {
  if (typeof s === 'number') return THREAD_STATUS[s] ?? 'unknown';
  if (typeof s === 'string') return THREAD_STATUS.find((n) => n.toLowerCase() === s.toLowerCase()) ?? 'unknown';
  return 'unknown';
}

function threadStatusNumber(s: ThreadStatus): number {
  return Math.max(0, THREAD_STATUS.indexOf(s));
}

/** Properties as sent on create: the typed form the REST API stores and returns (`{"$type","$value"}`). */
function typedProperties(p: Record<string, string>): Record<string, { $type: string; $value: string }> {
  const out: Record<string, { $type: string; $value: string }> = {};
  for (const [k, v] of Object.entries(p)) out[k] = { $type: 'System.String', $value: v };
  return out;
}

/**
 * `AzureDevOpsApi` over azure-devops-node-api's `GitApi` with a bearer token (the job token from
 * the `SystemVssConnection` endpoint or `System.AccessToken`). The client discovers routes with
 * `OPTIONS {collection}/_apis/{area}` before the first call of each area. `requestOptions`: the
 * agent's proxy and certificate settings, when it has any.
 */
export async function createNodeApi(target: AzurePullRequestTarget, token: string, requestOptions: IRequestOptions = {}): Promise<AzureDevOpsApi> {
  const connection = new azdev.WebApi(target.collectionUrl, azdev.getBearerHandler(token), { allowRetries: true, maxRetries: 2, ...requestOptions });
  const git: IGitApi = await connection.getGitApi();
  const { project, repositoryId, pullRequestId } = target;
  return {
    async listIterations(): Promise<PullRequestIteration[]> {
      const its = (await git.getPullRequestIterations(repositoryId, pullRequestId, project)) ?? [];
      return its
        .filter((i) => typeof i.id === 'number')
        .map((i) => ({ id: i.id!, sourceCommit: i.sourceRefCommit?.commitId, targetCommit: i.targetRefCommit?.commitId, commonCommit: i.commonRefCommit?.commitId }));
    },
    async getIterationChanges(iterationId, top, skip) {
      const r = await git.getPullRequestIterationChanges(repositoryId, pullRequestId, iterationId, project, top, skip);
      const changes: IterationChange[] = (r?.changeEntries ?? []).map((c) => {
        const item = (c.item ?? {}) as { path?: string; isFolder?: boolean; gitObjectType?: unknown };
        const raw = c as unknown as { originalPath?: string; sourceServerItem?: string };
        return {
          path: item.path ?? '',
          originalPath: raw.originalPath ?? raw.sourceServerItem,
          changeType: typeof c.changeType === 'number' ? changeTypeName(c.changeType) : String(c.changeType ?? 'edit'),
          changeTrackingId: c.changeTrackingId,
          isFolder: item.isFolder === true || item.gitObjectType === 2 || item.gitObjectType === 'tree',
        };
      });
      return { changes, nextSkip: r?.nextSkip || undefined, nextTop: r?.nextTop || undefined };
    },
    async getFileDiffs(baseCommit, targetCommit, files) {
      const r = await git.getFileDiffs({ baseVersionCommit: baseCommit, targetVersionCommit: targetCommit, fileDiffParams: files.map((f) => ({ path: f.path, originalPath: f.originalPath ?? f.path })) }, project, repositoryId);
      return (r ?? []).map((d) => ({ path: d.path ?? '', blocks: (d.lineDiffBlocks ?? []) as unknown as LineDiffBlock[] }));
    },
    async listThreads(): Promise<ExistingThread[]> {
      const ts = (await git.getThreads(repositoryId, pullRequestId, project)) ?? [];
      return ts
        .filter((t) => typeof t.id === 'number')
        .map((t) => {
          const properties: Record<string, string> = {};
          for (const [k, v] of Object.entries((t.properties ?? {}) as Record<string, unknown>)) {
            const s = propertyValue(v);
            if (s !== undefined) properties[k] = s;
          }
          const first = (t.comments ?? []).find((c) => typeof c.id === 'number' && !c.parentCommentId) ?? t.comments?.[0];
          const out: ExistingThread = { id: t.id!, status: threadStatusName(t.status), properties, isDeleted: t.isDeleted === true };
          if (first && typeof first.id === 'number') out.firstComment = { id: first.id, content: first.content ?? '' };
          return out;
        });
    },
    async createThread(thread: NewThread): Promise<number> {
      const body = { ...thread, status: threadStatusNumber(thread.status), comments: thread.comments.map((c) => ({ ...c, commentType: 1 })), properties: typedProperties(thread.properties) };
      const r = await git.createThread(body as never, repositoryId, pullRequestId, project);
      return r?.id ?? 0;
    },
    async updateThreadStatus(threadId, status) {
      await git.updateThread({ status: threadStatusNumber(status) } as never, repositoryId, pullRequestId, threadId, project);
    },
    async updateComment(threadId, commentId, content) {
      await git.updateComment({ content }, repositoryId, pullRequestId, threadId, commentId, project);
    },
    async createStatus(status: PullRequestStatusPayload) {
      await git.createPullRequestStatus({ ...status, state: STATUS_STATE[status.state] } as never, repositoryId, pullRequestId, project);
    },
  };
}

/** `VersionControlChangeType` flags → the REST names (`rename, edit`). */
function changeTypeName(n: number): string {
  const names: [number, string][] = [[1, 'add'], [2, 'edit'], [4, 'encoding'], [8, 'rename'], [16, 'delete'], [32, 'undelete'], [64, 'branch'], [128, 'merge'], [256, 'lock'], [512, 'rollback'], [1024, 'sourceRename'], [2048, 'targetRename'], [4096, 'property']];
  const parts = names.filter(([b]) => n & b).map(([, s]) => s);
  return parts.length > 0 ? parts.join(', ') : 'edit';
}
