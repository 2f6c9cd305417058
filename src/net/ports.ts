import type { PortRange } from './flow.js';

/**
 * NSG port ranges (requirements.md, `network/nsg-port-range`): `*`, a port `443`, or `a-b`
 * (`6379-6383`) with 0 ≤ a ≤ b ≤ 65535. Sets of ports are sorted, merged lists of inclusive ranges.
 */

/** Highest port number. */
export const MAX_PORT = 65535;

/** Every port, 0–65535 (what `*` means). */
export const ALL_PORTS: PortRange = { from: 0, to: MAX_PORT };

/** A set of ports: sorted, non-overlapping, non-adjacent inclusive ranges. */
export type PortSet = readonly PortRange[];

export type ParsePortRangeResult = { ok: true; range: PortRange; any: boolean } | { ok: false; reason: string };

/**
 * Parses one NSG port range string. `*` → 0–65535 with `any: true`. Whitespace around numbers is
 * tolerated. Never throws; the reason names the rule: "port range '70000' is not valid: ports are
 * 0–65535", "port range '443-80' is not valid: the start is above the end", "'https' is not a port range".
 */
export function parsePortRange(text: string): ParsePortRangeResult {
  const t = String(text).trim();
  if (t === '*') return { ok: true, range: { ...ALL_PORTS }, any: true };
  const m = /^(\d{1,6})\s*(?:-\s*(\d{1,6}))?$/.exec(t);
  if (!m) return { ok: false, reason: `'${t}' is not a port range: use *, a port (443) or a range (6379-6383)` };
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > MAX_PORT || to > MAX_PORT) return { ok: false, reason: `port range '${t}' is not valid: ports are 0–${MAX_PORT}` };
  if (from > to) return { ok: false, reason: `port range '${t}' is not valid: the start ${from} is above the end ${to}` };
  return { ok: true, range: { from, to }, any: false };
}

/** `443`, `6379-6383` or `*` (for 0–65535). */
export function portRangeText(r: PortRange | '*'): string {
  if (r === '*' || (r.from === 0 && r.to === MAX_PORT)) return '*';
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/** Human list of a port set: `454, 455`, `6379-6383`, `all ports`. */
export function portSetText(s: PortSet | '*'): string {
  if (s === '*' || isAllPorts(s)) return 'all ports';
  return s.map((r) => portRangeText(r)).join(', ');
}

/** Sorted, merged set of the ranges (adjacent ranges merge: 454 and 455 → 454-455). */
export function portSet(ranges: readonly PortRange[] | '*'): PortSet {
  if (ranges === '*') return [{ ...ALL_PORTS }];
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  return portSet([...a, ...b]);
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  const out: PortRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from <= to) out.push({ from, to });
    }
  }
  return portSet(out);
}

/** `a` minus `b`. */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  let cur: PortRange[] = a.map((r) => ({ ...r }));
  for (const y of b) {
    const next: PortRange[] = [];
    for (const x of cur) {
      if (y.to < x.from || y.from > x.to) next.push(x);
      else {
        if (x.from < y.from) next.push({ from: x.from, to: y.from - 1 });
        if (y.to < x.to) next.push({ from: y.to + 1, to: x.to });
      }
    }
    cur = next;
  }
  return portSet(cur);
}

/** True when every port of `inner` is in `outer`. */
export function portsContain(outer: PortSet, inner: PortSet): boolean {
  return subtractPorts(inner, outer).length === 0;
}

/** True when the set is 0–65535. */
export function isAllPorts(s: PortSet): boolean {
  return s.length === 1 && s[0]!.from === 0 && s[0]!.to === MAX_PORT;
}
