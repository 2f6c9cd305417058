import type { PullRequestStatusPayload } from './status.js';
import type { ExistingThread, NewThread, ThreadStatus } from './threads.js';

/** One iteration (push) of a pull request, with the commits it compares. */
export interface PullRequestIteration {
  id: number;
  /** Head of the source branch in this iteration. */
  sourceCommit?: string;
  /** Head of the target branch when the iteration was made. */
  targetCommit?: string;
  /** Merge base of source and target. */
  commonCommit?: string;
}

/** One entry of "Pull Request Iteration Changes - Get" (`changeEntries[]`). */
export interface IterationChange {
  /** Repository path with a leading `/` as Azure Repos writes it. */
  path: string;
  /** Path before a rename, leading `/`. */
  originalPath?: string;
  /** `VersionControlChangeType` names, lower case, e.g. `edit`, `add`, `delete`, `rename, edit`. */
  changeType: string;
  changeTrackingId?: number;
  /** True for folders (skipped). */
  isFolder?: boolean;
}

/** One page of iteration changes; `nextSkip`/`nextTop` are set when more pages follow. */
export interface IterationChangesPage {
  changes: IterationChange[];
  nextSkip?: number;
  nextTop?: number;
}

/** A block of a file diff ("Diffs - Get File Diffs" `lineDiffBlocks[]`); `changeType` 1 add, 2 delete, 3 edit. */
export interface LineDiffBlock {
  changeType: number | string;
  modifiedLineNumberStart: number;
  modifiedLinesCount: number;
  originalLineNumberStart?: number;
  originalLinesCount?: number;
}

/**
 * The Azure DevOps REST calls the task makes for one pull request (repository, project and pull
 * request id are bound by the implementation: node-api.ts over azure-devops-node-api, or a fake in
 * tests). Methods reject with an error carrying `statusCode` (HTTP status) on failure.
 */
export interface AzureDevOpsApi {
  /** GET …/pullRequests/{id}/iterations. */
  listIterations(): Promise<PullRequestIteration[]>;
  /** GET …/pullRequests/{id}/iterations/{iterationId}/changes?$top=&$skip= (one page). */
  getIterationChanges(iterationId: number, top: number, skip: number): Promise<IterationChangesPage>;
  /** POST …/diffs/files (at most `FILE_DIFFS_MAX_FILES` files per call); paths with leading `/`. */
  getFileDiffs(baseCommit: string, targetCommit: string, files: { path: string; originalPath?: string }[]): Promise<{ path: string; blocks: LineDiffBlock[] }[]>;
  /** GET …/pullRequests/{id}/threads (properties unwrapped). */
  listThreads(): Promise<ExistingThread[]>;
  /** POST …/pullRequests/{id}/threads; returns the new thread id. */
  createThread(thread: NewThread): Promise<number>;
  /** PATCH …/pullRequests/{id}/threads/{threadId}. */
  updateThreadStatus(threadId: number, status: ThreadStatus): Promise<void>;
  /** PATCH …/threads/{threadId}/comments/{commentId}. */
  updateComment(threadId: number, commentId: number, content: string): Promise<void>;
  /** POST …/pullRequests/{id}/statuses. */
  createStatus(status: PullRequestStatusPayload): Promise<void>;
}

/** Files per "Get File Diffs" request (the REST API takes at most 10). */
export const FILE_DIFFS_MAX_FILES = 10;
/** Page size of iteration changes (the REST API returns at most 2,000 per page). */
export const ITERATION_CHANGES_PAGE = 2000;

/** HTTP status of a failed call, if any (`statusCode` from azure-devops-node-api, or `status`). */
export function statusOf(e: unknown): number | undefined {
  const o = e as { statusCode?: unknown; status?: unknown } | undefined;
  const s = o?.statusCode ?? o?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * True when the job token lacks a permission: HTTP 401/403, or Azure DevOps' TF401027 ("You need
 * the Git 'Contribute to pull requests' permission…"), TF400813 (not authorized) or TF401019
 * (repository not found / no read access).
 */
export function isPermissionError(e: unknown): boolean {
  const s = statusOf(e);
  if (s === 401 || s === 403) return true;
  return /\bTF(401027|400813|401019)\b/.test(String((e as Error | undefined)?.message ?? ''));
}
