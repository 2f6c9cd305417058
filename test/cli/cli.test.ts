import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'src/entry/cli.ts');
/** tsx's loader by absolute URL: `--import tsx` would resolve from the temp cwd. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
/** Set VNET_PREFLIGHT_CLI=dist/cli/index.js to run these against the bundle. */
const BUNDLE = process.env.VNET_PREFLIGHT_CLI ? resolve(ROOT, process.env.VNET_PREFLIGHT_CLI) : undefined;

function cli(args: string[], cwd: string) {
  const argv = BUNDLE ? [BUNDLE, ...args] : ['--import', TSX, CLI, ...args];
  const r = spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-preflight-cli-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

/** A malformed ARM template: a `parse/error` (severity error) at line 4. */
const BROKEN = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": [ , ]\n}\n';
/** A template with nothing to report. */
const CLEAN = '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "contentVersion": "1.0.0.0",\n  "resources": []\n}\n';

describe('vnet-preflight CLI', () => {
  it('--help and --version exit 0', () => {
    const dir = tree({});
    const h = cli(['--help'], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage: vnet-preflight check [PATH...]');
    const v = cli(['--version'], dir);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 0 when nothing is found', () => {
    const r = cli(['check'], tree({ 'main.json': CLEAN, 'package.json': '{"name":"x"}' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No problems found');
  });

  it('exits 1 on an error finding, 0 with --fail-on never', () => {
    const dir = tree({ 'infra/main.json': BROKEN, 'infra/ok.json': CLEAN });
    const r = cli(['check', 'infra'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^infra\/main\.json\n {2}4:\d+ +error +parse\/error /m);
    expect(cli(['check', 'infra', '--fail-on', 'never'], dir).code).toBe(0);
  });

  it('prints the JSON contract on stdout, nothing else', () => {
    const r = cli(['check', '--format', 'json'], tree({ 'main.json': BROKEN }));
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.version).toBe(1);
    expect(doc.findings[0]).toMatchObject({ ruleId: 'parse/error', file: 'main.json', line: 4, severity: 'error' });
    expect(doc.summary.error).toBeGreaterThanOrEqual(1);
  });

  it('writes SARIF to --output', () => {
    const dir = tree({ 'main.json': BROKEN });
    const r = cli(['check', '--format', 'sarif', '--output', 'out/report.sarif'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].ruleId).toBe('parse/error');
  });

  it('--changed-files limits reporting', () => {
    const dir = tree({ 'a.json': BROKEN, 'b.json': BROKEN, 'changed.txt': 'b.json\n' });
    const r = cli(['check', '--format', 'json', '--changed-files', 'changed.txt'], dir);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['b.json']);
  });

  const bad: [string, string[], Record<string, string>, RegExp][] = [
    ['an unknown option', ['check', '--colour'], {}, /^vnet-preflight: Unknown option '--colour'/],
    ['a bad --format', ['check', '--format', 'xml'], {}, /--format must be one of text, json, sarif, markdown/],
    ['a bad --fail-on', ['check', '--fail-on', 'fatal'], {}, /--fail-on must be/],
    ['a missing command', [], {}, /missing command/],
    ['a missing path', ['check', 'nope'], {}, /path not found: nope/],
    ['a bad config', ['check'], { '.vnet-preflight.yml': 'rules:\n  network/nope: off\n' }, /\.vnet-preflight\.yml:2: unknown rule id `network\/nope`/],
    ['a missing --config', ['check', '--config', 'none.yml'], {}, /none\.yml:1: cannot read the config file/],
    ['a bad --parse-budget-ms', ['check', '--parse-budget-ms', 'soon'], {}, /--parse-budget-ms must be a positive whole number/],
  ];
  it.each(bad)('exits 2 with a one-line reason on %s', (_n, args, files, msg) => {
    const r = cli(args, tree(files));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints progress on stderr (not stdout) for runs over 200 files', () => {
    const files: Record<string, string> = { 'main.json': BROKEN };
    for (let i = 0; i < 201; i++) files[`other/f${i}.json`] = '{"name":"not a template"}';
    const r = cli(['check', '--format', 'json'], tree(files));
    expect(r.stderr).toMatch(/^vnet-preflight: Reading 202 files…$/m);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    const small = cli(['check', '--format', 'json'], tree({ 'main.json': BROKEN }));
    expect(small.stderr).toBe('');
  });

  it('creates no output file on bad usage', () => {
    const dir = tree({});
    cli(['check', '--format', 'xml', '--output', 'r.txt'], dir);
    expect(existsSync(join(dir, 'r.txt'))).toBe(false);
  });
});
