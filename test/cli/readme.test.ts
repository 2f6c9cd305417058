import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { allRules } from '../../src/rules/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('lists every shipped rule with a link to its docs page', () => {
    const missing = allRules.map((r) => r.meta.id).filter((id) => !readme.includes(`[\`${id}\`](docs/rules/${id}.md)`));
    expect(missing).toEqual([]);
  });
  it('starts with the two commands of a fresh machine', () => {
    const block = /## First two commands on a fresh machine\s+```sh\n([^`]*)```/.exec(readme)?.[1] ?? '';
    expect(block.split('\n').filter((l) => l.trim() !== '').map((l) => l.split('#')[0]!.trim())).toEqual(['npm run example', 'npm test']);
  });
});
