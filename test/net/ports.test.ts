import { describe, expect, it } from '@jest/globals';
import { intersectPorts, parsePortRange, portRangeText, portSet, portSetText, portsContain, subtractPorts } from '../../src/net/ports.js';

describe('parsePortRange (network/nsg-port-range)', () => {
  it.each([
    ['*', 0, 65535],
    ['443', 443, 443],
    ['6379-6383', 6379, 6383],
    [' 0 - 65535 ', 0, 65535],
  ])('%p', (t, from, to) => {
    const r = parsePortRange(t);
    expect(r.ok && r.range).toEqual({ from, to });
  });
  it.each([
    ['70000', /ports are 0–65535/],
    ['443-80', /start 443 is above the end 80/],
    ['https', /is not a port range/],
    ['1-2-3', /is not a port range/],
    ['', /is not a port range/],
    ['-5', /is not a port range/],
  ])('rejects %p', (t, msg) => {
    const r = parsePortRange(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(msg);
  });
});

describe('port sets', () => {
  it('merges adjacent ranges', () => {
    expect(portSet([{ from: 455, to: 455 }, { from: 454, to: 454 }])).toEqual([{ from: 454, to: 455 }]);
    expect(portSetText(portSet([{ from: 80, to: 80 }, { from: 443, to: 443 }]))).toBe('80, 443');
    expect(portSetText('*')).toBe('all ports');
    expect(portRangeText({ from: 6379, to: 6383 })).toBe('6379-6383');
  });
  it('intersects, subtracts, contains', () => {
    const all = portSet('*');
    expect(intersectPorts(all, [{ from: 443, to: 443 }])).toEqual([{ from: 443, to: 443 }]);
    expect(subtractPorts(all, [{ from: 443, to: 443 }])).toEqual([
      { from: 0, to: 442 },
      { from: 444, to: 65535 },
    ]);
    expect(portsContain([{ from: 400, to: 500 }], [{ from: 454, to: 455 }])).toBe(true);
    expect(portsContain([{ from: 454, to: 454 }], [{ from: 454, to: 455 }])).toBe(false);
  });
});
