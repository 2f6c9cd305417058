import type { Finding } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import { MAX_ANNOTATIONS_PER_REQUEST } from './limits.js';

/** A check run annotation (GitHub REST "Create a check run", `output.annotations[]`). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
  raw_details?: string;
}

/** Severity → check run annotation level. */
export function annotationLevel(s: Severity): CheckAnnotation['annotation_level'] {
  return s === 'error' ? 'failure' : s === 'warning' ? 'warning' : 'notice';
}

/**
 * One annotation per finding. Columns only when the range is on one line (GitHub refuses
 * columns across lines); `end_column` is inclusive there, our ranges are end-exclusive.
 */
export function toAnnotation(f: Finding): CheckAnnotation {
  const a: CheckAnnotation = {
    path: f.range.file,
    start_line: f.range.line,
    end_line: Math.max(f.range.line, f.range.endLine),
    annotation_level: annotationLevel(f.severity),
    message: f.helpUri ? `${f.message}\n\nRule: ${f.helpUri}` : f.message,
    title: f.ruleId,
  };
  if (f.range.endLine === f.range.line && f.range.endColumn > f.range.column) {
    a.start_column = f.range.column;
    a.end_column = f.range.endColumn - 1;
  }
  return a;
}

/** Annotations in batches of at most 50 (one batch per create/update request), most severe first. */
export function annotationBatches(findings: readonly Finding[]): CheckAnnotation[][] {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  const out: CheckAnnotation[][] = [];
  for (let i = 0; i < sorted.length; i += MAX_ANNOTATIONS_PER_REQUEST) out.push(sorted.slice(i, i + MAX_ANNOTATIONS_PER_REQUEST).map(toAnnotation));
  return out;
}

/**
 * Properties of a workflow-command annotation (`::error file=…,line=…::message`), for the
 * read-only-token fallback. Only 10 per severity show per step, so callers emit the most severe first.
 */
export function workflowAnnotation(f: Finding): { level: 'error' | 'warning' | 'notice'; message: string; properties: { title: string; file: string; startLine: number; endLine: number; startColumn?: number; endColumn?: number } } {
  const a = toAnnotation(f);
  return {
    level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice',
    message: a.message,
    properties: { title: a.title, file: a.path, startLine: a.start_line, endLine: a.end_line, startColumn: a.start_column, endColumn: a.end_column },
  };
}
