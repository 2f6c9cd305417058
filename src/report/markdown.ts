import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { RunResult } from '../engine/engine.js';

/** GitHub check run `output.summary` limit, characters (design.md, "Platform facts"). */
export const CHECK_RUN_SUMMARY_MAX_CHARS = 65_535;
/** GitHub step summary limit, 1 MiB (design.md, "Platform facts"); we count characters, a safe lower bound. */
export const STEP_SUMMARY_MAX_CHARS = 1024 * 1024;

export interface MarkdownOptions {
  /** Maximum length of the output in characters (default: the check run summary limit). */
  maxChars?: number;
  /** Heading text before the counts (default `vnet-preflight`). */
  title?: string;
}

const SECTIONS: { severity: Severity; heading: string; icon: string }[] = [
  { severity: 'error', heading: 'Errors', icon: '❌' },
  { severity: 'warning', heading: 'Warnings', icon: '⚠️' },
  { severity: 'note', heading: 'Notes', icon: 'ℹ️' },
];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes text for a GitHub-flavoured markdown table cell. */
export function cell(s: string): string {
  // `<`/`>` are escaped outside code spans only (inside them entities would show literally).
  return s
    .replace(/\r?\n/g, ' ')
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;').replace(/>/g, '&gt;') : part))
    .join('`')
    .replace(/\|/g, '\\|');
}

function row(f: Finding): string {
  const loc = f.range.file ? `\`${f.range.file}:${f.range.line}\`` : '—';
  const rule = f.helpUri ? `[${f.ruleId}](${f.helpUri})` : `\`${f.ruleId}\``;
  return `| ${loc} | ${rule} | ${cell(f.message)} |`;
}

/**
 * The markdown summary a pull request shows (check run summary, job summary, PR comment):
 * a title with the counts, one table per severity (location, rule linked to its docs page,
 * message), the suppressed and could-not-verify counts. Never longer than `maxChars`: rows that
 * don't fit are replaced by one "… and N more" line.
 */
export function renderMarkdown(result: RunResult, opts: MarkdownOptions = {}): string {
  const max = opts.maxChars ?? CHECK_RUN_SUMMARY_MAX_CHARS;
  const s = result.summary;
  const total = s.error + s.warning + s.note;
  const title = opts.title ?? 'vnet-preflight';
  const head =
    total === 0
      ? `## ✅ ${title}: no problems found\n\n${plural(result.files.length, 'file')} checked.\n`
      : `## ${s.error > 0 ? '❌' : s.warning > 0 ? '⚠️' : 'ℹ️'} ${title}: ${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.note, 'note')}\n\n${plural(result.files.length, 'file')} checked.\n`;
  const footer: string[] = [];
  if (result.suppressed.length > 0) footer.push(`${plural(result.suppressed.length, 'finding')} suppressed inline.`);
  if (result.unknowns.length > 0) footer.push(`${plural(result.unknowns.length, 'value')} could not be verified before deployment (see the notes).`);
  const footerText = footer.length > 0 ? `\n${footer.join('\n\n')}\n` : '';

  const parts: string[] = [head];
  let used = head.length + footerText.length;
  let omitted = 0;
  const moreLine = (n: number) => `\n… and ${plural(n, 'more finding')} not shown.\n`;
  const reserve = moreLine(result.findings.length).length;
  for (const sec of SECTIONS) {
    const list = result.findings.filter((f) => f.severity === sec.severity);
    if (list.length === 0) continue;
    if (omitted > 0) {
      omitted += list.length;
      continue;
    }
    const secHead = `\n### ${sec.icon} ${sec.heading} (${list.length})\n\n| Location | Rule | Message |\n| --- | --- | --- |\n`;
    if (used + secHead.length + reserve > max) {
      omitted += list.length;
      continue;
    }
    let secText = secHead;
    let shown = 0;
    for (const f of list) {
      const line = row(f) + '\n';
      if (used + secText.length + line.length + reserve > max) break;
      secText += line;
      shown++;
    }
    if (shown === 0) {
      omitted += list.length;
      continue;
    }
    parts.push(secText);
    used += secText.length;
    omitted += list.length - shown;
  }
  if (omitted > 0) parts.push(moreLine(omitted));
  parts.push(footerText);
  const out = parts.join('');
  return out.length <= max ? out : out.slice(0, max);
}
