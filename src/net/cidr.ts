import ipaddr from 'ipaddr.js';

/**
 * CIDR math on `ipaddr.js`. Addresses are handled as unsigned integers (bigint) so IPv4 and
 * IPv6 share one code path; a prefix is the inclusive range [`first`, `last`] of its family.
 */

/** A parsed address prefix (CIDR). */
export interface Prefix {
  family: 4 | 6;
  /** The text as written (trimmed). */
  text: string;
  /** Normalized network address + length, e.g. `10.0.0.0/24`, `fd00::/64`. */
  network: string;
  /** Prefix length in bits: 0–32 (IPv4) or 0–128 (IPv6). */
  length: number;
  /** First address of the range, as an unsigned integer. */
  first: bigint;
  /** Last address of the range (inclusive). */
  last: bigint;
}

export type ParsePrefixResult = { ok: true; prefix: Prefix } | { ok: false; reason: string };

export interface ParsePrefixOptions {
  /**
   * Accept non-zero host bits and mask them (`10.0.0.5/24` → network `10.0.0.0/24`). Default false:
   * Azure rejects host bits in VNet and subnet address prefixes (requirements.md, `network/prefix-invalid`).
   * NSG rules and routes may use this to compare addresses leniently.
   */
  allowHostBits?: boolean;
}

/**
 * Parses `a.b.c.d/n`, a bare IPv4 address (= /32), an IPv6 CIDR or a bare IPv6 address (= /128).
 * Never throws: malformed text gives `{ ok: false, reason }`, e.g. "not a CIDR: 'abc'",
 * "prefix length 33 is out of range 0–32", "host bits are set: 10.0.0.5/24 should be 10.0.0.0/24".
 */
export function parsePrefix(text: string, options: ParsePrefixOptions = {}): ParsePrefixResult {
  const t = String(text).trim();
  const slash = t.indexOf('/');
  const addrText = slash < 0 ? t : t.slice(0, slash);
  const lenText = slash < 0 ? undefined : t.slice(slash + 1);
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(addrText)) addr = ipaddr.IPv4.parse(addrText);
  else if (addrText.includes(':') && ipaddr.IPv6.isValid(addrText)) addr = ipaddr.IPv6.parse(addrText);
  else return { ok: false, reason: `not a CIDR: '${t}'` };
  const family: 4 | 6 = addr.kind() === 'ipv4' ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  let length = bits;
  if (lenText !== undefined) {
    if (!/^\d{1,3}$/.test(lenText)) return { ok: false, reason: `not a CIDR: '${t}' (prefix length '${lenText}' is not a number)` };
    length = Number(lenText);
    if (length > bits) return { ok: false, reason: `prefix length ${length} is out of range 0–${bits}: '${t}'` };
  }
  const value = toBigInt(addr);
  const hostMask = (1n << BigInt(bits - length)) - 1n;
  const first = value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  const network = `${fromBigInt(first, family)}/${length}`;
  if (first !== value && !options.allowHostBits) {
    return { ok: false, reason: `host bits are set: ${t} should be ${network}` };
  }
  return { ok: true, prefix: { family, text: t, network, length, first, last: first | hostMask } };
}

/** The prefix, or undefined when the text doesn't parse (see parsePrefix). */
export function tryPrefix(text: string, options: ParsePrefixOptions = {}): Prefix | undefined {
  const r = parsePrefix(text, options);
  return r.ok ? r.prefix : undefined;
}

/**
 * Number of addresses in the prefix: 2^(32 − length) for IPv4 (a /27 has 32). For IPv6 the exact
 * count when it is a safe integer (≤ 2^53), else `Infinity`. Azure reserves 5 of each subnet's
 * addresses; this count does not subtract them.
 */
export function addressCount(prefix: Prefix): number {
  const n = prefix.last - prefix.first + 1n;
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : Infinity;
}

/** True when `inner` lies entirely inside `outer` (same family). */
export function contains(outer: Prefix, inner: Prefix): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

