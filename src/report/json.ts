import type { Finding } from '../core/finding.js';
import type { RunResult } from '../engine/engine.js';
import type { FileReport } from '../sources/types.js';

/** One finding in the JSON contract (design.md, "Contracts"). */
export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  resource?: string;
  source?: string;
  fingerprint: string;
  helpUri?: string;
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

/** The `--format json` document, version 1 (design.md, "Contracts"), plus an optional `unknowns` list. */
export interface JsonReport {
  version: 1;
  tool: { name: string; version: string };
  files: FileReport[];
  findings: JsonFinding[];
  summary: { error: number; warning: number; note: number };
  unknowns?: { ruleId: string; file: string; line: number; column: number; expression: string; purpose: string }[];
}

/** Maps a finding to its JSON contract shape (field order fixed). */
export function toJsonFinding(f: Finding): JsonFinding {
  const r = f.range;
  const j: JsonFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: r.file,
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    resource: f.resource,
    source: f.source,
    fingerprint: f.fingerprint,
    helpUri: f.helpUri,
  };
  if (f.related && f.related.length > 0) {
    j.related = f.related.map((x) => ({ file: x.range.file, line: x.range.line, column: x.range.column, endLine: x.range.endLine, endColumn: x.range.endColumn, message: x.message }));
  }
  return j;
}

/** Builds the JSON report object. `toolVersion` comes from package.json (engine/version.ts). */
export function toJsonReport(result: RunResult, toolVersion: string): JsonReport {
  const rep: JsonReport = {
    version: 1,
    tool: { name: 'vnet-preflight', version: toolVersion },
    files: result.files.map((f) => ({ path: f.path, format: f.format, resources: f.resources, errors: [...f.errors] })),
    findings: result.findings.map(toJsonFinding),
    summary: { error: result.summary.error, warning: result.summary.warning, note: result.summary.note },
  };
  if (result.unknowns.length > 0) rep.unknowns = result.unknowns.map((u) => ({ ruleId: u.ruleId, file: u.file, line: u.line, column: u.column, expression: u.expression, purpose: u.purpose }));
  return rep;
}

/** `--format json`: the report as pretty-printed JSON (2-space indent), ending with a newline. */
export function renderJson(result: RunResult, toolVersion: string): string {
  return JSON.stringify(toJsonReport(result, toolVersion), null, 2) + '\n';
}
