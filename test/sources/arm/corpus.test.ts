import { existsSync } from 'node:fs';
import { entityKey, idToKey } from '../../../src/model/keys.js';
import { rget } from '../../../src/model/resolved-resource.js';
import type { Unknown } from '../../../src/model/symbolic.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import type { LoaderOutput, SourceFile } from '../../../src/sources/types.js';
import { jsonFiles } from './helpers.js';
import { CORPUS as SHARED_CORPUS } from '../../helpers/shared-corpus.js';

const CORPUS = SHARED_CORPUS;

const describeIf = existsSync(CORPUS) ? describe : describe.skip;
if (!existsSync(CORPUS)) console.warn(`skipping the ARM corpus test: ${CORPUS} is absent`);

describeIf('ARM loader on the focused corpus', () => {
  let files: SourceFile[] = [];
  let out: LoaderOutput;
  beforeAll(async () => {
    files = jsonFiles(CORPUS);
    const claimed = files.filter((f) => armLoader.claims(f) !== undefined);
    out = await armLoader.load(claimed, { files: new Map(files.map((f) => [f.path, f])), roots: [CORPUS], parameterFiles: new Map(), parseBudgetMs: 2000 });
  });

  it('loads every .json file without a crash and without parse/error (the corpus has no invalid JSON)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(out.findings.filter((f) => f.ruleId === 'parse/error')).toEqual([]);
    expect(out.files.every((f) => f.errors.length === 0)).toBe(true);
    expect(out.resources.length).toBeGreaterThan(300);
  });

  it('claims every template and parameter file of the corpus', () => {
    const formats = new Map(out.files.map((f) => [f.path, f.format]));
    for (const f of files) {
      const expected = /deploymentParameters/i.test(f.text.slice(0, 2000)) ? 'arm-parameters' : 'arm';
      expect([f.path, formats.get(f.path)]).toEqual([f.path, expected]);
    }
  });

  it('resolves reference(vnet).subnets[0].id of the regional VNet integration quickstart to the declared subnet', () => {
    const file = 'azure-quickstart-templates/quickstarts/microsoft.web/app-service-regional-vnet-integration/azuredeploy.json';
    const mine = out.resources.filter((r) => r.scope === file);
    const site = mine.find((r) => r.type === 'Microsoft.Web/sites')!;
    const vnet = mine.find((r) => r.type === 'Microsoft.Network/virtualNetworks')!;
    // both names derive from uniqueString(resourceGroup().id): unknown, yet the id finds the subnet
    const subnetName = rget(vnet.body, 'properties', 'subnets', 0, 'name')!;
    expect(subnetName.kind).toBe('unknown');
    const id = rget(site.body, 'properties', 'virtualNetworkSubnetId')!;
    expect(id.kind).toBe('unknown');
    expect(id.range.line).toBe(83);
    const key = idToKey(id.kind === 'unknown' ? id.value : '');
    expect(key).toBe(entityKey('Microsoft.Network/virtualNetworks/subnets', [...vnet.nameSegments, (subnetName as { value: Unknown }).value]));
  });
});
