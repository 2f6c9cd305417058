/**
 * The hidden marker that ties a review comment to a finding, so re-runs update instead of posting
 * again: `<!-- vnet-preflight:fingerprint=<hex> -->` (fingerprints: src/core/fingerprint.ts).
 * A comment whose finding is gone carries `state=fixed` as well.
 */
const MARKER = /<!-- vnet-preflight:fingerprint=([0-9a-f]+)(?: state=(fixed))? -->/;

/** The marker line for a finding's fingerprint. */
export function marker(fingerprint: string, state?: 'fixed'): string {
  return `<!-- vnet-preflight:fingerprint=${fingerprint}${state ? ` state=${state}` : ''} -->`;
}

/** The fingerprint and state of a comment body written by us, or undefined for anyone else's comment. */
export function readMarker(body: string | null | undefined): { fingerprint: string; fixed: boolean } | undefined {
  const m = body ? MARKER.exec(body) : null;
  return m ? { fingerprint: m[1]!, fixed: m[2] === 'fixed' } : undefined;
}
