import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bicepLoader } from '../../../src/sources/bicep/index.js';
import type { Loader } from '../../../src/sources/types.js';
import { comparePair, pairFolders, type ModelBuilder, type PairResult } from './conformance-helpers.js';
import { CORPUS as SHARED_CORPUS, CORPUS_BULK, SHARED } from '../../helpers/shared-corpus.js';

/**
 * Issue 3 conformance: for every folder with both `main.bicep` and `azuredeploy.json` (its
 * compiled form), the network models agree. Runs when the ARM loader and the model builder exist.
 */
const SRC = path.resolve(process.cwd(), 'src');
const HAVE_ARM = existsSync(path.join(SRC, 'sources/arm/index.ts')) && existsSync(path.join(SRC, 'model/build.ts'));
const CORPUS = SHARED_CORPUS;
const QUICKSTARTS = path.join(CORPUS_BULK, 'azure-quickstart-templates');

/**
 * Bulk quickstarts whose `azuredeploy.json` is not the compiled `main.bicep` (checked by reading
 * both): the two declare different names or resources, so their models differ by design.
 */
const KNOWN_DRIFT: Record<string, string> = {
  '1vm-2nics-2subnets-1vnet': 'main.bicep adds a bastion, its subnet and a NAT gateway the JSON lacks',
  '2-vms-loadbalancer-lbrules': 'main.bicep adds a VNet, NICs and a bastion the JSON declares differently',
  '2-vms-loadbalancer-natrules': "VNet names differ ('vnet-1' vs 'myVNet')",
  'devbox-with-builtin-image': 'VNet name from a variable in Bicep, from a parameter in the JSON',
  'devbox-with-customized-image': 'VNet name from a variable in Bicep, from a parameter in the JSON',
  'aifoundry-networking-aoao': 'VNet and NSG names from variables in Bicep, from parameters in the JSON',
  'azure-bastion': "AzureBastionSubnet is a /26 in Bicep and a /27 in the JSON",
  'webapp-windows-with-privateendpoint-applicationgateway': 'different default resource names',
};

async function loadArmSide(): Promise<{ arm: Loader; builder: ModelBuilder }> {
  const armModule = (await import('../../../src/sources/arm/index.js')) as { armLoader: Loader };
  const builder = (await import('../../../src/model/build.js')) as unknown as ModelBuilder;
  return { arm: armModule.armLoader, builder };
}

function report(title: string, results: PairResult[], listAll = false): void {
  const agree = results.filter((r) => r.agree).length;
  const entities = results.reduce((n, r) => n + r.bicepEntities, 0);
  const withNetwork = results.filter((r) => r.bicepEntities > 0 || r.armEntities > 0).length;
  const lines = results
    .filter((r) => !r.agree)
    .map((r) => `  ${r.incomplete ? 'INCOMPLETE (a module is not in the corpus or comes from a registry)' : 'DIFF'} ${path.relative(SHARED, r.folder)}\n${r.diffs.slice(0, 4).map((d) => `      ${d.slice(0, 200)}`).join('\n')}`);
  const all = listAll ? results.map((r) => `  ${r.agree ? 'agree' : 'differ'} ${path.relative(SHARED, r.folder)} (${r.bicepEntities} entities)`).join('\n') + '\n' : '';
  console.log(
    `${title}: ${results.length} pairs compared (${withNetwork} with network entities, ${entities} Bicep entities), ` +
      `${agree} agree (${results.length ? ((100 * agree) / results.length).toFixed(1) : '0'}%)\n${all}${lines.join('\n')}`,
  );
}

(HAVE_ARM ? describe : describe.skip)('Bicep ↔ compiled ARM conformance', () => {
  it('the focused corpus pairs give the same network model', async () => {
    const { arm, builder } = await loadArmSide();
    const folders = pairFolders(CORPUS);
    const results: PairResult[] = [];
    for (const f of folders) results.push(await comparePair(f, bicepLoader, arm, builder));
    report('focused corpus', results, true);
    expect(folders.length).toBeGreaterThan(0);
    const unexplained = results.filter((r) => !r.agree && !r.incomplete);
    expect(unexplained.map((r) => ({ folder: r.folder, diffs: r.diffs.slice(0, 5) }))).toEqual([]);
  });

  (existsSync(QUICKSTARTS) ? it : it.skip)('the bulk quickstart pairs agree, apart from known drift', async () => {
    const { arm, builder } = await loadArmSide();
    const folders = pairFolders(QUICKSTARTS);
    const results: PairResult[] = [];
    for (const f of folders) results.push(await comparePair(f, bicepLoader, arm, builder));
    report('bulk quickstarts', results);
    const unexplained = results.filter((r) => !r.agree && !r.incomplete && !KNOWN_DRIFT[path.basename(r.folder)]);
    expect(unexplained.map((r) => ({ folder: r.folder, diffs: r.diffs.slice(0, 5) }))).toEqual([]);
  });
});
