import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runEngine } from '../../../src/engine/engine.js';
import { buildModel } from '../../../src/model/build.js';
import { allRules } from '../../../src/rules/index.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import { bicepLoader } from '../../../src/sources/bicep/index.js';

const deps = { loaders: [armLoader, bicepLoader], buildModel, rules: allRules };

/** A VNet whose subnet prefix is not a CIDR block, with optional lines before the prefix. */
function template(before: string): string {
  return [
    "resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {",
    "  name: 'vnet1'",
    "  location: 'westeurope'",
    '  properties: {',
    '    addressSpace: {',
    "      addressPrefixes: ['10.0.0.0/16']",
    '    }',
    '    subnets: [',
    '      {',
    "        name: 'apps'",
    '        properties: {',
    ...(before ? [before] : []),
    "          addressPrefix: '10.0.0.0/33'",
    '        }',
    '      }',
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n');
}

async function check(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bicep-suppress-'));
  try {
    writeFileSync(path.join(dir, 'main.bicep'), text);
    return await runEngine({ cwd: dir, paths: ['.'] }, deps);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('engine on Bicep: findings at Bicep lines, suppression comments', () => {
  it('reports on the addressPrefix line, and a // suppression comment silences it', async () => {
    const plain = await check(template(''));
    const hits = plain.findings.filter((f) => f.range.file === 'main.bicep' && f.range.line === 12 && !f.ruleId.startsWith('parse/'));
    expect(hits.length).toBeGreaterThan(0);
    const ruleId = hits[0]!.ruleId;
    const suppressed = await check(template(`          // vnet-preflight-disable-next-line ${ruleId} -- test fixture`));
    expect(suppressed.findings.filter((f) => f.ruleId === ruleId && f.range.line === 13)).toEqual([]);
    expect(suppressed.suppressed.map((f) => [f.ruleId, f.range.line])).toContainEqual([ruleId, 13]);
  });
});
