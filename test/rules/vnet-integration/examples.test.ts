import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { checkFiles } from '../../helpers/rule-tester.js';
import { exampleTwins } from '../../helpers/formats/example-twins.js';

const root = fileURLToPath(new URL('../../../examples/vnet-integration/', import.meta.url));
const read = (p: string) => readFileSync(root + p, 'utf8');

describe('examples/vnet-integration', () => {
  it('broken: reports the scenario rules and nothing from the engine itself', async () => {
    const r = await checkFiles({ 'azuredeploy.json': read('broken/azuredeploy.json') });
    const ids = new Set(r.findings.map((f) => f.ruleId));
    expect(ids.has('parse/error') || ids.has('internal/error')).toBe(false);
    for (const id of [
      'vnet-integration/subnet-delegation',
      'vnet-integration/subnet-size',
      'vnet-integration/multi-plan-subnet',
      'vnet-integration/subnet-capacity',
      'vnet-integration/subnet-dedicated',
      'vnet-integration/ipv6-address-space',
      'vnet-integration/service-endpoint-policies',
      'vnet-integration/same-region',
      'vnet-integration/plan-tier',
      'vnet-integration/content-share-ports',
      'vnet-integration/route-all-dependencies',
      'vnet-integration/inbound-rules-ineffective',
    ]) {
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
  });

  it('fixed: no vnet-integration finding', async () => {
    const r = await checkFiles({ 'azuredeploy.json': read('fixed/azuredeploy.json') });
    expect(r.findings.filter((f) => f.ruleId.startsWith('vnet-integration/') || f.ruleId.includes('error'))).toEqual([]);
  });
});

exampleTwins('vnet-integration', /^(vnet-integration|network)\//);
