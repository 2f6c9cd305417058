import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist/cli');
const maybe = existsSync(join(DIST, 'index.js')) ? describe : describe.skip;

/** The committed bundle must run on its own: copied outside the repo, with no other node_modules. */
maybe('bundled CLI (dist/cli) from a copy outside the repo', () => {
  const copy = mkdtempSync(join(tmpdir(), 'vnet-preflight-bundle-'));
  cpSync(DIST, join(copy, 'cli'), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'vnet-preflight-bundle-work-'));
  const run = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'cli/index.js'), ...args], { cwd: work, encoding: 'utf8' });

  it('prints its version', () => {
    const r = run('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('checks a folder and exits 1 on a parse error', () => {
    writeFileSync(join(work, 'main.json'), '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [ , ]\n}\n');
    const r = run('check', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ ruleId: 'parse/error', file: 'main.json', line: 3 });
  });

  it('parses Terraform with web-tree-sitter and the shipped grammar', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnet-preflight-bundle-tf-'));
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "azurerm_virtual_network" "v" {\n  name          = "v"\n  address_space = ["10.0.0.0/16"]\n}\n\nresource "azurerm_subnet" "s" {\n  name                 = "s"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes     = ["10.1.0.0/24"]\n}\n',
    );
    const r = spawnSync(process.execPath, [join(copy, 'cli/index.js'), 'check', '--format', 'json', dir], { cwd: work, encoding: 'utf8' });
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { ruleId: string }) => f.ruleId === 'internal/error' || f.ruleId === 'parse/error')).toEqual([]);
    expect(doc.files.map((f: { format: string }) => f.format)).toEqual(['terraform']);
  });

  it('ships the tree-sitter runtime and the grammars', () => {
    for (const f of ['node_modules/web-tree-sitter/web-tree-sitter.js', 'node_modules/web-tree-sitter/web-tree-sitter.wasm', 'node_modules/web-tree-sitter/package.json', 'grammars/tree-sitter-bicep.wasm', 'grammars/tree-sitter-terraform.wasm', 'package.json']) {
      expect(existsSync(join(copy, 'cli', f))).toBe(true);
    }
  });
});
