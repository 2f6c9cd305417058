import type { PullRequestFile } from '../../diff/pull-request-files.js';
import type { CheckAnnotation } from './annotations.js';
import type { ExistingComment } from './review.js';

/** The repository and commit a run reports on. */
export interface GitHubTarget {
  owner: string;
  repo: string;
  /** Head commit SHA the check run attaches to (the PR head, or the pushed commit). */
  headSha: string;
  /** Pull request number, when the event is a pull request. */
  pullNumber?: number;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

/**
 * The GitHub REST calls the sink makes (injected: Octokit in production, a fake or a local server
 * in tests). Methods reject with an error carrying `status` (HTTP status) on failure.
 */
export interface GitHubApi {
  /** GET /repos/{owner}/{repo}/pulls/{pull_number}/files, every page (at most 3,000 files). */
  listPullFiles(t: GitHubTarget): Promise<PullRequestFile[]>;
  /** POST /repos/{owner}/{repo}/check-runs; returns the check run id. */
  createCheckRun(t: GitHubTarget, body: { name: string; head_sha: string; status: 'completed'; conclusion: 'success' | 'failure' | 'neutral'; output: CheckRunOutput; details_url?: string }): Promise<number>;
  /** PATCH /repos/{owner}/{repo}/check-runs/{check_run_id} (annotations append). */
  updateCheckRun(t: GitHubTarget, id: number, body: { output: CheckRunOutput }): Promise<void>;
  /** GET /repos/{owner}/{repo}/pulls/{pull_number}/comments, every page. */
  listReviewComments(t: GitHubTarget): Promise<ExistingComment[]>;
  /** POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews. */
  createReview(t: GitHubTarget, body: { commit_id: string; event: 'COMMENT'; body: string; comments: { path: string; line: number; side: 'RIGHT'; body: string }[] }): Promise<void>;
  /** POST /repos/{owner}/{repo}/pulls/{pull_number}/comments: one review comment on its own. */
  createReviewComment(t: GitHubTarget, body: { commit_id: string; path: string; line: number; side: 'RIGHT'; body: string }): Promise<void>;
  /** PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}. */
  updateReviewComment(t: GitHubTarget, id: number, body: string): Promise<void>;
}

/** HTTP status of a failed call, if any. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/** True for the 403 a read-only token (pull requests from forks) gets: "Resource not accessible by integration". */
export function isReadOnlyTokenError(e: unknown): boolean {
  const s = statusOf(e);
  return s === 403 || s === 401 || (s === 404 && /not accessible/i.test(String((e as Error)?.message)));
}
