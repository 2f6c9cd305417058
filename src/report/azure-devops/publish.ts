import type { Finding } from '../../core/finding.js';
import type { FailOn } from '../../core/severity.js';
import { isPermissionError, statusOf, type AzureDevOpsApi } from './api.js';
import type { AzurePullRequestChanges } from './changes.js';
import { statusPayload } from './status.js';
import { planThreads, type ThreadUpdate } from './threads.js';

export interface AzurePublishOptions {
  failOn: FailOn;
  /** Post threads (findings on changed lines + one summary thread). The status is posted either way. */
  prComments: boolean;
  /** Link of the status: the build results page. */
  targetUrl?: string;
  log?: (line: string) => void;
}

/** What publishing to the pull request did. */
export interface AzurePublishOutcome {
  /** The job token lacked a permission: the caller warns once and keeps logged issues, summary and result. */
  noPermission: boolean;
  /** Why, when noPermission. */
  reason?: string;
  threadsCreated: number;
  threadsUpdated: number;
  threadsFixed: number;
  /** Findings Azure DevOps refused a thread for (e.g. a path it does not consider part of the pull request). */
  threadsRefused: Finding[];
  statusPosted: boolean;
}

/**
 * Posts a run to an Azure Repos pull request: threads planned by `planThreads` (new finding threads,
 * fixed ones set `fixed`, returning ones `active`, the summary thread) and the pull request status.
 * A permission error (401/403, TF401027) anywhere stops publishing and sets `noPermission` — it
 * never throws for permissions; a thread refused for another reason (400) is reported, not lost.
 * @throws other API failures (the caller logs them as a warning).
 */
export async function publishToPullRequest(
  api: AzureDevOpsApi,
  changes: AzurePullRequestChanges,
  allFindings: readonly Finding[],
  reported: readonly Finding[],
  summary: string,
  opts: AzurePublishOptions,
): Promise<AzurePublishOutcome> {
  const log = opts.log ?? (() => {});
  const out: AzurePublishOutcome = { noPermission: false, threadsCreated: 0, threadsUpdated: 0, threadsFixed: 0, threadsRefused: [], statusPosted: false };
  try {
    if (opts.prComments) {
      const existing = await api.listThreads();
      const plan = planThreads({
        reported,
        stillFound: new Set(allFindings.map((f) => f.fingerprint)),
        changedLines: changes.changedLines,
        changeTrackingIds: changes.changeTrackingIds,
        iterationId: changes.iterationId,
        existing,
        summary,
      });
      for (const c of plan.create) {
        try {
          await api.createThread(c.thread);
          out.threadsCreated++;
        } catch (e) {
          if (isPermissionError(e)) throw e;
          const s = statusOf(e);
          if (s !== 400 && s !== 404 && s !== 409) throw e;
          log(`Azure DevOps refused a thread on ${c.finding.range.file}:${c.thread.threadContext?.rightFileStart.line} (HTTP ${s}: ${(e as Error).message}); the finding stays in the logged issues and the summary`);
          out.threadsRefused.push(c.finding);
        }
      }
      for (const u of plan.updates) {
        await applyUpdate(api, u);
        if (u.status === 'fixed') out.threadsFixed++;
        else out.threadsUpdated++;
      }
      if (plan.summary && 'create' in plan.summary) await api.createThread(plan.summary.create);
      else if (plan.summary) await applyUpdate(api, plan.summary.update);
    }
    await api.createStatus(statusPayload(reported, opts.failOn, { targetUrl: opts.targetUrl, iterationId: changes.iterationId }));
    out.statusPosted = true;
  } catch (e) {
    if (!isPermissionError(e)) throw e;
    out.noPermission = true;
    out.reason = permissionReason(e);
  }
  return out;
}

async function applyUpdate(api: AzureDevOpsApi, u: ThreadUpdate): Promise<void> {
  if (u.comment) await api.updateComment(u.threadId, u.comment.id, u.comment.content);
  if (u.status) await api.updateThreadStatus(u.threadId, u.status);
}

/** One line saying which permission is missing. */
export function permissionReason(e: unknown): string {
  const s = statusOf(e);
  const msg = String((e as Error | undefined)?.message ?? e).split('\n')[0];
  return `the job token may not read or write this pull request (${s ? `HTTP ${s}: ` : ''}${msg}). Give the project's build service identity "Contribute to pull requests" on the repository (Project settings → Repositories → Security)`;
}
