import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** An ARM template with two network problems on known lines (written for these tests). */
export function templateWithProblems(opts: { fixFirst?: boolean } = {}): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-04-01",
      "name": "vnet1",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.0.0.0/16"] },
        "subnets": [
          { "name": "a", "properties": { "addressPrefix": "${opts.fixFirst ? '10.0.0.0/24' : '10.0.0.5/24'}" } },
          { "name": "b", "properties": { "addressPrefix": "10.1.0.0/24" } }
        ]
      }
    }
  ]
}
`;
}

/** An unchanged file with its own problem (outside the pull request's diff). */
export const UNCHANGED_TEMPLATE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-04-01",
      "name": "legacy",
      "location": "westeurope",
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.9.0.0/16"] },
        "subnets": [ { "name": "x", "properties": { "addressPrefix": "10.9.0.1/24" } } ]
      }
    }
  ]
}
`;

/** A workspace folder with the given files (a git repo, so the git-diff fallback has something to read). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vp-gh-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
  } catch {
    // git is optional for these tests
  }
  return dir;
}

/** 1-based line of the first line containing `marker`. */
export function lineOf(text: string, marker: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(marker));
  if (i < 0) throw new Error(`marker not found: ${marker}`);
  return i + 1;
}
