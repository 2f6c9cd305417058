import { describe, expect, it } from '@jest/globals';
import type { Finding } from '../../src/core/finding.js';
import { applySuppressions, classifyLines, findSuppressions } from '../../src/engine/suppressions.js';

const finding = (ruleId: string, line: number, file = 'main.json'): Finding => ({
  ruleId,
  severity: 'error',
  message: 'm',
  range: { file, line, column: 5, endLine: line, endColumn: 9 },
  fingerprint: 'f',
});

describe('inline suppressions', () => {
  it('parses // comments in ARM JSON with several rule ids and a reason', () => {
    const text = ['{', '  // vnet-preflight-disable-next-line ise/subnet-size, network/nsg-priority -- legacy subnet', '', '  "addressPrefix": "10.0.0.0/28"', '}'].join('\n');
    const [s] = findSuppressions('main.json', text);
    expect(s).toMatchObject({ ruleIds: ['ise/subnet-size', 'network/nsg-priority'], reason: 'legacy subnet', targetLine: 4 });
    expect(s!.range).toEqual({ file: 'main.json', line: 2, column: 3, endLine: 2, endColumn: text.split('\n')[1]!.length + 1 });
  });

  it('parses # comments (HCL) and skips comment-only lines to find the target', () => {
    const text = ['# vnet-preflight-disable-next-line ase/nsg-inbound -- managed elsewhere', '# explanation', '// more', 'resource "x" "y" {}'].join('\n');
    expect(findSuppressions('main.tf', text)[0]!.targetLine).toBe(4);
  });

  it('parses /* */ comments, one-line and multi-line (Bicep)', () => {
    const one = "/* vnet-preflight-disable-next-line ise/subnet-size -- ok */\nparam x string\n";
    expect(findSuppressions('a.bicep', one)[0]).toMatchObject({ ruleIds: ['ise/subnet-size'], reason: 'ok', targetLine: 2 });
    const multi = '/* vnet-preflight-disable-next-line ise/subnet-size -- spans\n   lines */\n\nresource v \'x\' = {}\n';
    expect(findSuppressions('a.bicep', multi)[0]).toMatchObject({ reason: 'spans', targetLine: 4 });
  });

  it('a directive without a reason has an empty reason and yields a note', () => {
    const text = '// vnet-preflight-disable-next-line ise/subnet-size\n"x": 1\n';
    const sups = findSuppressions('main.json', text);
    expect(sups[0]!.reason).toBe('');
    const out = applySuppressions([finding('ise/subnet-size', 2)], new Map([['main.json', sups]]));
    expect(out.kept).toEqual([]);
    expect(out.suppressed).toHaveLength(1);
    expect(out.notes.map((n) => [n.ruleId, n.severity, n.range.line])).toEqual([['suppression/missing-reason', 'note', 1]]);
  });

  it('only suppresses the named rules on the target line of that file', () => {
    const sups = findSuppressions('main.json', '// vnet-preflight-disable-next-line a/b -- r\n"x": 1\n"y": 2\n');
    const out = applySuppressions([finding('a/b', 2), finding('a/b', 3), finding('c/d', 2), finding('a/b', 2, 'other.json')], new Map([['main.json', sups]]));
    expect(out.suppressed.map((f) => [f.ruleId, f.range.line, f.range.file])).toEqual([['a/b', 2, 'main.json']]);
    expect(out.kept).toHaveLength(3);
    expect(out.notes).toEqual([]);
  });

  it('a URL in a string is code, not a comment', () => {
    expect(classifyLines(['  "uri": "https://example.com"', '  // c', '', '  /* a', '  b */', '  /* c */ x'])).toEqual([true, false, false, false, false, true]);
  });
});
