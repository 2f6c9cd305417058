import type { Finding } from '../../core/finding.js';

/**
 * The data of one `##vso[task.logissue type=…;sourcepath=…;linenumber=…;columnnumber=…;code=…]message`
 * logging command (Azure Pipelines "Logging commands", LogIssue). The agent knows only `error` and
 * `warning`; a note is logged as a warning whose message starts with `Note:`.
 */
export interface LogIssue {
  type: 'error' | 'warning';
  message: string;
  /** Path relative to the repository root, `/` separators. */
  sourcePath: string;
  /** 1-based line. */
  lineNumber: number;
  /** 1-based column. */
  columnNumber: number;
  /** The rule id, e.g. `network/subnet-overlap`. */
  code: string;
}

/** Messages longer than this (characters) are cut: the agent shows issues in one line of the summary. */
export const LOG_ISSUE_MAX_CHARS = 4000;

/** One logged issue per finding: severity → type, rule id → `code`, the docs link appended. */
export function logIssueOf(f: Finding): LogIssue {
  let message = f.message.replace(/\s*\r?\n\s*/g, ' ');
  if (f.severity === 'note') message = `Note: ${message}`;
  if (f.helpUri) message = `${message} (${f.ruleId}: ${f.helpUri})`;
  else message = `${message} (${f.ruleId})`;
  if (message.length > LOG_ISSUE_MAX_CHARS) message = `${message.slice(0, LOG_ISSUE_MAX_CHARS - 1)}…`;
  return {
    type: f.severity === 'error' ? 'error' : 'warning',
    message,
    sourcePath: f.range.file,
    lineNumber: Math.max(1, f.range.line),
    columnNumber: Math.max(1, f.range.column),
    code: f.ruleId,
  };
}

/** Logged issues for a run, most severe first (errors, warnings, then notes), each group in report order. */
export function logIssuesOf(findings: readonly Finding[]): LogIssue[] {
  const order = { error: 0, warning: 1, note: 2 } as const;
  return [...findings].sort((a, b) => order[a.severity] - order[b.severity]).map(logIssueOf);
}
