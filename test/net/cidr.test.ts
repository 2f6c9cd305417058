import { describe, expect, it } from '@jest/globals';
import {
  addressCount,
  contains,
  isIPv6,
  overlaps,
  parsePrefix,
  prefixSizeText,
  publicness,
  RESERVED_RANGES,
  RESERVED_RANGES_SOURCE,
  reservedRangesOverlapping,
  tryPrefix,
  addressSetOf,
  subtractSet,
  setContains,
  type Prefix,
} from '../../src/net/cidr.js';

const p = (t: string): Prefix => tryPrefix(t, { allowHostBits: true })!;

describe('parsePrefix', () => {
  it.each([
    ['10.0.0.0/24', 4, '10.0.0.0/24', 24],
    ['10.0.0.4', 4, '10.0.0.4/32', 32],
    [' 192.168.1.0/27 ', 4, '192.168.1.0/27', 27],
    ['0.0.0.0/0', 4, '0.0.0.0/0', 0],
    ['fd00:db8::/64', 6, 'fd00:db8::/64', 64],
    ['2001:db8::1', 6, '2001:db8::1/128', 128],
  ])('%s → %s', (text, family, network, length) => {
    const r = parsePrefix(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.prefix).toMatchObject({ family, network, length });
  });

  it('rejects host bits with the corrected prefix', () => {
    expect(parsePrefix('10.0.0.5/24')).toEqual({ ok: false, reason: 'host bits are set: 10.0.0.5/24 should be 10.0.0.0/24' });
  });

  it('masks host bits when asked', () => {
    const r = parsePrefix('10.0.0.5/24', { allowHostBits: true });
    expect(r.ok && r.prefix.network).toBe('10.0.0.0/24');
  });

  it.each(['abc', '10.0.0/24', '10.0.0.0/33', '10.0.0.0/x', '', '300.1.1.1', '10.0.0.0/24/1', 'VirtualNetwork'])('rejects %p', (t) => {
    const r = parsePrefix(t);
    expect(r.ok).toBe(false);
  });

  it('explains an out-of-range length', () => {
    const r = parsePrefix('10.0.0.0/33');
    expect(!r.ok && r.reason).toMatch(/prefix length 33 is out of range 0–32/);
  });
});

describe('counts and relations', () => {
  it('counts addresses', () => {
    expect(addressCount(p('10.0.0.0/27'))).toBe(32);
    expect(addressCount(p('10.0.0.0/28'))).toBe(16);
    expect(addressCount(p('10.0.0.1'))).toBe(1);
    expect(addressCount(p('0.0.0.0/0'))).toBe(4294967296);
    expect(addressCount(p('fd00::/120'))).toBe(256);
    expect(addressCount(p('fd00::/64'))).toBe(Infinity);
  });

  it('contains and overlaps', () => {
    expect(contains(p('10.0.0.0/16'), p('10.0.1.0/24'))).toBe(true);
    expect(contains(p('10.0.1.0/24'), p('10.0.0.0/16'))).toBe(false);
    expect(overlaps(p('10.0.1.0/24'), p('10.0.0.0/16'))).toBe(true);
    expect(overlaps(p('10.0.0.0/25'), p('10.0.0.128/25'))).toBe(false);
    expect(overlaps(p('10.0.0.0/8'), p('fd00::/8'))).toBe(false);
    expect(contains(p('0.0.0.0/0'), p('fd00::/8'))).toBe(false);
  });

  it('isIPv6', () => {
    expect(isIPv6('ace:cab:deca::/48')).toBe(true);
    expect(isIPv6('10.0.0.0/16')).toBe(false);
    expect(isIPv6('Internet')).toBe(false);
  });

  it('publicness', () => {
    expect(publicness(p('10.1.0.0/16'))).toBe('private');
    expect(publicness(p('100.64.1.0/24'))).toBe('private');
    expect(publicness(p('20.10.0.0/16'))).toBe('public');
    expect(publicness(p('0.0.0.0/0'))).toBe('mixed');
  });

  it('size text', () => {
    expect(prefixSizeText(28)).toBe('/28 (16 addresses)');
    expect(prefixSizeText(16)).toBe('/16 (65,536 addresses)');
    expect(prefixSizeText(32)).toBe('/32 (1 address)');
  });

  it('address sets subtract and contain', () => {
    const vnet = addressSetOf([p('10.0.0.0/16')]);
    const rest = subtractSet(vnet, addressSetOf([p('10.0.0.0/17')]));
    expect(setContains(addressSetOf([p('10.0.128.0/17')]), rest)).toBe(true);
    expect(setContains(rest, addressSetOf([p('10.0.128.0/17')]))).toBe(true);
    expect(subtractSet(rest, addressSetOf([p('10.0.128.0/17')]))).toEqual([]);
  });
});

describe('RESERVED_RANGES (seed 000, Create subnets)', () => {
  it('lists the five ranges and cites the seed', () => {
    expect(RESERVED_RANGES.map((r) => r.network)).toEqual(['0.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '168.63.129.16/32', '169.254.169.254/32']);
    expect(RESERVED_RANGES_SOURCE).toBe('000_48580c9700d8a906.txt#create-subnets');
  });
  it('finds overlaps', () => {
    expect(reservedRangesOverlapping(p('100.64.0.0/16')).map((r) => r.network)).toEqual(['100.64.0.0/10']);
    expect(reservedRangesOverlapping(p('168.63.0.0/16')).map((r) => r.network)).toEqual(['168.63.129.16/32']);
    expect(reservedRangesOverlapping(p('10.0.0.0/16'))).toEqual([]);
  });
});
