import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { checkFiles } from '../../helpers/rule-tester.js';
import { exampleTwins } from '../../helpers/formats/example-twins.js';

/** The examples/ase and examples/plain-network templates: the broken twin shows the rules, the fixed one is clean. */
const read = (p: string) => readFileSync(new URL(`../../../examples/${p}`, import.meta.url), 'utf8');

async function ruleIds(path: string, prefix: RegExp): Promise<string[]> {
  const r = await checkFiles({ 'azuredeploy.json': read(path) });
  expect(r.findings.filter((f) => f.ruleId === 'parse/error' || f.ruleId === 'internal/error')).toEqual([]);
  return [...new Set(r.findings.filter((f) => prefix.test(f.ruleId)).map((f) => f.ruleId))].sort();
}

describe('examples/ase', () => {
  it('broken: every ASE rule fires', async () => {
    expect(await ruleIds('ase/broken/azuredeploy.json', /^ase\//)).toEqual(
      [
        'ase/custom-dns',
        'ase/expressroute-route',
        'ase/nsg-app-ports',
        'ase/nsg-inbound',
        'ase/nsg-load-balancer',
        'ase/nsg-not-associated',
        'ase/nsg-outbound',
        'ase/retired',
        'ase/subnet-dedicated',
        'ase/subnet-delegation',
        'ase/subnet-prefix-string',
        'ase/subnet-size',
      ].sort(),
    );
  });
  it('fixed: no ASE or network finding', async () => {
    expect(await ruleIds('ase/fixed/azuredeploy.json', /^(ase|network)\//)).toEqual([]);
  });
});

describe('examples/plain-network', () => {
  it('broken: every network rule fires', async () => {
    expect(await ruleIds('plain-network/broken/azuredeploy.json', /^network\//)).toEqual(
      ['network/nsg-port-range', 'network/nsg-priority', 'network/peering-overlap', 'network/prefix-invalid', 'network/subnet-outside-vnet', 'network/subnet-overlap'].sort(),
    );
  });
  it('fixed: no network finding', async () => {
    expect(await ruleIds('plain-network/fixed/azuredeploy.json', /^(ase|network)\//)).toEqual([]);
  });
});

exampleTwins('ase', /^(ase|network)\//);
