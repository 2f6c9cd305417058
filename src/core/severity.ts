/**
 * Finding severities (requirements.md, "Severity"): `error` = the deployment fails or the
 * environment stops working; `warning` = likely to break or against a stated recommendation;
 * `note` = worth knowing, never fails a check by default.
 */
export type Severity = 'error' | 'warning' | 'note';

/** The `--fail-on` threshold: a severity, or `never`. */
export type FailOn = Severity | 'never';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** Numeric rank: error 3 > warning 2 > note 1. */
export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}

/** True when a finding of severity `s` fails a run with threshold `failOn`. */
export function failsAt(s: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && severityRank(s) >= severityRank(failOn);
}

export function isSeverity(x: unknown): x is Severity {
  return x === 'error' || x === 'warning' || x === 'note';
}

export function isFailOn(x: unknown): x is FailOn {
  return isSeverity(x) || x === 'never';
}
