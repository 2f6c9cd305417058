import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The tool's name in reports. */
export const TOOL_NAME = 'vnet-preflight';

/**
 * Replaced by scripts/build.mjs with the package.json version in the bundles (a plain string
 * replacement, so no JSON import is needed at run time). Still the placeholder when run from source.
 */
const INJECTED_VERSION = '__VNET_PREFLIGHT_VERSION__';

let cached: string | undefined;

/**
 * The tool version: the one injected at build time, else read from the nearest `package.json`
 * named `vnet-preflight` above this module, else `0.0.0`. Never throws.
 */
export function toolVersion(): string {
  if (cached) return cached;
  if (!INJECTED_VERSION.startsWith('__VNET')) return (cached = INJECTED_VERSION);
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === TOOL_NAME && typeof pkg.version === 'string') return (cached = pkg.version);
      } catch {
        // no package.json here
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  } catch {
    // import.meta.url not a file URL
  }
  return (cached = '0.0.0');
}