/** True when the two prefixes share at least one address (same family). */
export function overlaps(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** True when the text is an IPv6 address or IPv6 CIDR (host bits allowed). */
export function isIPv6(text: string): boolean {
  const p = tryPrefix(text, { allowHostBits: true });
  return p?.family === 6;
}

/**
 * Address spaces an ISE's VNet and subnets must not use, "because they aren't resolvable by
 * Azure Logic Apps" (seed 000, *Create subnets*, IMPORTANT box).
 */
export const RESERVED_RANGES_SOURCE = '000_48580c9700d8a906.txt#create-subnets';

/** The reserved ranges of `RESERVED_RANGES_SOURCE`: 0.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 168.63.129.16/32, 169.254.169.254/32. */
export const RESERVED_RANGES: readonly Prefix[] = ['0.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '168.63.129.16/32', '169.254.169.254/32'].map(
  (t) => tryPrefix(t)!,
);

/** The reserved ranges (RESERVED_RANGES) that overlap `prefix`, in the table's order. */
export function reservedRangesOverlapping(prefix: Prefix): Prefix[] {
  return RESERVED_RANGES.filter((r) => overlaps(r, prefix));
}

/**
 * Address space that is never public internet address space and never in a public service tag:
 * RFC 1918 (10/8, 172.16/12, 192.168/16), shared address space 100.64.0.0/10 (RFC 6598),
 * 0.0.0.0/8, loopback 127/8, link-local 169.254/16, and IPv6 ULA fc00::/7, link-local fe80::/10, ::1.
 */
export const NON_PUBLIC_RANGES: readonly Prefix[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '0.0.0.0/8',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
].map((t) => tryPrefix(t)!);

/**
 * Classifies a prefix: `private` when it lies inside NON_PUBLIC_RANGES, `public` when it shares no
 * address with them, `mixed` otherwise (e.g. 0.0.0.0/0, 10.0.0.0/7).
 */
export function publicness(prefix: Prefix): 'private' | 'public' | 'mixed' {
  if (NON_PUBLIC_RANGES.some((r) => contains(r, prefix))) return 'private';
  if (NON_PUBLIC_RANGES.some((r) => overlaps(r, prefix))) return 'mixed';
  return 'public';
}

/** `"/28 (16 addresses)"`-style text of a prefix length (IPv4 unless `family` is 6). */
export function prefixSizeText(length: number, family: 4 | 6 = 4): string {
  const bits = family === 4 ? 32 : 128;
  const n = 2n ** BigInt(Math.max(0, bits - length));
  const count = n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n).toLocaleString('en-US') : `2^${bits - length}`;
  return `/${length} (${count} ${n === 1n ? 'address' : 'addresses'})`;
}

// ---- address sets (unions of inclusive integer ranges), used by the NSG evaluator ----

/** An inclusive range of addresses of one family. */
export interface AddressInterval {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

/** A set of addresses: sorted, non-overlapping, non-adjacent intervals (either family). */
export type AddressSet = readonly AddressInterval[];

/** The set of the given prefixes (merged). */
export function addressSetOf(prefixes: readonly Prefix[]): AddressSet {
  return normalizeSet(prefixes.map((p) => ({ family: p.family, first: p.first, last: p.last })));
}

/** Every IPv4 and IPv6 address. */
export const ALL_ADDRESSES: AddressSet = [
  { family: 4, first: 0n, last: (1n << 32n) - 1n },
  { family: 6, first: 0n, last: (1n << 128n) - 1n },
];

export function unionSet(a: AddressSet, b: AddressSet): AddressSet {
  return normalizeSet([...a, ...b]);
}

export function intersectSet(a: AddressSet, b: AddressSet): AddressSet {
  const out: AddressInterval[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.family !== y.family) continue;
      const first = x.first > y.first ? x.first : y.first;
      const last = x.last < y.last ? x.last : y.last;
      if (first <= last) out.push({ family: x.family, first, last });
    }
  }
  return normalizeSet(out);
}

/** `a` minus `b`. */
export function subtractSet(a: AddressSet, b: AddressSet): AddressSet {
  let cur: AddressInterval[] = [...a];
  for (const y of b) {
    const next: AddressInterval[] = [];
    for (const x of cur) {
      if (x.family !== y.family || y.last < x.first || y.first > x.last) {
        next.push(x);
        continue;
      }
      if (x.first < y.first) next.push({ family: x.family, first: x.first, last: y.first - 1n });
      if (y.last < x.last) next.push({ family: x.family, first: y.last + 1n, last: x.last });
    }
    cur = next;
  }
  return normalizeSet(cur);
}

export function isEmptySet(a: AddressSet): boolean {
  return a.length === 0;
}

/** True when every address of `inner` is in `outer`. */
export function setContains(outer: AddressSet, inner: AddressSet): boolean {
  return isEmptySet(subtractSet(inner, outer));
}

function normalizeSet(items: AddressInterval[]): AddressSet {
  const sorted = [...items].sort((x, y) => x.family - y.family || (x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
  const out: AddressInterval[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === it.family && it.first <= last.last + 1n) {
      if (it.last > last.last) out[out.length - 1] = { ...last, last: it.last };
    } else out.push({ ...it });
  }
  return out;
}

function toBigInt(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let v = 0n;
  for (const b of addr.toByteArray()) v = (v << 8n) | BigInt(b);
  return v;
}

/** Address text of a number in a family (IPv4 dotted, IPv6 compact). */
export function fromBigInt(v: bigint, family: 4 | 6): string {
  const n = family === 4 ? 4 : 16;
  const bytes: number[] = [];
  for (let i = n - 1; i >= 0; i--) bytes.push(Number((v >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}
