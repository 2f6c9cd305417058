import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { iseRules } from '../../../src/rules/ise/index.js';
import { ISE_INBOUND, ISE_OUTBOUND } from '../../../src/rules/ise/ports.js';
import { docsUrl } from '../../../src/rules/types.js';
import { checkFiles } from '../../helpers/rule-tester.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const seedFiles = ['000_48580c9700d8a906.txt', '001_a73071405c1cee19.txt', '002_e6ce67d7b488229f.txt'];

/** requirements.md's ISE ids, minus the deferred `ise/subnet-immutable`. */
const CATALOGUE = [
  'ise/retired',
  'ise/subnet-count',
  'ise/subnet-size',
  'ise/subnet-empty',
  'ise/subnet-delegation',
  'ise/subnet-name',
  'ise/reserved-address-space',
  'ise/expressroute-route',
  'ise/nsg-inbound',
  'ise/nsg-outbound',
  'ise/nsg-protocol',
  'ise/nsg-source-port',
  'ise/external-connector-inbound',
  'ise/forced-tunneling',
  'ise/custom-dns',
  'ise/same-environment',
];

describe('ISE rule catalogue', () => {
  it('has every ISE rule of requirements.md, in catalogue order', () => {
    expect(iseRules.map((r) => r.meta.id)).toEqual(CATALOGUE);
  });

  it.each(CATALOGUE)('%s cites a seed section and has a docs page with What, Why, How to fix (ARM) and Source', (id) => {
    const rule = iseRules.find((r) => r.meta.id === id)!;
    expect(seedFiles.some((f) => rule.meta.source.startsWith(`${f}#`))).toBe(true);
    expect(rule.meta.sourceUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(docsUrl(id)).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    const page = join(root, 'docs', 'rules', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.startsWith(`# ${id} `)).toBe(true);
    for (const h of ['## What', '## Why', '## How to fix', '## Source']) expect(text).toContain(h);
    expect(text).toMatch(/```json\n/);
    expect(seedFiles.some((f) => text.includes(f))).toBe(true);
  });

  it('port table rows are data with a seed citation, both protocols and a known condition', () => {
    for (const row of [...ISE_INBOUND, ...ISE_OUTBOUND]) {
      expect(row.citation).toMatch(/^000_48580c9700d8a906\.txt#(inbound|outbound)-security-rules$/);
      expect(row.bothProtocols).toBe(true);
      expect(['always', 'internal', 'external', 'custom-dns']).toContain(row.when);
    }
    expect(ISE_INBOUND.every((r) => r.direction === 'Inbound')).toBe(true);
    expect(ISE_OUTBOUND.every((r) => r.direction === 'Outbound')).toBe(true);
  });
});

describe('examples/ise', () => {
  const read = (d: string) => ({ 'azuredeploy.json': readFileSync(join(root, 'examples', 'ise', d, 'azuredeploy.json'), 'utf8') });

  it('the fixed template only gets ise/retired from the ISE rules', async () => {
    const r = await checkFiles(read('fixed'));
    const ise = r.findings.filter((f) => f.ruleId.startsWith('ise/') || f.ruleId.includes('/error'));
    expect(ise.map((f) => f.ruleId)).toEqual(['ise/retired']);
  });

  it('the broken template breaks most ISE requirements', async () => {
    const r = await checkFiles(read('broken'));
    const ids = new Set(r.findings.map((f) => f.ruleId));
    for (const id of CATALOGUE.filter((i) => i !== 'ise/subnet-count')) expect([id, ids.has(id)]).toEqual([id, true]);
    expect(r.findings.filter((f) => f.ruleId.includes('/error'))).toEqual([]);
  });
});
