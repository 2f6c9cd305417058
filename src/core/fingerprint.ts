import { createHash } from 'node:crypto';

/**
 * Stable finding fingerprint: sha256 (hex, first 32 chars) of rule id, entity key and the
 * message data that identify the finding (not lines or columns), so it survives edits elsewhere
 * in the file and is the same on every re-run. Used by sinks to avoid duplicate comments.
 */
export function fingerprint(ruleId: string, entityKey: string, ...data: (string | number | undefined)[]): string {
  const h = createHash('sha256');
  h.update(ruleId);
  h.update('\u0000');
  h.update(entityKey.toLowerCase());
  for (const d of data) {
    h.update('\u0000');
    h.update(d === undefined ? '' : String(d));
  }
  return h.digest('hex').slice(0, 32);
}
