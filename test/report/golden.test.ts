import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif, ruleName, sarifRegion } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { EMPTY_RESULT, FIXED_RESULT, RULE_METAS } from './fixture.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const VERSION = '0.0.0-test';

/** Compares with a golden file; `UPDATE_GOLDEN=1 npm test -- test/report` rewrites them. */
function golden(name: string, actual: string): void {
  const p = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(p)) writeFileSync(p, actual);
  expect(actual).toBe(readFileSync(p, 'utf8'));
}

describe('golden outputs', () => {
  it('text', () => golden('report.txt', renderText(FIXED_RESULT)));
  it('text, clean run', () => golden('empty.txt', renderText(EMPTY_RESULT)));
  it('json', () => golden('report.json', renderJson(FIXED_RESULT, VERSION)));
  it('json, clean run', () => golden('empty.json', renderJson(EMPTY_RESULT, VERSION)));
  it('sarif', () => golden('report.sarif', renderSarif(FIXED_RESULT, VERSION, RULE_METAS)));
  it('markdown', () => golden('report.md', renderMarkdown(FIXED_RESULT)));
  it('markdown, clean run', () => golden('empty.md', renderMarkdown(EMPTY_RESULT)));
  it('markdown, capped', () => golden('capped.md', renderMarkdown(FIXED_RESULT, { maxChars: 800 })));
});

describe('renderer contracts', () => {
  it('json has exactly the documented keys', () => {
    const doc = JSON.parse(renderJson(FIXED_RESULT, VERSION));
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'files', 'findings', 'summary', 'unknowns']);
    expect(doc.tool).toEqual({ name: 'vnet-preflight', version: VERSION });
    expect(Object.keys(doc.findings[2])).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'resource', 'source', 'fingerprint', 'helpUri']);
    expect(Object.keys(JSON.parse(renderJson(EMPTY_RESULT, VERSION)))).not.toContain('unknowns');
  });

  it('sarif results point at their rule and carry fingerprints and suppressions', () => {
    const log = JSON.parse(renderSarif(FIXED_RESULT, VERSION, RULE_METAS));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['ise/subnet-size', 'ase/nsg-inbound', 'parse/error']);
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    expect(run.results).toHaveLength(5);
    expect(run.results[4].suppressions).toEqual([{ kind: 'inSource', justification: 'legacy subnet, resized in Q3' }]);
    expect(run.results[2].partialFingerprints).toEqual({ 'vnetPreflight/v1': '1234567890abcdef1234567890abcdef' });
    expect(run.results[2].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'infra/ise.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 41, startColumn: 5, endLine: 41, endColumn: 35 } });
  });

  it('sarif regions: empty ranges give only their start; rule names are identifiers', () => {
    expect(sarifRegion({ file: 'a', line: 1, column: 1, endLine: 1, endColumn: 1 })).toEqual({ startLine: 1, startColumn: 1 });
    expect(sarifRegion({ file: 'a', line: 2, column: 5, endLine: 3, endColumn: 1 })).toEqual({ startLine: 2, startColumn: 5, endLine: 3, endColumn: 1 });
    expect(ruleName('vnet-integration/subnet-size')).toBe('VnetIntegrationSubnetSize');
  });

  it('markdown never exceeds the character limit', () => {
    const many = { ...FIXED_RESULT, findings: Array.from({ length: 3000 }, (_, i) => ({ ...FIXED_RESULT.findings[2]!, range: { ...FIXED_RESULT.findings[2]!.range, line: i + 1 } })) };
    const md = renderMarkdown(many, { maxChars: 65_535 });
    expect(md.length).toBeLessThanOrEqual(65_535);
    expect(md).toMatch(/… and \d+ more findings not shown\./);
  });
});
