import type { RunResult } from '../engine/engine.js';
import type { RuleMeta } from '../rules/types.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export { renderText } from './text.js';
export { renderJson, toJsonReport } from './json.js';
export { renderSarif, toSarif } from './sarif.js';
export { renderMarkdown, CHECK_RUN_SUMMARY_MAX_CHARS } from './markdown.js';

/** Output formats of the CLI (`--format`). */
export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(x: unknown): x is Format {
  return typeof x === 'string' && (FORMATS as readonly string[]).includes(x);
}

/** Renders a run in one format. `rules`: metas of the rules run (SARIF's rule list). */
export function render(format: Format, result: RunResult, opts: { toolVersion: string; rules: readonly RuleMeta[]; markdownMaxChars?: number }): string {
  switch (format) {
    case 'text':
      return renderText(result);
    case 'json':
      return renderJson(result, opts.toolVersion);
    case 'sarif':
      return renderSarif(result, opts.toolVersion, opts.rules);
    case 'markdown':
      return renderMarkdown(result, { maxChars: opts.markdownMaxChars });
  }
}
