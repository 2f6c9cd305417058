import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/engine/run.js';

/** A file checked on its own still reads what it references: its Bicep modules and its ARM parameter file. */
describe('checking a single file', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vp-single-'));
  mkdirSync(path.join(dir, 'modules'));
  writeFileSync(path.join(dir, 'main.bicep'), "module net './modules/net.bicep' = {\n  name: 'net'\n  params: { prefix: '10.0.0.5/24' }\n}\n");
  writeFileSync(
    path.join(dir, 'modules/net.bicep'),
    "param prefix string\nresource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {\n  name: 'v'\n  location: 'westeurope'\n  properties: {\n    addressSpace: {\n      addressPrefixes: [prefix]\n    }\n  }\n}\n",
  );
  const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
  writeFileSync(
    path.join(dir, 'azuredeploy.json'),
    JSON.stringify({ $schema: schema, contentVersion: '1.0.0.0', parameters: { p: { type: 'string' } }, resources: [{ type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-04-01', name: 'w', location: 'x', properties: { addressSpace: { addressPrefixes: ["[parameters('p')]"] } } }] }, null, 2),
  );
  writeFileSync(path.join(dir, 'azuredeploy.parameters.json'), JSON.stringify({ $schema: schema.replace('deploymentTemplate', 'deploymentParameters'), contentVersion: '1.0.0.0', parameters: { p: { value: '10.1.0.7/16' } } }, null, 2));

  it('follows a Bicep module beside it', async () => {
    const r = await run({ paths: ['main.bicep'], cwd: dir });
    expect(r.findings.map((f) => [f.ruleId, f.range.file])).toEqual([['network/prefix-invalid', 'modules/net.bicep']]);
    expect(r.files.map((f) => f.path)).toEqual(['main.bicep']);
  });

  it('pairs an ARM template with its parameter file beside it', async () => {
    const r = await run({ paths: ['azuredeploy.json'], cwd: dir });
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.range.file])).toEqual([['network/prefix-invalid', 'error', 'azuredeploy.parameters.json']]);
  });
});
