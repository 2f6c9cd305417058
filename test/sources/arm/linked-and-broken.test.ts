import { find, loadFixture, prop } from './helpers.js';

describe('linked templates (templateLink.relativePath)', () => {
  it('loads a linked template with the caller\'s parameters and scope, and reads its outputs', async () => {
    const out = await loadFixture('linked');
    const fromMain = out.resources.filter((r) => r.scope === 'main.json');
    const vnet = fromMain.find((r) => r.type === 'Microsoft.Network/virtualNetworks');
    expect(vnet?.nameSegments).toEqual(['vnet-prod']);
    expect(vnet?.range.file).toBe('modules/network.json');
    expect(fromMain.some((r) => r.type === 'Microsoft.Resources/deployments')).toBe(false);
    const app = fromMain.find((r) => r.type === 'Microsoft.Web/sites');
    expect(prop(app, 'properties', 'virtualNetworkSubnetId')).toBe(
      '/subscriptions/{subscription().subscriptionid}/resourceGroups/{resourcegroup().name}/providers/Microsoft.Network/virtualNetworks/vnet-prod/subnets/ise');
    // the linked template is checked as part of the deployment that links it, not again on its own
    expect(find(out, 'Microsoft.Network/virtualNetworks', "{parameters('vnetName')}")).toBeUndefined();
  });

  it('reports a missing file, a path outside the root and a cycle at the relativePath line', async () => {
    const out = await loadFixture('linked');
    const f = (id: string) => out.findings.filter((x) => x.ruleId === id).map((x) => [x.severity, x.range.file, x.range.line]);
    expect(f('load/missing-file')).toEqual([['warning', 'main.json', 21]]);
    expect(f('load/outside-root')).toEqual([['error', 'main.json', 27]]);
    expect(f('load/module-cycle')).toContainEqual(['error', 'cycle/b.json', 9]);
    for (const x of out.findings) {
      expect(x.resource).toBeUndefined();
      expect(x.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    // the cycle is cut, not followed forever: rt-a is emitted once per root that reaches it
    expect(out.resources.filter((r) => r.nameSegments[0] === 'rt-a' && r.scope === 'main.json')).toHaveLength(1);
  });
});

describe('syntax errors', () => {
  it('reports parse/error at the error position and still loads the usable tree', async () => {
    const out = await loadFixture('broken');
    const errs = out.findings.filter((x) => x.ruleId === 'parse/error');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ severity: 'error', range: { file: 'bad.json', line: 8, column: 7 } });
    expect(errs[0]!.message).toMatch(/',' expected/);
    const report = out.files.find((x) => x.path === 'bad.json')!;
    expect(report.errors).toEqual(["8:7 JSON syntax error: ',' expected"]);
    expect(find(out, 'Microsoft.Network/virtualNetworks', 'vnet1')).toBeDefined();
  });

  it('accepts line breaks inside expression strings, as ARM does', async () => {
    const out = await loadFixture('broken');
    expect(out.files.find((x) => x.path === 'multiline.json')!.errors).toEqual([]);
    const vnet = find(out, 'Microsoft.Network/virtualNetworks', 'vnet-multi');
    expect(vnet?.nameRange).toMatchObject({ line: 8, endLine: 10 });
  });
});

describe('huge copy loops', () => {
  it('are capped at MAX_COPY with a load/count-capped note at the count', async () => {
    const { checkFiles } = await import('../../helpers/rule-tester.js');
    const text = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [{ type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-04-01', name: "[concat('n', copyIndex())]", location: 'x', copy: { name: 'many', count: 5000 }, properties: {} }],
      },
      null,
      2,
    );
    const r = await checkFiles({ 'azuredeploy.json': text });
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.range.line])).toEqual([['load/count-capped', 'note', text.split('\n').findIndex((l) => l.includes('"count": 5000')) + 1]]);
  });
});
