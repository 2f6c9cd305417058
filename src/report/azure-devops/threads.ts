import type { Finding } from '../../core/finding.js';

/**
 * Pure planning of the Azure Repos pull request threads vnet-preflight keeps (REST "Pull Request
 * Threads"): one thread per finding on a changed line, one summary thread. Each thread carries
 * properties that tie it to us: `vnetPreflight.kind` (`finding` | `summary`) and, for findings,
 * `vnetPreflight.fingerprint` (src/core/fingerprint.ts). Re-runs find their earlier threads by
 * these properties, so nothing is posted twice.
 */

/** Thread property naming what one of our threads is: `finding` or `summary`. */
export const KIND_PROPERTY = 'vnetPreflight.kind';
/** Thread property holding the fingerprint of the finding a thread is about. */
export const FINGERPRINT_PROPERTY = 'vnetPreflight.fingerprint';
/** Our cap of new finding threads per run; the rest are listed in the summary thread only. */
export const MAX_NEW_THREADS = 50;
/** Comment content cap, characters (Azure DevOps refuses much longer comments; we stay well under). */
export const COMMENT_MAX_CHARS = 60_000;

/** `CommentThreadStatus` names as the REST API writes them. */
export type ThreadStatus = 'unknown' | 'active' | 'fixed' | 'wontFix' | 'closed' | 'byDesign' | 'pending';

/** A thread already on the pull request (properties unwrapped to plain strings, see `propertyValue`). */
export interface ExistingThread {
  id: number;
  status: ThreadStatus;
  properties: Record<string, string>;
  /** The thread's first comment (ours, for our threads). */
  firstComment?: { id: number; content: string };
  isDeleted?: boolean;
}

/** Position of a thread in a file: 1-based line and character offset on the new (right) side. */
export interface FilePosition {
  line: number;
  offset: number;
}

/** The body of "Pull Request Threads - Create" (GitPullRequestCommentThread). */
export interface NewThread {
  comments: { parentCommentId: 0; content: string; commentType: 'text' }[];
  status: 'active' | 'closed';
  properties: Record<string, string>;
  /** File threads: `filePath` with a leading `/`, right-side start and end. */
  threadContext?: { filePath: string; rightFileStart: FilePosition; rightFileEnd: FilePosition };
  /** Which iterations the position refers to, and the file's change tracking id in them. */
  pullRequestThreadContext?: { iterationContext: { firstComparingIteration: number; secondComparingIteration: number }; changeTrackingId?: number };
}

/** A new finding thread and the finding it is about. */
export interface PlannedThread {
  thread: NewThread;
  finding: Finding;
}

/** A change to one of our existing threads. */
export interface ThreadUpdate {
  threadId: number;
  status?: ThreadStatus;
  /** Rewrite the thread's first comment. */
  comment?: { id: number; content: string };
}

export interface ThreadPlanInput {
  /** The findings reported on this pull request (already scoped to the change). */
  reported: readonly Finding[];
  /** Fingerprints of every finding of the run, in scope or not: a thread is fixed only when its finding is gone. */
  stillFound: ReadonlySet<string>;
  /** Changed new-side lines per changed file (`'all'`: the diff is unknown, any line counts). */
  changedLines: ReadonlyMap<string, ReadonlySet<number> | 'all'>;
  /** Change tracking id of each changed file in the latest iteration (iteration changes API). */
  changeTrackingIds: ReadonlyMap<string, number>;
  /** The latest iteration id (threads are positioned in iterations 1 … latest). */
  iterationId: number;
  /** Threads already on the pull request (anyone's; ours are recognized by their properties). */
  existing: readonly ExistingThread[];
  /** Summary markdown (the build summary), put in the summary thread. */
  summary: string;
  maxNewThreads?: number;
}

export interface ThreadPlan {
  /** New finding threads. */
  create: PlannedThread[];
  /** Our earlier threads to change: fixed ones → `fixed`, back again → `active`. */
  updates: ThreadUpdate[];
  /** The summary thread: create it, or update ours. */
  summary?: { create: NewThread } | { update: ThreadUpdate };
  /** Findings with a thread from an earlier run (nothing to post). */
  alreadyPosted: Finding[];
  /** Findings not on a changed line: the summary carries them. */
  offChange: Finding[];
  /** Findings on changed lines over the cap: the summary carries them. */
  overflow: Finding[];
}

const SEVERITY_LABEL = { error: '🔴 **Error**', warning: '🟠 **Warning**', note: '🔵 **Note**' } as const;

/** Unwraps a thread property as the REST API returns it (`{"$type": "System.String", "$value": "…"}`) to a string. */
export function propertyValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const inner = '$value' in o ? o['$value'] : 'value' in o ? o['value'] : undefined;
    if (inner !== undefined && inner !== null && typeof inner !== 'object') return String(inner);
  }
  return undefined;
}

/** The first comment of a finding's thread: severity, rule, message (with its fix), docs link. */
export function findingComment(f: Finding): string {
  const link = f.helpUri ? `\n\n[How to fix: \`${f.ruleId}\`](${f.helpUri})` : '';
  const source = f.source ? ` · source: ${f.source}` : '';
  return cap(`${SEVERITY_LABEL[f.severity]} \`${f.ruleId}\`\n\n${f.message}${link}\n\n_vnet-preflight${source}_`);
}

