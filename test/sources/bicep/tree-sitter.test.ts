import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { initTreeSitter, isTimedOut, loadLanguage, locateWasm, parseWithBudget } from '../../../src/sources/tree-sitter.js';

describe('shared web-tree-sitter set-up', () => {
  it.each(['web-tree-sitter.wasm', 'tree-sitter-bicep.wasm', 'tree-sitter-terraform.wasm'])('locates %s in development (node_modules)', (f) => {
    const p = locateWasm(f);
    expect(p.endsWith(f)).toBe(true);
    expect(existsSync(p)).toBe(true);
  });

  it('throws (an installation problem) for a wasm file it does not know', () => {
    expect(() => locateWasm('tree-sitter-nope.wasm')).toThrow(/cannot find tree-sitter-nope.wasm/);
  });

  it('initialises once and caches each grammar', async () => {
    expect(initTreeSitter()).toBe(initTreeSitter());
    const [a, b] = await Promise.all([loadLanguage('tree-sitter-bicep.wasm'), loadLanguage('tree-sitter-bicep.wasm')]);
    expect(a).toBe(b);
  });

  it('parses within the budget, with UTF-16 offsets', async () => {
    const lang = await loadLanguage('tree-sitter-bicep.wasm');
    const text = "var é = 'ü'\nvar x = 1\n";
    const tree = parseWithBudget(lang, text, 60_000);
    if (isTimedOut(tree)) throw new Error('timed out');
    const second = tree.rootNode.namedChildren[1]!;
    expect(second.startIndex).toBe(text.indexOf('var x'));
    tree.delete();
  });
});
