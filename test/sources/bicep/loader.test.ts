import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { rget } from '../../../src/model/resolved-resource.js';
import { bicepLoader, loadBicep } from '../../../src/sources/bicep/index.js';
import { isTimedOut, loadLanguage, parseWithBudget } from '../../../src/sources/tree-sitter.js';
import type { LoaderContext, SourceFile } from '../../../src/sources/types.js';
import { VROOT, at, loadInline, names, resource } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.resolve(here, '../../fixtures/bicep');

/** Loads every Bicep file of a fixture folder, display paths relative to it. */
async function loadFixture(folder: string, files: string[], retainedSourceChars?: number) {
  const dir = path.join(FIXTURES, folder);
  const sources: SourceFile[] = files.map((f) => ({ path: f, absPath: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
  const ctx: LoaderContext = { files: new Map(sources.map((s) => [s.path, s])), roots: [dir], parameterFiles: new Map(), parseBudgetMs: 2000 };
  return retainedSourceChars === undefined ? bicepLoader.load(sources, ctx) : loadBicep(sources, ctx, {}, { retainedSourceChars });
}

const VNET = 'Microsoft.Network/virtualNetworks';

describe('bicepLoader.claims', () => {
  it.each([
    ['infra/main.bicep', 'bicep'],
    ['infra/MAIN.BICEP', 'bicep'],
    ['infra/prod.bicepparam', 'bicepparam'],
    ['infra/azuredeploy.json', undefined],
    ['main.tf', undefined],
  ])('%s → %s', (p, expected) => {
    expect(bicepLoader.claims({ path: p, absPath: `/x/${p}`, text: '' })).toBe(expected);
  });
});

describe('the network fixture', () => {
  it('points every leaf at its Bicep property value line', async () => {
    const out = await loadFixture('network', ['main.bicep', 'main.bicepparam', 'modules/app.bicep']);
    expect(out.findings).toEqual([]);
    const vnet = out.resources.find((r) => r.type === VNET)!;
    expect(names(vnet)).toEqual(['{contoso-vnet-{uniquestring(resourcegroup().id)}}']);
    expect(vnet.nameRange.line).toBe(46);
    const prefix = rget(vnet.body, 'properties', 'subnets', 0, 'properties', 'addressPrefix')!;
    expect(prefix).toMatchObject({ kind: 'scalar', value: '10.10.1.0/26' });
    expect(prefix.range).toMatchObject({ file: 'main.bicep', line: 57 });
    expect(rget(vnet.body, 'properties', 'subnets', 1, 'properties', 'addressPrefix')!.range.line).toBe(57);
    expect(rget(vnet.body, 'properties', 'addressSpace', 'addressPrefixes', 0)!.range.line).toBe(51);
    const extra = resource(out, `${VNET}/subnets`, 'extra');
    expect(rget(extra.body, 'properties', 'addressPrefix')).toMatchObject({ value: '10.10.5.0/24', range: { line: 76 } });
    const nsg = resource(out, 'Microsoft.Network/networkSecurityGroups', 'contoso-nsg');
    expect(rget(nsg.body, 'properties', 'securityRules', 0, 'properties', 'destinationPortRange')!.range.line).toBe(38);
  });

  it('evaluates the module with the .bicepparam values and links the app to its subnet', async () => {
    const out = await loadFixture('network', ['main.bicep', 'main.bicepparam', 'modules/app.bicep']);
    const site = resource(out, 'Microsoft.Web/sites', 'contoso-app');
    expect(site.scope).toBe('main.bicep');
    expect(site.conditionUnknown).toBeUndefined();
    const subnetId = rget(site.body, 'properties', 'virtualNetworkSubnetId')!;
    expect(subnetId.range).toMatchObject({ file: 'modules/app.bicep', line: 17 });
    expect(String(at(site, 'properties', 'virtualNetworkSubnetId'))).toContain('/virtualNetworks/contoso-vnet-{uniquestring(resourcegroup().id)}/subnets/apps');
    expect(out.files).toEqual([
      { path: 'main.bicep', format: 'bicep', resources: 3, errors: [] },
      { path: 'main.bicepparam', format: 'bicepparam', resources: 0, errors: [] },
      { path: 'modules/app.bicep', format: 'bicep', resources: 2, errors: [] },
    ]);
  });

  it('gives the same result when syntax trees are freed and parsed again (memory bound)', async () => {
    const files = ['main.bicep', 'main.bicepparam', 'modules/app.bicep'];
    const strip = (o: Awaited<ReturnType<typeof loadFixture>>) => JSON.stringify(o, (_k, v) => (v instanceof Map ? [...v] : v));
    expect(strip(await loadFixture('network', files, 1))).toBe(strip(await loadFixture('network', files)));
  });

  it('without the parameter file, the condition on a parameter without a value stays unknown', async () => {
    const out = await loadFixture('network', ['main.bicep', 'modules/app.bicep']);
    const site = resource(out, 'Microsoft.Web/sites', 'demo-app');
    expect(site.conditionUnknown?.expr).toBe("not(equals(parameters('environment'),'dev'))");
  });
});

describe('bad input', () => {
  it('reports a syntax error at its line and column and keeps the resources that parsed', async () => {
    const out = await loadFixture('broken', ['main.bicep']);
    const errors = out.findings.filter((f) => f.ruleId === 'parse/error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 'error', range: { file: 'main.bicep', line: 16, column: 40 } });
    expect(errors[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(out.files[0]!.errors).toEqual([expect.stringMatching(/^16:40 /)]);
    expect(out.resources.map((r) => names(r)[0])).toEqual(['nsg-ok', 'rt-ok']);
  });

  it('reports a MISSING node', async () => {
    const out = await loadInline({ 'main.bicep': "resource v 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: 'v'\n" });
    const e = out.findings.find((f) => f.ruleId === 'parse/error');
    expect(e).toMatchObject({ severity: 'error', range: { line: 2, column: 12 } });
    expect(e!.message).toMatch(/missing '}'/);
    expect(out.resources).toEqual([]);
  });

  it('a parse over budget is a parse/error that says so, and other files still load', async () => {
    const big = Array.from({ length: 200 }, (_, i) => `var v${i} = '${i}'`).join('\n');
    const out = await loadInline(
      { 'slow.bicep': big, 'ok.bicep': "resource n 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'n'\n}" },
      { budgetMs: -1 },
    );
    const e = out.findings.find((f) => f.range.file === 'slow.bicep');
    expect(e).toMatchObject({ ruleId: 'parse/error', severity: 'error', range: { line: 1, column: 1 } });
    expect(e!.message).toMatch(/longer than the -1 ms budget/);
    expect(out.files.find((f) => f.path === 'slow.bicep')!.errors).toHaveLength(1);
  });

  it('parseWithBudget returns { timedOut } when cancelled and a tree otherwise', async () => {
    const lang = await loadLanguage('tree-sitter-bicep.wasm');
    const text = "var x = 'a'\n".repeat(100);
    expect(isTimedOut(parseWithBudget(lang, text, -1))).toBe(true);
    const tree = parseWithBudget(lang, text, 60_000);
    expect(isTimedOut(tree)).toBe(false);
    if (!isTimedOut(tree)) tree.delete();
  });

  it.each([
    ['binary garbage', '\u0000\u0001\u00ff{{{[[[(((\'\'\'${'],
    ['unterminated everything', "resource x 'a@b' = [for (a, b) in : if ( { name: '${"],
    ['deep nesting', '['.repeat(2000) + ']'.repeat(2000)],
    ['deep nesting in a resource', `resource r 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'r'\n  properties: {\n    x: ${'['.repeat(3000)}${']'.repeat(3000)}\n  }\n}`],
    ['deeply nested interpolation', `var x = '${"${'".repeat(3000)}'`],
    ['self-referencing vars', 'var a = b\nvar b = a\nresource r \'Microsoft.Network/networkSecurityGroups@2023-09-01\' = {\n  name: a\n}'],
    ['self-referencing resource', "resource r 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'r'\n  properties: {\n    x: r.properties.x\n  }\n}"],
  ])('never throws on %s', async (_n, text) => {
    const out = await loadInline({ 'main.bicep': text });
    expect(out.findings.filter((f) => f.ruleId === 'load/evaluation-error')).toEqual([]);
  });
});

describe('modules that cannot be loaded', () => {
  it('a registry module is a note and its outputs are unknown', async () => {
    const out = await loadInline({
      'main.bicep': "module m 'br/public:avm/res/network/virtual-network:0.7.0' = {\n  name: 'm'\n}\nresource a 'Microsoft.Web/sites@2023-01-01' = {\n  name: 'a'\n  properties: {\n    virtualNetworkSubnetId: m.outputs.subnetResourceIds[0]\n  }\n}",
    });
    expect(out.findings).toEqual([expect.objectContaining({ ruleId: 'load/remote-module', severity: 'note', range: expect.objectContaining({ line: 1, column: 10 }) })]);
    expect(rget(out.resources[0]!.body, 'properties', 'virtualNetworkSubnetId')?.kind).toBe('unknown');
  });

  it('a missing module file is a warning', async () => {
    const out = await loadInline({ 'main.bicep': "module m './nope.bicep' = {\n  name: 'm'\n}" });
    expect(out.findings).toEqual([expect.objectContaining({ ruleId: 'load/missing-file', severity: 'warning', range: expect.objectContaining({ line: 1 }) })]);
  });

  it('a module outside the roots is an error and is not read', async () => {
    const out = await loadInline(
      {
        'app/main.bicep': "module m '../shared/net.bicep' = {\n  name: 'm'\n}",
        'shared/net.bicep': "resource n 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'n'\n}",
      },
      { roots: [path.join(VROOT, 'app')], claimed: ['app/main.bicep'] },
    );
    expect(out.findings).toEqual([expect.objectContaining({ ruleId: 'load/outside-root', severity: 'error', range: expect.objectContaining({ file: 'app/main.bicep', line: 1 }) })]);
    expect(out.resources).toEqual([]);
  });

  it('a module cycle is an error, not a hang', async () => {
    const out = await loadInline({
      'main.bicep': "module a 'a.bicep' = {\n  name: 'a'\n}",
      'a.bicep': "module b 'b.bicep' = {\n  name: 'b'\n}\nresource n 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'nsg-a'\n}",
      'b.bicep': "module a 'a.bicep' = {\n  name: 'a'\n}",
    });
    const cycle = out.findings.filter((f) => f.ruleId === 'load/module-cycle');
    expect(cycle).toEqual([expect.objectContaining({ severity: 'error', range: expect.objectContaining({ file: 'b.bicep', line: 1 }) })]);
    expect(out.resources.map((r) => names(r)[0])).toEqual(['nsg-a']);
  });

  it('a cycle of modules with no root is still evaluated (once) and reported', async () => {
    const out = await loadInline({
      'a.bicep': "module b 'b.bicep' = {\n  name: 'b'\n}\nresource n 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'nsg-a'\n}",
      'b.bicep': "module a 'a.bicep' = {\n  name: 'a'\n}\nresource n 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {\n  name: 'nsg-b'\n}",
    });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['load/module-cycle']);
    expect(out.resources.map((r) => names(r)[0]).sort()).toEqual(['nsg-a', 'nsg-b']);
  });
});

describe('Bicep loops over values not known statically', () => {
  it('note a loop that may create network resources, not one that cannot (role assignments)', async () => {
    const { loadInline } = await import('./helpers.js');
    const out = await loadInline({
      'main.bicep': `param subnets array
param principals array
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {
  name: 'hub'
}
resource sn 'Microsoft.Network/virtualNetworks/subnets@2024-01-01' = [for s in subnets: {
  parent: vnet
  name: s.name
  properties: { addressPrefix: s.prefix }
}]
resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for p in principals: {
  name: guid(p)
  properties: { principalId: p, roleDefinitionId: 'x' }
}]
`,
    });
    expect(out.findings.filter((f) => f.ruleId === 'load/unresolved-loop').map((f) => f.range.line)).toEqual([6]);
  });
});

describe('Bicep syntax errors', () => {
  it('report an unclosed bracket where the file ends, not at the declaration start', async () => {
    const { loadInline } = await import('./helpers.js');
    const out = await loadInline({ 'main.bicep': "resource v 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'v'\n  properties: {\n    addressSpace: {\n" });
    const errs = out.findings.filter((f) => f.ruleId === 'parse/error');
    expect(errs.map((f) => [f.range.line, f.message.includes('not closed')])).toEqual([[4, true]]);
  });
});