/** The summary thread's comment. */
export function summaryComment(summary: string): string {
  return cap(summary);
}

function cap(s: string): string {
  return s.length <= COMMENT_MAX_CHARS ? s : `${s.slice(0, COMMENT_MAX_CHARS - 40)}\n\n… (cut: see the build summary)`;
}

/** The changed line a finding's thread sits on: the first changed line in its range, or its start when any line counts. */
export function threadLine(f: Finding, lines: ReadonlySet<number> | 'all' | undefined): number | undefined {
  if (lines === undefined) return undefined;
  if (lines === 'all') return f.range.line;
  for (let l = f.range.line; l <= Math.max(f.range.line, f.range.endLine); l++) if (lines.has(l)) return l;
  return undefined;
}

/** A finding's thread on `line`: the finding's columns when it starts (and ends) there, else the whole line start. */
export function findingThread(f: Finding, line: number, iterationId: number, changeTrackingId: number | undefined): NewThread {
  const startOffset = line === f.range.line ? Math.max(1, f.range.column) : 1;
  const endOffset = line === f.range.endLine && f.range.endColumn > startOffset ? f.range.endColumn : startOffset + 1;
  const thread: NewThread = {
    comments: [{ parentCommentId: 0, content: findingComment(f), commentType: 'text' }],
    status: 'active',
    properties: { [KIND_PROPERTY]: 'finding', [FINGERPRINT_PROPERTY]: f.fingerprint },
    threadContext: { filePath: `/${f.range.file.replace(/^\/+/, '')}`, rightFileStart: { line, offset: startOffset }, rightFileEnd: { line, offset: endOffset } },
    pullRequestThreadContext: { iterationContext: { firstComparingIteration: 1, secondComparingIteration: iterationId } },
  };
  if (changeTrackingId !== undefined) thread.pullRequestThreadContext!.changeTrackingId = changeTrackingId;
  return thread;
}

const CLOSED_BY_US: ReadonlySet<ThreadStatus> = new Set(['fixed', 'closed']);
const OPEN: ReadonlySet<ThreadStatus> = new Set(['active', 'pending', 'unknown']);

/**
 * Plans the threads of one run (idempotent across re-runs):
 * - a reported finding on a changed line with no thread of ours → a new thread (up to the cap);
 * - a finding whose thread we set `fixed`/`closed` earlier and that is back → the thread `active` again;
 *   a thread a person resolved as `wontFix` or `byDesign` is left alone;
 * - one of our open finding threads whose fingerprint the run no longer finds → `fixed`;
 * - the summary thread: created when there are findings and none exists; else its comment is
 *   rewritten when it changed, `active` with findings and `closed` without.
 */
export function planThreads(input: ThreadPlanInput): ThreadPlan {
  const max = input.maxNewThreads ?? MAX_NEW_THREADS;
  const ours = new Map<string, ExistingThread>();
  let summaryThread: ExistingThread | undefined;
  for (const t of input.existing) {
    if (t.isDeleted) continue;
    const kind = t.properties[KIND_PROPERTY];
    if (kind === 'summary' && !summaryThread) summaryThread = t;
    const fp = t.properties[FINGERPRINT_PROPERTY];
    if (kind === 'finding' && fp && !ours.has(fp)) ours.set(fp, t);
  }
  const plan: ThreadPlan = { create: [], updates: [], alreadyPosted: [], offChange: [], overflow: [] };
  const seen = new Set<string>();
  for (const f of input.reported) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const prev = ours.get(f.fingerprint);
    if (prev) {
      plan.alreadyPosted.push(f);
      if (CLOSED_BY_US.has(prev.status)) {
        const u: ThreadUpdate = { threadId: prev.id, status: 'active' };
        if (prev.firstComment) u.comment = { id: prev.firstComment.id, content: findingComment(f) };
        plan.updates.push(u);
      }
      continue;
    }
    const line = threadLine(f, input.changedLines.get(f.range.file));
    if (line === undefined) {
      plan.offChange.push(f);
      continue;
    }
    if (plan.create.length >= max) {
      plan.overflow.push(f);
      continue;
    }
    plan.create.push({ finding: f, thread: findingThread(f, line, input.iterationId, input.changeTrackingIds.get(f.range.file)) });
  }
  for (const [fp, t] of ours) {
    if (!input.stillFound.has(fp) && !seen.has(fp) && OPEN.has(t.status)) plan.updates.push({ threadId: t.id, status: 'fixed' });
  }

  const content = summaryComment(input.summary);
  const wanted: 'active' | 'closed' = input.reported.length > 0 ? 'active' : 'closed';
  if (!summaryThread) {
    if (input.reported.length > 0) {
      plan.summary = { create: { comments: [{ parentCommentId: 0, content, commentType: 'text' }], status: 'active', properties: { [KIND_PROPERTY]: 'summary' } } };
    }
  } else {
    const u: ThreadUpdate = { threadId: summaryThread.id };
    if (summaryThread.firstComment && summaryThread.firstComment.content !== content) u.comment = { id: summaryThread.firstComment.id, content };
    const isOpen = OPEN.has(summaryThread.status);
    if (wanted === 'active' ? !isOpen : isOpen) u.status = wanted;
    if (u.comment || u.status) plan.summary = { update: u };
  }
  return plan;
}
