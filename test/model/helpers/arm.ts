import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildModel } from '../../../src/model/build.js';
import type { NetworkModel } from '../../../src/model/model.js';
import { armLoader } from '../../../src/sources/arm/index.js';
import type { LoaderOutput, SourceFile } from '../../../src/sources/types.js';

/** Every file under `dir`, as the engine would give them (display paths relative to cwd). */
function filesUnder(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...filesUnder(abs));
    else out.push({ path: relative(process.cwd(), abs).split('\\').join('/'), absPath: abs, text: readFileSync(abs, 'utf8') });
  }
  return out;
}

/** Loads a fixture folder with the real ARM loader and builds the model. */
export async function modelOfArmFixture(dir: string): Promise<{ model: NetworkModel; loaded: LoaderOutput }> {
  const root = resolve(dir);
  const all = filesUnder(root);
  const claimed = all.filter((f) => armLoader.claims(f));
  const loaded = await armLoader.load(claimed, { files: new Map(all.map((f) => [f.path, f])), roots: [root], parameterFiles: new Map(), parseBudgetMs: 2000 });
  return { model: buildModel(loaded.resources, loaded.entities), loaded };
}

/** Loads a fixture folder with the real Bicep loader and builds the model. */
export async function modelOfBicepFixture(dir: string): Promise<{ model: NetworkModel; loaded: LoaderOutput }> {
  const { bicepLoader } = await import('../../../src/sources/bicep/index.js');
  const root = resolve(dir);
  const all = filesUnder(root);
  const claimed = all.filter((f) => bicepLoader.claims(f));
  const loaded = await bicepLoader.load(claimed, { files: new Map(all.map((f) => [f.path, f])), roots: [root], parameterFiles: new Map(), parseBudgetMs: 2000 });
  return { model: buildModel(loaded.resources, loaded.entities), loaded };
}
