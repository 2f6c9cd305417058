import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { PullRequestFile } from '../../diff/pull-request-files.js';
import type { GitHubApi } from './api.js';
import { PULL_FILES_MAX, PULL_FILES_PER_PAGE } from './limits.js';

/** Retries on secondary rate limits (about 80 content-creating requests a minute) at most this often. */
const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * GitHubApi over Octokit (`@actions/github` `getOctokit`) with the retry and throttling plugins.
 * `baseUrl` is `GITHUB_API_URL` (GitHub Enterprise and the tests' local server).
 * @param log receives one line per throttled/retried request.
 */
export function octokitApi(token: string, baseUrl: string, log: (line: string) => void = () => {}): GitHubApi {
  const octokit = getOctokit(
    token,
    {
      baseUrl,
      throttle: {
        onRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${after} s`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (after: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${after} s`);
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    },
    retry,
    throttling,
  );
  return {
    async listPullFiles(t) {
      const out: PullRequestFile[] = [];
      for (let page = 1; out.length < PULL_FILES_MAX; page++) {
        const r = await octokit.rest.pulls.listFiles({ owner: t.owner, repo: t.repo, pull_number: t.pullNumber!, per_page: PULL_FILES_PER_PAGE, page });
        for (const f of r.data) out.push({ path: f.filename, status: f.status, patch: f.patch });
        if (r.data.length < PULL_FILES_PER_PAGE) break;
      }
      return out.slice(0, PULL_FILES_MAX);
    },
    async createCheckRun(t, body) {
      const r = await octokit.rest.checks.create({ owner: t.owner, repo: t.repo, ...body });
      return r.data.id;
    },
    async updateCheckRun(t, id, body) {
      await octokit.rest.checks.update({ owner: t.owner, repo: t.repo, check_run_id: id, ...body });
    },
    async listReviewComments(t) {
      const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: t.owner, repo: t.repo, pull_number: t.pullNumber!, per_page: 100 });
      return all.map((c) => ({ id: c.id, body: c.body, path: c.path, line: c.line ?? null }));
    },
    async createReview(t, body) {
      await octokit.rest.pulls.createReview({ owner: t.owner, repo: t.repo, pull_number: t.pullNumber!, ...body });
    },
    async createReviewComment(t, body) {
      await octokit.rest.pulls.createReviewComment({ owner: t.owner, repo: t.repo, pull_number: t.pullNumber!, ...body });
    },
    async updateReviewComment(t, id, body) {
      await octokit.rest.pulls.updateReviewComment({ owner: t.owner, repo: t.repo, comment_id: id, body });
    },
  };
}
