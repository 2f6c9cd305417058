import { existsSync } from 'node:fs';
import { armLoader } from '../../../src/sources/arm/index.js';
import { jsonFiles } from './helpers.js';
import { CORPUS_BULK } from '../../helpers/shared-corpus.js';

const BULK = CORPUS_BULK;
const present = existsSync(BULK);
if (!present) console.warn(`skipping the ARM bulk corpus test: ${BULK} is absent`);

(present ? describe : describe.skip)('ARM loader on the bulk corpus', () => {
  it('loads every ARM file without a crash', async () => {
    const files = jsonFiles(BULK);
    const claimed = files.filter((f) => armLoader.claims(f) !== undefined);
    expect(claimed.length).toBeGreaterThan(4000);
    const out = await armLoader.load(claimed, { files: new Map(files.map((f) => [f.path, f])), roots: [BULK], parameterFiles: new Map(), parseBudgetMs: 2000 });
    expect(out.files).toHaveLength(claimed.length);
    // every file of the bulk tier is valid ARM JSON (comments, trailing commas and multi-line strings included)
    expect(out.findings.filter((f) => f.ruleId === 'parse/error' && f.severity === 'error').map((f) => `${f.range.file}:${f.range.line} ${f.message}`)).toEqual([]);
    expect(out.resources.length).toBeGreaterThan(10000);
  });
});
