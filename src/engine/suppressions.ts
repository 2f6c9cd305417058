import type { Finding } from '../core/finding.js';
import { fingerprint } from '../core/fingerprint.js';
import type { SourceRange } from '../core/position.js';

/** The directive word (design.md, "Config file": inline suppression). */
export const DIRECTIVE = 'vnet-preflight-disable-next-line';
/** Rule id of the note a suppression without a reason gets. */
export const MISSING_REASON_ID = 'suppression/missing-reason';

/**
 * One inline suppression: `// vnet-preflight-disable-next-line <id>[, <id>] -- <reason>` (also in
 * `#` and `/* *\/` comments). It applies to findings of those rules whose range starts on
 * `targetLine`: the next line after the comment that is neither blank nor only a comment.
 */
export interface Suppression {
  ruleIds: string[];
  /** Empty when the directive has no `-- reason`. */
  reason: string;
  /** Range of the directive comment (from the comment marker to the end of the comment on that line). */
  range: SourceRange;
  /** 1-based line the suppression applies to; undefined when no code line follows. */
  targetLine?: number;
}

const DIRECTIVE_RE = new RegExp(`(\\/\\/|#|\\/\\*)\\s*${DIRECTIVE}\\b(.*)$`);

/**
 * Finds the suppression directives of one file. `file` is the display path stored in ranges.
 * Works on the raw text (no parser needed), for JSON with comments, Bicep and HCL alike.
 */
export function findSuppressions(file: string, text: string): Suppression[] {
  if (!text.includes(DIRECTIVE)) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const hasCode = classifyLines(lines);
  const out: Suppression[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = DIRECTIVE_RE.exec(line);
    if (!m) continue;
    const marker = m[1]!;
    let body = m[2]!;
    let endIdx = i;
    if (marker === '/*') {
      const close = body.indexOf('*/');
      if (close >= 0) body = body.slice(0, close);
      else {
        // The block comment continues: its end line is where `*/` is.
        endIdx = i + 1;
        while (endIdx < lines.length && !lines[endIdx]!.includes('*/')) endIdx++;
      }
    }
    const sep = body.indexOf('--');
    const idsText = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const ruleIds = idsText
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    let target: number | undefined;
    for (let j = endIdx + 1; j < lines.length; j++) {
      if (hasCode[j]) {
        target = j + 1;
        break;
      }
    }
    const col = m.index + 1;
    out.push({
      ruleIds,
      reason,
      range: { file, line: i + 1, column: col, endLine: i + 1, endColumn: line.length + 1 },
      targetLine: target,
    });
  }
  return out;
}

/**
 * For each line: does it hold anything but blanks and comments? Tracks `/* *\/` blocks; `//` and `#`
 * start a line comment only at the start of the (trimmed) remaining text, so `"https://x"` is code.
 */
export function classifyLines(lines: readonly string[]): boolean[] {
  const out: boolean[] = [];
  let inBlock = false;
  for (const line of lines) {
    let s = line;
    let code = false;
    for (;;) {
      if (inBlock) {
        const close = s.indexOf('*/');
        if (close < 0) break;
        s = s.slice(close + 2);
        inBlock = false;
      }
      const t = s.trimStart();
      if (t === '' || t.startsWith('//') || t.startsWith('#')) break;
      if (t.startsWith('/*')) {
        s = t.slice(2);
        inBlock = true;
        continue;
      }
      code = true;
      break;
    }
    out.push(code);
  }
  return out;
}

/** What applying suppressions gives: findings kept, findings suppressed (with `suppressed` set), and notes. */
export interface SuppressionOutcome {
  kept: Finding[];
  suppressed: Finding[];
  /** `suppression/missing-reason` notes, one per directive without a reason. */
  notes: Finding[];
}

/**
 * Applies suppressions (by file display path) to findings. A directive without a reason still
 * applies and adds a `suppression/missing-reason` note at the directive.
 */
export function applySuppressions(findings: readonly Finding[], byFile: ReadonlyMap<string, Suppression[]>): SuppressionOutcome {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const sups = byFile.get(f.range.file);
    const s = sups?.find((x) => x.targetLine === f.range.line && x.ruleIds.includes(f.ruleId));
    if (s) suppressed.push({ ...f, suppressed: { reason: s.reason, range: s.range } });
    else kept.push(f);
  }
  const notes: Finding[] = [];
  for (const [file, sups] of byFile) {
    for (const s of sups) {
      if (s.reason !== '') continue;
      const ids = s.ruleIds.join(', ') || '(no rule id)';
      notes.push({
        ruleId: MISSING_REASON_ID,
        severity: 'note',
        message: `Suppression of ${ids} has no reason: write \`-- <reason>\` after the rule ids so reviewers know why.`,
        range: s.range,
        fingerprint: fingerprint(MISSING_REASON_ID, file, ...s.ruleIds),
      });
    }
  }
  return { kept, suppressed, notes };
}
