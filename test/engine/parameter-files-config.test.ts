import { checkFiles } from '../helpers/rule-tester.js';

describe('config parameterFiles', () => {
  it('warns about an entry naming a file that is not checked, instead of ignoring it silently', async () => {
    const template = JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] });
    const r = await checkFiles({ 'azuredeploy.json': template }, 'parameterFiles:\n  nope.json: azuredeploy.json\n');
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.range.file, f.range.line])).toEqual([['load/missing-file', 'warning', '.vnet-preflight.yml', 1]]);
    expect(r.findings[0]!.message).toContain("'nope.json'");
  });
});
