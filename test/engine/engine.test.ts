import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../src/engine/config.js';
import { PathError } from '../../src/engine/discover.js';
import { MAX_FILE_BYTES } from '../../src/engine/engine.js';
import { runFake, tempTree } from './fakes.js';

describe('engine run', () => {
  it('reports rule findings with helpUri, source, resource and a fingerprint, sorted by file and line', async () => {
    const dir = tempTree({ 'b.tf': 'vnet bad-b\n', 'a.tf': 'vnet ok\nvnet bad-a\n', 'package.json': '{"name":"x"}' });
    const r = await runFake(dir);
    expect(r.findings.map((f) => [f.range.file, f.range.line, f.ruleId, f.severity])).toEqual([
      ['a.tf', 2, 'test/bad-name', 'warning'],
      ['b.tf', 1, 'test/bad-name', 'warning'],
    ]);
    const f = r.findings[0]!;
    expect(f.helpUri).toBe('https://github.com/vnet-preflight/vnet-preflight/blob/main/docs/rules/test/bad-name.md');
    expect(f.source).toBe('seed.txt#names');
    expect(f.resource).toBe('Microsoft.Network/virtualNetworks/bad-a');
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(r.files.map((x) => x.path)).toEqual(['a.tf', 'b.tf']);
    expect(r.summary).toEqual({ error: 0, warning: 2, note: 0 });
  });

  it('keeps the fingerprint when unrelated lines move', async () => {
    const a = await runFake(tempTree({ 'a.tf': 'vnet bad-a\n' }));
    const b = await runFake(tempTree({ 'a.tf': '\n\nvnet ok\nvnet bad-a\n' }));
    expect(b.findings[0]!.range.line).toBe(4);
    expect(b.findings[0]!.fingerprint).toBe(a.findings[0]!.fingerprint);
  });

  it('turns a throwing rule into an internal/error finding naming the rule and the resource', async () => {
    const dir = tempTree({ 'main.tf': 'vnet bad-1\nvnet boom\n' });
    const r = await runFake(dir);
    const ie = r.findings.filter((f) => f.ruleId === 'internal/error');
    expect(ie).toHaveLength(1);
    expect(ie[0]!.range.line).toBe(2);
    expect(ie[0]!.message).toContain('test/throws');
    expect(ie[0]!.message).toContain('Microsoft.Network/virtualNetworks/boom');
    expect(ie[0]!.resource).toBe('Microsoft.Network/virtualNetworks/boom');
    // the other rule still ran
    expect(r.findings.some((f) => f.ruleId === 'test/bad-name')).toBe(true);
  });

  it('applies config severity overrides and off', async () => {
    const dir = tempTree({ 'main.tf': 'vnet bad-1\nvnet boom\n', '.vnet-preflight.yml': 'rules:\n  test/bad-name: error\n  test/throws: off\n' });
    const r = await runFake(dir);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['test/bad-name', 'error']]);
  });

  it('reads an explicit config path and reports a bad config with file and line', async () => {
    const dir = tempTree({ 'main.tf': 'vnet bad-1\n', 'cfg/custom.yml': 'rules:\n  test/bad-name: note\n', 'cfg/bad.yml': 'include:\n  - "**/*.tf"\nrulez:\n  x: y\n' });
    const r = await runFake(dir, { configPath: 'cfg/custom.yml' });
    expect(r.findings.map((f) => f.severity)).toEqual(['note']);
    await expect(runFake(dir, { configPath: 'cfg/bad.yml' })).rejects.toThrow(ConfigError);
    await expect(runFake(dir, { configPath: 'cfg/bad.yml' })).rejects.toThrow('cfg/bad.yml:3: unknown key `rulez`');
  });

  it('rejects a config naming an unknown rule', async () => {
    const dir = tempTree({ 'main.tf': 'vnet a\n', '.vnet-preflight.yml': '# rules\nrules:\n  test/nope: off\n' });
    await expect(runFake(dir)).rejects.toThrow('.vnet-preflight.yml:3: unknown rule id `test/nope`');
  });

  it('applies inline suppressions and keeps the suppressed findings apart', async () => {
    const dir = tempTree({
      'main.tf': ['# vnet-preflight-disable-next-line test/bad-name -- migrated next sprint', '', '# another comment', 'vnet bad-1', 'vnet bad-2', ''].join('\n'),
    });
    const r = await runFake(dir);
    expect(r.findings.map((f) => f.range.line)).toEqual([5]);
    expect(r.suppressed).toHaveLength(1);
    expect(r.suppressed[0]!.range.line).toBe(4);
    expect(r.suppressed[0]!.suppressed?.reason).toBe('migrated next sprint');
  });

  it('a suppression without a reason still applies and is itself a note', async () => {
    const dir = tempTree({ 'main.tf': '/* vnet-preflight-disable-next-line test/bad-name */\nvnet bad-1\n' });
    const r = await runFake(dir);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.range.line])).toEqual([['suppression/missing-reason', 'note', 1]]);
    expect(r.suppressed).toHaveLength(1);
  });

  it('skips files over 10 MB with a load/skipped note naming the size', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1024 * 1024, 0x20);
    const dir = tempTree({ 'big.tf': big, 'main.tf': 'vnet bad-1\n' });
    const r = await runFake(dir);
    const skipped = r.findings.filter((f) => f.ruleId === 'load/skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.range.file).toBe('big.tf');
    expect(skipped[0]!.severity).toBe('note');
    expect(skipped[0]!.message).toContain('11.0 MB');
    expect(r.files.map((f) => f.path)).toEqual(['main.tf']);
  });

  it('limits reporting to changed files', async () => {
    const dir = tempTree({ 'a.tf': 'vnet bad-a\n', 'sub/b.tf': 'vnet bad-b\n' });
    const r = await runFake(dir, { changedFiles: ['./sub/b.tf'] });
    expect(r.findings.map((f) => f.range.file)).toEqual(['sub/b.tf']);
    expect(r.summary.warning).toBe(1);
    expect(r.files).toHaveLength(2);
  });

  it('reports could-not-verify notes and unknowns once per range and expression', async () => {
    const dir = tempTree({ 'main.tf': 'vnet ok prefix=?parameters(\'p\')\n' });
    const r = await runFake(dir);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('note');
    expect(r.findings[0]!.message).toBe(
      "Could not verify the VNet's address space: `parameters('p')` is not known before deployment (parameter without default). Give it a value (a default or a parameter file) to have it checked, or check it after deployment.",
    );
    expect(r.unknowns).toEqual([{ ruleId: 'test/bad-name', file: 'main.tf', line: 1, column: 1, expression: "parameters('p')", purpose: "the VNet's address space" }]);
  });

  it('keeps could-not-verify notes as notes when the rule severity is overridden', async () => {
    const dir = tempTree({ 'main.tf': "vnet bad prefix=?x\n", '.vnet-preflight.yml': 'rules:\n  test/bad-name: error\n' });
    const r = await runFake(dir);
    expect(r.findings.map((f) => f.severity).sort()).toEqual(['error', 'note']);
  });

  it('honours include/exclude globs and never reads node_modules', async () => {
    const dir = tempTree({ 'infra/a.tf': 'vnet bad-a\n', 'legacy/b.tf': 'vnet bad-b\n', 'node_modules/x/c.tf': 'vnet bad-c\n', '.vnet-preflight.yml': 'exclude:\n  - "legacy/**"\n' });
    const r = await runFake(dir);
    expect(r.findings.map((f) => f.range.file)).toEqual(['infra/a.tf']);
  });

  it('checks only the given paths, relative to cwd', async () => {
    const dir = tempTree({ 'infra/a.tf': 'vnet bad-a\n', 'other/b.tf': 'vnet bad-b\n' });
    const r = await runFake(dir, { paths: ['infra'] });
    expect(r.findings.map((f) => f.range.file)).toEqual(['infra/a.tf']);
    await expect(runFake(dir, { paths: ['missing'] })).rejects.toThrow(PathError);
  });

  it('keeps checking other files when one has a parse error', async () => {
    const dir = tempTree({ 'a.tf': 'parse-error\n', 'b.tf': 'vnet bad-b\n' });
    const r = await runFake(dir);
    expect(r.findings.map((f) => [f.ruleId, f.range.file])).toEqual([
      ['parse/error', 'a.tf'],
      ['test/bad-name', 'b.tf'],
    ]);
  });

  it('turns a loader crash into internal/error', async () => {
    const dir = tempTree({ 'a.tf': 'vnet bad\n' });
    const { runEngine } = await import('../../src/engine/engine.js');
    const r = await runEngine({ cwd: dir }, { loaders: [{ name: 'crashy', claims: () => 'terraform', load: async () => { throw new Error('kaput'); } }], buildModel: (await import('./fakes.js')).fakeBuildModel, rules: [] });
    expect(r.findings.map((f) => [f.ruleId, f.message])).toEqual([['internal/error', 'Internal error in the crashy loader: kaput. Its 1 files were not checked.']]);
  });

  it('dedupes identical findings', async () => {
    const dir = tempTree({ 'a.tf': 'vnet bad-a\n' });
    const dup = { ...(await import('./fakes.js')).badNameRule, meta: { ...(await import('./fakes.js')).badNameRule.meta } };
    const r = await runFake(dir, {}, [dup, dup]);
    expect(r.findings).toHaveLength(1);
  });
});
