import type { Known, UnknownValue } from '../../model/value.js';
import type { ValueList } from '../../model/entities.js';
import { tryPrefix, type Prefix } from '../../net/cidr.js';

/** A written address prefix that parsed (host bits masked), with the value it came from. */
export interface WrittenPrefix {
  prefix: Prefix;
  value: Known<string>;
}

/**
 * The parsed prefixes of a list and its unknown parts. Host bits are masked here (leniently):
 * `network/prefix-invalid` reports them, the other rules still compare the ranges. Items that do
 * not parse at all are dropped (also reported by `network/prefix-invalid`).
 */
export function writtenPrefixes(list: ValueList<string>): { prefixes: WrittenPrefix[]; unknowns: UnknownValue[] } {
  const prefixes: WrittenPrefix[] = [];
  const unknowns: UnknownValue[] = [];
  for (const item of list.items) {
    if (!item.known) {
      unknowns.push(item);
      continue;
    }
    const p = tryPrefix(item.value, { allowHostBits: true });
    if (p) prefixes.push({ prefix: p, value: item });
  }
  if (list.unknown) unknowns.push(list.unknown);
  return { prefixes, unknowns };
}
