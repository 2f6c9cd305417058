import path from 'node:path';

/**
 * The shared folder beside the repository (`../shared`: seeds, requirements, corpora), as CI lays
 * it out next to a fresh clone. Tests read it; the shipped code never needs it.
 */
export const SHARED = path.resolve(process.cwd(), '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');
export const CORPUS_BULK = path.join(SHARED, 'corpus-bulk');
