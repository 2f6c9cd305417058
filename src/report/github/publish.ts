import type { Finding } from '../../core/finding.js';
import type { FailOn } from '../../core/severity.js';
import type { RunResult } from '../../engine/engine.js';
import { statusOf, isReadOnlyTokenError, type GitHubApi, type GitHubTarget } from './api.js';
import { checkRunPayload } from './check-run.js';
import { planReview, type ReviewComment } from './review.js';

export interface PublishOptions {
  checkName: string;
  failOn: FailOn;
  /** Post a review with comments on changed lines (pull requests only). */
  reviewComments: boolean;
  /** RIGHT-side lines inside the diff hunks, per file (pull requests only). */
  commentable?: ReadonlyMap<string, ReadonlySet<number>>;
  /** A line for the check run summary saying what was in scope. */
  scopeNote?: string;
  detailsUrl?: string;
  log?: (line: string) => void;
}

/** What publishing did, for the job's outputs and summary. */
export interface PublishOutcome {
  /** The token could not write checks or reviews (pull requests from forks): the caller falls back to workflow annotations. */
  readOnly: boolean;
  /** Why, when readOnly. */
  readOnlyReason?: string;
  checkRunId?: number;
  conclusion: 'success' | 'failure' | 'neutral';
  commentsPosted: number;
  commentsUpdated: number;
  /** Findings a review comment was refused for (422): they stay in the annotations and the summary. */
  commentsRefused: Finding[];
}

/**
 * Posts a run to GitHub: a check run with every reported finding as an annotation (batches of 50:
 * create, then updates that append), and on pull requests one review (event COMMENT) with comments
 * only on diff lines, idempotent across re-runs (see review.ts). A 403 from a read-only token turns
 * the outcome `readOnly` instead of failing; a 422 on the review posts its comments one by one (single-comment endpoint),
 * and a comment still refused is reported, not lost.
 */
export async function publishToGitHub(api: GitHubApi, target: GitHubTarget, result: RunResult, reported: readonly Finding[], opts: PublishOptions): Promise<PublishOutcome> {
  const log = opts.log ?? (() => {});
  const payload = checkRunPayload(result, reported, opts.failOn, opts.scopeNote);
  const outcome: PublishOutcome = { readOnly: false, conclusion: payload.conclusion, commentsPosted: 0, commentsUpdated: 0, commentsRefused: [] };
  const [first, ...rest] = payload.annotationBatches;
  try {
    outcome.checkRunId = await api.createCheckRun(target, {
      name: opts.checkName,
      head_sha: target.headSha,
      status: 'completed',
      conclusion: payload.conclusion,
      output: { title: payload.title, summary: payload.summary, annotations: first ?? [] },
      ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
    });
    for (const batch of rest) {
      await api.updateCheckRun(target, outcome.checkRunId, { output: { title: payload.title, summary: payload.summary, annotations: batch } });
    }
  } catch (e) {
    if (!isReadOnlyTokenError(e)) throw e;
    outcome.readOnly = true;
    outcome.readOnlyReason = `the token cannot create check runs (HTTP ${statusOf(e)}: ${(e as Error).message})`;
    return outcome;
  }

  if (target.pullNumber === undefined || !opts.reviewComments || !opts.commentable) return outcome;
  try {
    const existing = await api.listReviewComments(target);
    const plan = planReview(reported, opts.commentable, existing, undefined, new Set(result.findings.map((f) => f.fingerprint)));
    for (const u of plan.updates) {
      try {
        await api.updateReviewComment(target, u.commentId, u.body);
        outcome.commentsUpdated++;
      } catch (e) {
        if (isReadOnlyTokenError(e)) throw e;
        log(`could not update review comment ${u.commentId}: ${(e as Error).message}`);
      }
    }
    if (plan.review) await postReview(api, target, plan.review, plan.overflow.length > 0, outcome, log);
  } catch (e) {
    if (!isReadOnlyTokenError(e)) throw e;
    outcome.readOnly = true;
    outcome.readOnlyReason = `the token cannot write pull request reviews (HTTP ${statusOf(e)}: ${(e as Error).message})`;
  }
  return outcome;
}

async function postReview(api: GitHubApi, target: GitHubTarget, review: { event: 'COMMENT'; body: string; comments: ReviewComment[] }, overflow: boolean, outcome: PublishOutcome, log: (l: string) => void): Promise<void> {
  const wire = (c: ReviewComment) => ({ path: c.path, line: c.line, side: c.side, body: c.body });
  try {
    await api.createReview(target, { commit_id: target.headSha, event: review.event, body: review.body, comments: review.comments.map(wire) });
    outcome.commentsPosted += review.comments.length;
    return;
  } catch (e) {
    if (statusOf(e) !== 422) throw e;
    log(`GitHub refused the review (422: ${(e as Error).message}); posting its comments one by one`);
  }
  // One refused comment makes GitHub refuse the whole review: post each comment on its own
  // (single-comment endpoint), then the review's body alone when it lists findings over the cap.
  for (const c of review.comments) {
    try {
      await api.createReviewComment(target, { commit_id: target.headSha, path: c.path, line: c.line, side: c.side, body: c.body });
      outcome.commentsPosted++;
    } catch (e) {
      if (statusOf(e) !== 422) throw e;
      outcome.commentsRefused.push(c.finding);
    }
  }
  if (overflow) await api.createReview(target, { commit_id: target.headSha, event: 'COMMENT', body: review.body, comments: [] });
}
