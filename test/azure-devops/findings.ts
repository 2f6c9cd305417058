import type { Finding } from '../../src/core/finding.js';
import type { Severity } from '../../src/core/severity.js';

/** A finding for sink tests: `file:line` with columns 5–20 on one line unless `endLine` is given. */
export function finding(ruleId: string, file: string, line: number, fingerprint: string, opts: { severity?: Severity; endLine?: number; message?: string } = {}): Finding {
  return {
    ruleId,
    severity: opts.severity ?? 'error',
    message: opts.message ?? `Problem ${fingerprint} at ${file}:${line}.`,
    range: { file, line, column: 5, endLine: opts.endLine ?? line, endColumn: 20 },
    helpUri: `https://example.test/docs/rules/${ruleId}.md`,
    fingerprint,
  };
}
