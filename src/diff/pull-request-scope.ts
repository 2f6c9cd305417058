import type { Finding } from '../core/finding.js';
import type { PullRequestChanges } from './pull-request-files.js';

function onChangedLine(changes: PullRequestChanges, file: string, line: number, endLine: number): boolean {
  const lines = changes.changedLines.get(file);
  if (!lines) return false;
  if (lines === 'all') return true;
  for (let l = line; l <= Math.max(line, endLine); l++) if (lines.has(l)) return true;
  return false;
}

/**
 * The findings a pull request is responsible for (issue 5, `scope: changed`):
 * - findings located in a changed file;
 * - findings located elsewhere whose related location sits on a changed line (e.g. a security
 *   rule changed here that blocks an ISE declared in an unchanged file): reported on that changed
 *   line, with the original location kept as a related location.
 */
export function findingsForChange(findings: readonly Finding[], changes: PullRequestChanges): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (changes.files.has(f.range.file)) {
      out.push(f);
      continue;
    }
    const cause = (f.related ?? []).find((r) => onChangedLine(changes, r.range.file, r.range.line, r.range.endLine));
    if (!cause) continue;
    out.push({
      ...f,
      message: `${f.message} (Caused by this change; the affected resource is at ${f.range.file}:${f.range.line}.)`,
      range: cause.range,
      related: [{ range: f.range, message: 'affected resource' }, ...(f.related ?? []).filter((r) => r !== cause)],
    });
  }
  return out;
}
