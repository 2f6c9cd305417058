import { createHash } from 'node:crypto';
import type { Finding, UnknownUse } from '../core/finding.js';
import type { Severity } from '../core/severity.js';

/** Counts of reported findings by severity. */
export interface Summary {
  error: number;
  warning: number;
  note: number;
}

/** Identity of a finding for deduplication: rule, severity, range and message. */
function findingKey(f: Finding): string {
  const r = f.range;
  return [f.ruleId, f.severity, r.file, r.line, r.column, r.endLine, r.endColumn, f.message].join('\u0000');
}

/** Drops findings identical to an earlier one (same rule, severity, range and message); keeps order. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = findingKey(f);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

/** Drops repeated unknowns (same rule, place and expression). */
export function dedupeUnknowns(unknowns: readonly UnknownUse[]): UnknownUse[] {
  const seen = new Set<string>();
  return unknowns.filter((u) => {
    const k = [u.ruleId, u.file, u.line, u.column, u.expression, u.purpose].join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders findings by file, line, column, rule id (then message, for a total order). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.range.file, b.range.file) ||
    cmp(a.range.line, b.range.line) ||
    cmp(a.range.column, b.range.column) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

/** Orders unknowns by file, line, column, rule id, expression. */
export function compareUnknowns(a: UnknownUse, b: UnknownUse): number {
  return cmp(a.file, b.file) || cmp(a.line, b.line) || cmp(a.column, b.column) || cmp(a.ruleId, b.ruleId) || cmp(a.expression, b.expression);
}

/** Counts findings by severity. */
export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { error: 0, warning: 0, note: 0 };
  for (const f of findings) s[f.severity as Severity]++;
  return s;
}

/**
 * Makes fingerprints unique within a run, as the sinks need (one review comment or thread per
 * fingerprint; SARIF `partialFingerprints`): the file is folded in (the same rule on resources of
 * the same name in two files are two findings), and findings still sharing one (resources declared
 * twice under one name in a file) get an ordinal in their sorted order. Still free of line numbers.
 * `findings` must be sorted (compareFindings); returns new objects.
 */
export function uniqueFingerprints(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = createHash('sha256').update(`${f.fingerprint}\u0000${f.range.file}`).digest('hex').slice(0, 32);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const fp = n === 0 ? base : createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
    return fp === f.fingerprint ? f : { ...f, fingerprint: fp };
  });
}
