import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/core/finding.js';
import type { Severity } from '../../src/core/severity.js';
import { run, type RunResult } from '../../src/engine/run.js';
import { ruleById } from '../../src/rules/index.js';

/** A case with no finding of the rule under test. `files`: display path → content. */
export interface ValidCase {
  name: string;
  files: Record<string, string>;
  /** `.vnet-preflight.yml` text, written next to the files. */
  config?: string;
}

/** One expected finding: `file` defaults to the case's single file, `severity` to the rule's default. */
export interface ExpectedFinding {
  line: number;
  file?: string;
  severity?: Severity;
  messageIncludes?: string;
  column?: number;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/**
 * Writes `files` (and `config` as `.vnet-preflight.yml`) into a fresh temp folder and runs the
 * real engine there (cwd = that folder, real loaders, model builder and ALL rules).
 */
export async function checkFiles(files: Record<string, string>, config?: string): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-preflight-test-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      const abs = join(dir, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
    if (config !== undefined) writeFileSync(join(dir, '.vnet-preflight.yml'), config);
    return await run({ cwd: dir, paths: ['.'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describeFinding(f: Finding): string {
  return `${f.range.file}:${f.range.line}:${f.range.column} ${f.severity} ${f.ruleId} ${f.message}`;
}

function fail(message: string): never {
  throw new Error(message);
}

function checkNoBrokenInput(caseName: string, result: RunResult): void {
  const bad = result.findings.filter((f) => f.ruleId === 'parse/error' || f.ruleId === 'internal/error');
  if (bad.length > 0) fail(`case "${caseName}": the engine reported\n  ${bad.map(describeFinding).join('\n  ')}`);
}

/**
 * Compares a rule's actual findings with the expected list, order-insensitively: each expected
 * entry must match exactly one distinct actual finding, and no actual finding may be left over.
 */
function compare(ruleId: string, c: InvalidCase | ValidCase, expected: ExpectedFinding[], actual: Finding[], defaultSeverity: Severity): void {
  const fileNames = Object.keys(c.files);
  const defaultFile = fileNames.length === 1 ? fileNames[0] : undefined;
  const remaining = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const file = e.file ?? defaultFile;
    if (file === undefined) fail(`case "${c.name}": an expected finding at line ${e.line} needs \`file\` (the case has ${fileNames.length} files)`);
    const severity = e.severity ?? defaultSeverity;
    const i = remaining.findIndex(
      (f) =>
        f.range.file === file &&
        f.range.line === e.line &&
        f.severity === severity &&
        (e.column === undefined || f.range.column === e.column) &&
        (e.messageIncludes === undefined || f.message.includes(e.messageIncludes)),
    );
    if (i < 0) missing.push(`${file}:${e.line}${e.column ? `:${e.column}` : ''} ${severity}${e.messageIncludes ? ` "…${e.messageIncludes}…"` : ''}`);
    else remaining.splice(i, 1);
  }
  if (missing.length > 0 || remaining.length > 0) {
    const lines = [`case "${c.name}" (${ruleId}):`];
    if (missing.length > 0) lines.push(`  expected but not reported:\n    ${missing.join('\n    ')}`);
    if (remaining.length > 0) lines.push(`  reported but not expected:\n    ${remaining.map(describeFinding).join('\n    ')}`);
    lines.push(`  all findings of ${ruleId}:\n    ${actual.map(describeFinding).join('\n    ') || '(none)'}`);
    fail(lines.join('\n'));
  }
}

/**
 * ESLint-style rule tests (style.md, "Tests that read like the domain"): one jest `describe(ruleId)`
 * with one `it` per case. Each case runs the whole engine on its files; the findings with
 * `ruleId` must equal `findings` (none for a valid case), and no `parse/error` or
 * `internal/error` may appear.
 */
export const ruleTester = {
  run(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    describe(ruleId, () => {
      const all: [string, ValidCase | InvalidCase, ExpectedFinding[]][] = [
        ...cases.valid.map((c): [string, ValidCase, ExpectedFinding[]] => [`valid: ${c.name}`, c, []]),
        ...cases.invalid.map((c): [string, InvalidCase, ExpectedFinding[]] => [`invalid: ${c.name}`, c, c.findings]),
      ];
      for (const [title, c, expected] of all) {
        it(title, async () => {
          const rule = ruleById(ruleId);
          if (!rule) fail(`rule ${ruleId} is not registered in src/rules/index.ts (allRules)`);
          const result = await checkFiles(c.files, c.config);
          checkNoBrokenInput(c.name, result);
          const actual = result.findings.filter((f) => f.ruleId === ruleId);
          compare(ruleId, c, expected, actual, rule.meta.severity);
          expect(actual).toHaveLength(expected.length);
        });
      }
    });
  },
};
