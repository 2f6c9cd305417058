import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { buildModel } from '../../../src/model/build.js';
import type { App, Subnet } from '../../../src/model/entities.js';
import { bicepLoader } from '../../../src/sources/bicep/index.js';
import type { LoaderContext, SourceFile } from '../../../src/sources/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '../../fixtures/bicep/network');

/** The Bicep loader's output turned into the network model, as the engine does. */
describe('Bicep → network model', () => {
  it('subnets, their NSG and delegation, and the app integration link up with Bicep lines', async () => {
    const files: SourceFile[] = ['main.bicep', 'main.bicepparam', 'modules/app.bicep'].map((f) => ({
      path: f, absPath: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8'),
    }));
    const ctx: LoaderContext = { files: new Map(files.map((f) => [f.path, f])), roots: [dir], parameterFiles: new Map(), parseBudgetMs: 2000 };
    const out = await bicepLoader.load(files, ctx);
    const model = buildModel(out.resources, out.entities);

    const subnets = model.all('subnet') as Subnet[];
    expect(subnets.map((s) => s.key.split('/').pop()).sort()).toEqual(['apps', 'data', 'extra']);
    const apps = subnets.find((s) => s.key.endsWith('/apps'))!;
    expect(apps.addressPrefixes.items[0]).toMatchObject({ known: true, value: '10.10.1.0/26', range: { file: 'main.bicep', line: 57 } });
    expect(apps.delegations.items.map((d) => (d.known ? d.value : '?'))).toEqual(['Microsoft.Web/serverFarms']);
    expect(model.nsgOf(apps)?.key).toBe('microsoft.network/networksecuritygroups|contoso-nsg');

    const app = model.all('app')[0] as App;
    expect(app.scope).toBe('main.bicep');
    expect(app.integrations).toHaveLength(1);
    expect(app.integrations[0]).toMatchObject({ known: true, value: apps.key, range: { file: 'modules/app.bicep', line: 17 } });
  });
});
