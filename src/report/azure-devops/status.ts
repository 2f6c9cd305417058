import type { Finding } from '../../core/finding.js';
import { failsAt, type FailOn } from '../../core/severity.js';

/** The pull request status context a branch policy "status check" requires: genre/name. */
export const STATUS_GENRE = 'vnet-preflight';
export const STATUS_NAME = 'network-requirements';

/** Azure Repos `GitPullRequestStatus` body (REST "Pull Request Statuses - Create"). */
export interface PullRequestStatusPayload {
  state: 'succeeded' | 'failed';
  /** One line shown next to the status in the pull request. */
  description: string;
  context: { genre: string; name: string };
  /** Link to the build that produced it. */
  targetUrl?: string;
  /** The pull request iteration the status is for (policies reset on new iterations). */
  iterationId?: number;
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

/**
 * The pull request status for the findings reported on this pull request: `failed` when one is
 * at or above `failOn`, else `succeeded`; the description carries the counts.
 */
export function statusPayload(reported: readonly Finding[], failOn: FailOn, opts: { targetUrl?: string; iterationId?: number } = {}): PullRequestStatusPayload {
  const c = { error: 0, warning: 0, note: 0 };
  for (const f of reported) c[f.severity]++;
  const failed = reported.some((f) => failsAt(f.severity, failOn));
  const counts = reported.length === 0 ? 'no network requirement problems' : `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')}`;
  const out: PullRequestStatusPayload = {
    state: failed ? 'failed' : 'succeeded',
    description: `vnet-preflight: ${counts}`,
    context: { genre: STATUS_GENRE, name: STATUS_NAME },
  };
  if (opts.targetUrl) out.targetUrl = opts.targetUrl;
  if (opts.iterationId !== undefined) out.iterationId = opts.iterationId;
  return out;
}
