import type { Finding } from '../core/finding.js';
import type { RunResult } from '../engine/engine.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Plain-text report for terminals and logs: findings grouped by file (in the run's order), one
 * line each, `  line:col  severity  rule-id  message`, then a totals line; suppressed findings
 * and unknown values are counted on the last line. Output ends with a newline.
 */
export function renderText(result: RunResult): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const l = byFile.get(f.range.file);
    if (l) l.push(f);
    else byFile.set(f.range.file, [f]);
  }
  for (const [file, list] of byFile) {
    out.push(file || '(no file)');
    const locs = list.map((f) => `${f.range.line}:${f.range.column}`);
    // (a loop, not Math.max(...): a file can have more findings than a call takes arguments)
    const locW = widest(locs);
    const sevW = widest(list.map((f) => f.severity));
    const idW = widest(list.map((f) => f.ruleId));
    list.forEach((f, i) => {
      out.push(`  ${locs[i]!.padEnd(locW)}  ${f.severity.padEnd(sevW)}  ${f.ruleId.padEnd(idW)}  ${oneLine(f.message)}`);
    });
    out.push('');
  }
  const s = result.summary;
  const total = s.error + s.warning + s.note;
  const extras: string[] = [];
  if (result.suppressed.length > 0) extras.push(`${result.suppressed.length} suppressed`);
  if (result.unknowns.length > 0) extras.push(`${plural(result.unknowns.length, 'value')} could not be verified`);
  const tail = extras.length > 0 ? `; ${extras.join('; ')}` : '';
  const checked = `${plural(result.files.length, 'file')} checked`;
  if (total === 0) out.push(`No problems found (${checked}${tail}).`);
  else out.push(`${plural(total, 'problem')} (${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.note, 'note')}) in ${checked}${tail}.`);
  return out.join('\n') + '\n';
}

function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ');
}

/** Length of the longest string. */
function widest(xs: readonly string[]): number {
  let w = 0;
  for (const x of xs) if (x.length > w) w = x.length;
  return w;
}
