import type { Finding } from '../core/finding.js';
import type { SourceRange } from '../core/position.js';
import type { Severity } from '../core/severity.js';
import type { RunResult } from '../engine/engine.js';
import { docsUrl, type RuleMeta } from '../rules/types.js';

/** SARIF 2.1.0 schema URI (OASIS). */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints` (versioned: a new scheme gets a new key). */
export const FINGERPRINT_KEY = 'vnetPreflight/v1';
/** Project page, the driver's `informationUri`. */
export const INFORMATION_URI = 'https://github.com/vnet-preflight/vnet-preflight';

/** Descriptions of the engine's own finding ids (not rules of the catalogue). */
const ENGINE_RULES: Record<string, { title: string; description: string; severity: Severity }> = {
  'parse/error': { title: 'File could not be parsed', description: 'The file is not valid in its format; it was not checked.', severity: 'error' },
  'load/skipped': { title: 'File skipped', description: 'The file was not read (too large or unreadable).', severity: 'note' },
  'internal/error': { title: 'Internal error', description: 'A loader, the model builder or a rule failed; some findings may be missing.', severity: 'error' },
  'suppression/missing-reason': { title: 'Suppression without a reason', description: 'An inline suppression has no `-- <reason>`.', severity: 'note' },
};

interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Severity };
  properties: { tags: string[]; source?: string; sourceUrl?: string };
}

/**
 * SARIF `region` of a range: 1-based lines and columns (UTF-16 code units, SARIF's default),
 * end column exclusive as in SourceRange. An empty range (e.g. a finding about a whole file) gives
 * only its start, which SARIF reads as "to the end of that line".
 */
export function sarifRegion(r: SourceRange): { startLine: number; startColumn: number; endLine?: number; endColumn?: number } {
  if (r.endLine < r.line || (r.endLine === r.line && r.endColumn <= r.column)) return { startLine: r.line, startColumn: r.column };
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** A relative display path as a SARIF URI reference (segments percent-encoded). */
export function sarifUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(r: SourceRange) {
  return { physicalLocation: { artifactLocation: { uri: sarifUri(r.file), uriBaseId: '%SRCROOT%' }, region: sarifRegion(r) } };
}

/** SARIF `name`: an identifier-like form of the rule id (`ise/subnet-size` → `IseSubnetSize`). */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function ruleDescriptor(meta: RuleMeta): SarifRule {
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: meta.severity },
    properties: { tags: ['vnet-preflight', meta.id.split('/')[0]!], source: meta.source, sourceUrl: meta.sourceUrl },
  };
}

function engineDescriptor(id: string): SarifRule {
  const e = ENGINE_RULES[id] ?? { title: `Engine finding (${id})`, description: 'A finding of the engine or a loader.', severity: 'note' as Severity };
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: e.title },
    fullDescription: { text: e.description },
    defaultConfiguration: { level: e.severity },
    properties: { tags: ['vnet-preflight', id.split('/')[0]!] },
  };
}

function result(f: Finding, ruleIndex: number) {
  const res: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.severity,
    message: { text: f.message },
    locations: f.range.file ? [location(f.range)] : [],
  };
  if (f.related && f.related.length > 0) {
    res.relatedLocations = f.related.map((x, i) => ({ id: i + 1, ...location(x.range), message: { text: x.message } }));
  }
  res.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  if (f.suppressed) res.suppressions = [{ kind: 'inSource', justification: f.suppressed.reason }];
  if (f.resource) res.properties = { resource: f.resource, ...(f.source ? { source: f.source } : {}) };
  return res;
}

/**
 * `--format sarif`: a SARIF 2.1.0 log with one run. `rules` (the run's rule metas) become
 * `tool.driver.rules` in the given order, then descriptors for engine ids found in the results.
 * Reported findings come first, then suppressed ones (with `suppressions[].kind = inSource`).
 */
export function toSarif(result_: RunResult, toolVersion: string, rules: readonly RuleMeta[]) {
  const descriptors: SarifRule[] = rules.map(ruleDescriptor);
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const all = [...result_.findings, ...result_.suppressed];
  for (const f of all) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, descriptors.length);
      descriptors.push(engineDescriptor(f.ruleId));
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vnet-preflight', version: toolVersion, semanticVersion: toolVersion, informationUri: INFORMATION_URI, rules: descriptors } },
        results: all.map((f) => result(f, index.get(f.ruleId)!)),
      },
    ],
  };
}

/** The SARIF log as pretty-printed JSON, ending with a newline. */
export function renderSarif(result_: RunResult, toolVersion: string, rules: readonly RuleMeta[]): string {
  return JSON.stringify(toSarif(result_, toolVersion, rules), null, 2) + '\n';
}
