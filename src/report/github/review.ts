import type { Finding } from '../../core/finding.js';
import { MAX_REVIEW_COMMENTS, REVIEW_BODY_MAX_CHARS } from './limits.js';
import { marker, readMarker } from './marker.js';

/** A review comment we posted before (GitHub "List review comments on a pull request"). */
export interface ExistingComment {
  id: number;
  body: string;
  path: string;
  line: number | null;
}

/** One new review comment (GitHub "Create a review", `comments[]`). */
export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
  /** The finding (not sent). */
  finding: Finding;
}

export interface ReviewPlan {
  /** The review to create (event COMMENT), or undefined when nothing new is to be said. */
  review?: { event: 'COMMENT'; body: string; comments: ReviewComment[] };
  /** Findings on the diff that got no comment of their own (over the cap): listed in the review body. */
  overflow: Finding[];
  /** Findings not on any commentable line: annotations and the summary carry them. */
  offDiff: Finding[];
  /** Our earlier comments to rewrite: findings now fixed, or back again. */
  updates: { commentId: number; body: string }[];
  /** Findings already commented in an earlier run (nothing to post). */
  alreadyCommented: Finding[];
}

const SEVERITY_LABEL = { error: '🔴 **Error**', warning: '🟠 **Warning**', note: '🔵 **Note**' } as const;

/** The body of a finding's review comment: severity, rule, message (with its fix), docs link, hidden marker. */
export function commentBody(f: Finding): string {
  const link = f.helpUri ? `\n\n[How to fix: \`${f.ruleId}\`](${f.helpUri})` : '';
  const source = f.source ? ` · source: ${f.source}` : '';
  return `${SEVERITY_LABEL[f.severity]} \`${f.ruleId}\`\n\n${f.message}${link}\n\n<sub>vnet-preflight${source}</sub>\n${marker(f.fingerprint)}`;
}

/** The body of a comment whose finding is gone: the old text struck through, marked fixed. */
export function fixedBody(old: string, fingerprint: string): string {
  const text = old
    .split('\n')
    .filter((l) => !readMarker(l) && !l.startsWith('<sub>'))
    .join('\n')
    .trim();
  const struck = text
    .split('\n')
    .map((l) => (l.trim() ? `~~${l}~~` : l))
    .join('\n');
  return `✅ **Fixed** — this finding is no longer reported.\n\n${struck}\n${marker(fingerprint, 'fixed')}`;
}

/**
 * Plans one review for a run (idempotent across re-runs):
 * - a finding whose line is commentable (`commentable`: file → RIGHT-side lines inside the diff
 *   hunks) and that has no comment of ours yet → a new comment, up to `MAX_REVIEW_COMMENTS`; the
 *   rest go in the review body (one comment off the diff makes GitHub refuse the whole review);
 * - a comment of ours whose fingerprint is no longer found (`stillFound`: every finding of the run,
 *   in scope or not; default `findings`) → rewritten as fixed; a fixed
 *   comment whose finding came back → rewritten as active;
 * - a finding already commented → nothing.
 */
export function planReview(
  findings: readonly Finding[],
  commentable: ReadonlyMap<string, ReadonlySet<number>>,
  existing: readonly ExistingComment[],
  maxComments = MAX_REVIEW_COMMENTS,
  stillFound?: ReadonlySet<string>,
): ReviewPlan {
  const ours = new Map<string, ExistingComment>();
  for (const c of existing) {
    const m = readMarker(c.body);
    if (m && !ours.has(m.fingerprint)) ours.set(m.fingerprint, c);
  }
  // "Fixed" means gone from the whole run, not just out of this pull request's scope.
  const reported = stillFound ?? new Set(findings.map((f) => f.fingerprint));
  const plan: ReviewPlan = { overflow: [], offDiff: [], updates: [], alreadyCommented: [] };
  const comments: ReviewComment[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    const prev = ours.get(f.fingerprint);
    if (prev) {
      plan.alreadyCommented.push(f);
      if (readMarker(prev.body)?.fixed) plan.updates.push({ commentId: prev.id, body: commentBody(f) });
      continue;
    }
    const lines = commentable.get(f.range.file);
    const line = lines ? pickLine(f, lines) : undefined;
    if (line === undefined) {
      plan.offDiff.push(f);
      continue;
    }
    if (comments.length >= maxComments) {
      plan.overflow.push(f);
      continue;
    }
    comments.push({ path: f.range.file, line, side: 'RIGHT', body: commentBody(f), finding: f });
  }
  for (const [fp, c] of ours) {
    const m = readMarker(c.body)!;
    if (!reported.has(fp) && !m.fixed) plan.updates.push({ commentId: c.id, body: fixedBody(c.body, fp) });
  }
  if (comments.length > 0 || plan.overflow.length > 0) {
    plan.review = { event: 'COMMENT', body: reviewBody(comments.length, plan.overflow), comments };
  }
  return plan;
}

/** The finding's last line that is commentable within its range (GitHub anchors a comment on `line`). */
function pickLine(f: Finding, lines: ReadonlySet<number>): number | undefined {
  for (let l = Math.max(f.range.line, f.range.endLine); l >= f.range.line; l--) if (lines.has(l)) return l;
  return undefined;
}

function reviewBody(commented: number, overflow: readonly Finding[]): string {
  let body = `**vnet-preflight** found ${commented + overflow.length} network requirement problem${commented + overflow.length === 1 ? '' : 's'} on the lines this pull request changes.`;
  if (overflow.length > 0) {
    body += `\n\nMore on changed lines (not commented one by one):\n`;
    for (const f of overflow) {
      const line = `\n- \`${f.range.file}:${f.range.line}\` **${f.severity}** [\`${f.ruleId}\`](${f.helpUri ?? ''}): ${f.message.replace(/\s+/g, ' ')}`;
      if (body.length + line.length > REVIEW_BODY_MAX_CHARS - 200) {
        body += `\n- … and more: see the check run.`;
        break;
      }
      body += line;
    }
  }
  return body;
}
