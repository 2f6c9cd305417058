import type { Finding } from '../../core/finding.js';
import { failsAt, type FailOn } from '../../core/severity.js';
import type { RunResult } from '../../engine/engine.js';
import { renderMarkdown } from '../markdown.js';
import { annotationBatches, type CheckAnnotation } from './annotations.js';
import { CHECK_RUN_TEXT_MAX_CHARS } from './limits.js';

/** What the check run shows: conclusion, title, summary markdown and the annotation batches. */
export interface CheckRunPayload {
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  /** At most 50 per batch: the first goes with the create request, the rest with updates. */
  annotationBatches: CheckAnnotation[][];
}

/** `failure` when a reported finding is at or above `failOn`; `neutral` when only lower findings; else `success`. */
export function conclusionOf(findings: readonly Finding[], failOn: FailOn): CheckRunPayload['conclusion'] {
  if (findings.some((f) => failsAt(f.severity, failOn))) return 'failure';
  return findings.length > 0 ? 'neutral' : 'success';
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

/** Title with the counts, e.g. "2 errors, 1 warning, 0 notes" or "No network requirement problems". */
export function checkRunTitle(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No network requirement problems';
  const c = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.severity]++;
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')}`;
}

/**
 * The check run for the findings reported on this pull request (`reported`, already scoped):
 * summary markdown within 65,535 characters, every reported finding as an annotation.
 */
export function checkRunPayload(result: RunResult, reported: readonly Finding[], failOn: FailOn, scopeNote?: string): CheckRunPayload {
  const scoped: RunResult = { ...result, findings: [...reported], summary: countOf(reported) };
  let summary = renderMarkdown(scoped, { maxChars: CHECK_RUN_TEXT_MAX_CHARS - (scopeNote ? scopeNote.length + 2 : 0) });
  if (scopeNote) summary = `${summary}\n\n${scopeNote}`;
  return {
    conclusion: conclusionOf(reported, failOn),
    title: checkRunTitle(reported),
    summary,
    annotationBatches: annotationBatches(reported),
  };
}

/** Counts per severity. */
export function countOf(findings: readonly Finding[]): RunResult['summary'] {
  const c = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
