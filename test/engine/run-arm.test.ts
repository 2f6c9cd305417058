import { describe, expect, it } from '@jest/globals';
import { checkFiles, ruleTester } from '../helpers/rule-tester.js';

/** A VNet 10.0.0.0/16 whose subnet `s` is given `prefix` (line 12), with `comment` on line 11. */
const template = (prefix: string, comment = '// no suppression') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-04-01",
      "name": "vnet1",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] }, ${comment}
        "subnets": [ { "name": "s", "properties": { "addressPrefix": "${prefix}" } } ]
      }
    }
  ]
}
`;

describe('the engine with the real ARM loader and rules', () => {
  it('suppresses a finding with a // comment in ARM JSON', async () => {
    const plain = await checkFiles({ 'main.json': template('10.1.0.0/24') });
    expect(plain.findings.map((f) => [f.ruleId, f.range.line])).toContainEqual(['network/subnet-outside-vnet', 12]);

    const sup = await checkFiles({ 'main.json': template('10.1.0.0/24', '\n        // vnet-preflight-disable-next-line network/subnet-outside-vnet -- moved next sprint') });
    expect(sup.findings.filter((f) => f.ruleId === 'network/subnet-outside-vnet')).toEqual([]);
    expect(sup.suppressed.map((f) => [f.ruleId, f.range.line, f.suppressed?.reason])).toEqual([['network/subnet-outside-vnet', 13, 'moved next sprint']]);
  });

  it('applies a config override from .vnet-preflight.yml', async () => {
    const r = await checkFiles({ 'main.json': template('10.1.0.0/24') }, 'rules:\n  network/subnet-outside-vnet: warning\n');
    expect(r.findings.filter((f) => f.ruleId === 'network/subnet-outside-vnet').map((f) => f.severity)).toEqual(['warning']);
  });
});

// The rule tester itself, on a rule of the catalogue.
ruleTester.run('network/subnet-outside-vnet', {
  valid: [{ name: 'subnet inside the VNet', files: { 'main.json': template('10.0.1.0/24') } }],
  invalid: [
    { name: 'subnet outside the VNet', files: { 'main.json': template('10.1.0.0/24') }, findings: [{ line: 12, messageIncludes: '10.1.0.0/24' }] },
    { name: 'off in the config', files: { 'main.json': template('10.1.0.0/24') }, config: 'rules:\n  network/subnet-outside-vnet: off\n', findings: [] },
  ],
});
