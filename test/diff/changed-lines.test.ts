import { describe, expect, it } from '@jest/globals';
import { parsePatch, parseUnifiedDiff } from '../../src/diff/changed-lines.js';
import { filterByChange, inChangedFiles, isChangedLine, parseChangedFilesList } from '../../src/diff/scope.js';
import type { Finding } from '../../src/core/finding.js';

const DIFF = [
  'diff --git a/infra/main.json b/infra/main.json',
  'index 1111111..2222222 100644',
  '--- a/infra/main.json',
  '+++ b/infra/main.json',
  '@@ -3,4 +3,5 @@ {',
  '   "a": 1,',
  '-  "b": 2,',
  '+  "b": 3,',
  '+++ not a header, an added line',
  '   "c": 4,',
  '   "d": 5',
  '@@ -20 +21,2 @@',
  '-x',
  '+y',
  '+z',
  '\\ No newline at end of file',
  'diff --git a/old.bicep b/old.bicep',
  'deleted file mode 100644',
  '--- a/old.bicep',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-a',
  '-b',
  'diff --git a/new.tf b/new.tf',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/new.tf',
  '@@ -0,0 +1,2 @@',
  '+one',
  '+two',
].join('\n');

describe('changed lines', () => {
  it('records added/changed new-side lines per file', () => {
    const m = parseUnifiedDiff(DIFF);
    expect([...m.keys()]).toEqual(['infra/main.json', 'new.tf']);
    expect([...m.get('infra/main.json')!]).toEqual([4, 5, 21, 22]);
    expect([...m.get('new.tf')!]).toEqual([1, 2]);
  });

  it('parses a GitHub file patch without headers', () => {
    expect([...parsePatch('@@ -1,3 +1,3 @@\n a\n-b\n+B\n c')]).toEqual([2]);
  });

  it('tolerates CRLF', () => {
    expect([...parseUnifiedDiff(DIFF.replace(/\n/g, '\r\n')).get('new.tf')!]).toEqual([1, 2]);
  });
});

describe('scope', () => {
  const f = (file: string, line: number, endLine = line): Finding => ({ ruleId: 'a/b', severity: 'error', message: 'm', fingerprint: 'x', range: { file, line, column: 1, endLine, endColumn: 2 } });

  it('filters by changed file or changed line', () => {
    const changed = parseUnifiedDiff(DIFF);
    const all = [f('infra/main.json', 4), f('infra/main.json', 10), f('infra/main.json', 8, 21), f('other.json', 1)];
    expect(filterByChange(all, changed, 'file')).toHaveLength(3);
    expect(filterByChange(all, changed, 'added').map((x) => x.range.line)).toEqual([4, 8]);
    expect(isChangedLine(changed, './infra/main.json', 5)).toBe(true);
  });

  it('matches changed-file lists written with ./ or backslashes', () => {
    const list = parseChangedFilesList('./infra/main.json\r\n\n# comment\ninfra\\net.bicep\n');
    expect(list).toEqual(['./infra/main.json', 'infra\\net.bicep']);
    expect(inChangedFiles('infra/main.json', list)).toBe(true);
    expect(inChangedFiles('infra/net.bicep', list)).toBe(true);
    expect(inChangedFiles('infra/other.bicep', list)).toBe(false);
  });
});
