import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LineMap } from '../../src/core/position.js';
import { runEngine, type RunOptions, type RunResult } from '../../src/engine/engine.js';
import type { VirtualNetwork } from '../../src/model/entities.js';
import { entityKey } from '../../src/model/keys.js';
import { NetworkModel } from '../../src/model/model.js';
import { known } from '../../src/model/value.js';
import { unknownValue } from '../../src/model/value.js';
import { Unknown } from '../../src/model/symbolic.js';
import type { Rule } from '../../src/rules/types.js';
import type { Loader } from '../../src/sources/types.js';

/**
 * A fake loader for engine tests: claims `*.tf` files written as lines `vnet <name>` (one VNet
 * per line, range = the line) and `vnet <name> prefix=?<expr>` (an unknown address prefix).
 * A line `parse-error` yields a `parse/error` finding.
 */
export const fakeLoader: Loader = {
  name: 'fake',
  claims: (f) => (f.path.endsWith('.tf') ? 'terraform' : undefined),
  async load(files) {
    const out = { resources: [], entities: [] as VirtualNetwork[], files: [] as { path: string; format: 'terraform'; resources: number; errors: string[] }[], findings: [] as import('../../src/core/finding.js').Finding[] };
    for (const f of files) {
      const lm = new LineMap(f.path, f.text);
      let offset = 0;
      let count = 0;
      const errors: string[] = [];
      for (const line of f.text.split('\n')) {
        const m = /^\s*vnet (\S+)(?: prefix=\?(\S+))?/.exec(line);
        const range = lm.rangeOf(offset + line.search(/\S|$/), offset + line.length);
        if (m) {
          count++;
          const name = m[1]!;
          const prefixes = m[2] ? [unknownValue(new Unknown(m[2], 'parameter without default'), range)] : [];
          out.entities.push({
            kind: 'vnet',
            key: entityKey('Microsoft.Network/virtualNetworks', [name]),
            type: 'Microsoft.Network/virtualNetworks',
            sourceType: 'fake_vnet',
            name: known(name, range),
            display: `Microsoft.Network/virtualNetworks/${name}`,
            range,
            format: 'terraform',
            scope: f.path,
            addressPrefixes: { items: prefixes },
            dnsServers: { items: [] },
            subnets: [],
          });
        } else if (line.trim() === 'parse-error') {
          errors.push(`${range.line}:${range.column} parse error`);
          out.findings.push({ ruleId: 'parse/error', severity: 'error', message: 'Cannot parse.', range, fingerprint: 'pe' });
        }
        offset += line.length + 1;
      }
      out.files.push({ path: f.path, format: 'terraform', resources: count, errors });
    }
    return out;
  },
};

/** Builds a model from the loader's entities (the real builder maps ARM resources too). */
export function fakeBuildModel(_r: unknown[], entities: import('../../src/model/entities.js').Entity[], assumptions: import('../../src/model/model.js').Assumptions): NetworkModel {
  const m = new NetworkModel(assumptions);
  entities.forEach((e) => m.add(e));
  return m;
}

/** Reports every VNet whose name starts with `bad` (warning by default); unknown prefixes → could not verify. */
export const badNameRule: Rule = {
  meta: { id: 'test/bad-name', title: 'No bad VNets', description: 'VNets are not named bad*.', severity: 'warning', source: 'seed.txt#names', sourceUrl: 'https://example.com/names' },
  check(model, ctx) {
    for (const v of model.all('vnet')) {
      if (v.name.known && v.name.value.startsWith('bad')) ctx.report({ entity: v, range: v.range, message: `VNet '${v.name.value}' is bad.`, data: [v.name.value] });
      for (const p of v.addressPrefixes.items) if (!p.known) ctx.couldNotVerify(p, v, "the VNet's address space");
    }
  },
};

/** Throws (a plain TypeError, as a bug would) on a VNet named `boom`; reports nothing. */
export const throwingRule: Rule = {
  meta: { id: 'test/throws', title: 'Throws', description: 'Throws on boom.', severity: 'error', source: 'seed.txt#boom', sourceUrl: 'https://example.com/boom' },
  check(model, ctx) {
    model.all('vnet').forEach((v) => {
      if (v.name.known && v.name.value === 'boom') (undefined as unknown as { x: number }).x;
      void ctx;
    });
  },
};

/** Writes files into a fresh temp dir; returns its path. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-preflight-engine-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  return dir;
}

/** Runs the engine with the fakes in `dir`. */
export function runFake(dir: string, opts: RunOptions = {}, rules: Rule[] = [badNameRule, throwingRule]): Promise<RunResult> {
  return runEngine({ cwd: dir, ...opts }, { loaders: [fakeLoader], buildModel: fakeBuildModel, rules });
}
