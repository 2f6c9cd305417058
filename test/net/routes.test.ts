import { describe, expect, it } from '@jest/globals';
import { defaultRoute, lookupRoute } from '../../src/net/routes.js';
import { route, routeTable, unk } from '../helpers/entity-builders.js';

describe('lookupRoute', () => {
  const table = routeTable('rt', [
    route('default', '0.0.0.0/0', 'VirtualAppliance'),
    route('mgmt', '52.0.0.0/8', 'Internet'),
    route('host', '52.1.2.3/32', 'None'),
    route('onprem', '192.168.0.0/16', 'VirtualNetworkGateway'),
  ]);

  it('longest prefix wins', () => {
    expect(lookupRoute(table, '52.1.2.3')).toMatchObject({ nextHopType: 'None', system: false });
    expect(lookupRoute(table, '52.9.9.9')).toMatchObject({ nextHopType: 'Internet', system: false });
    expect(lookupRoute(table, '8.8.8.8')).toMatchObject({ nextHopType: 'VirtualAppliance', system: false });
    expect(lookupRoute(table, '192.168.4.0/24').route?.name).toMatchObject({ value: 'onprem' });
  });

  it('a CIDR destination must lie inside the route prefix', () => {
    expect(lookupRoute(table, '52.0.0.0/7')).toMatchObject({ nextHopType: 'VirtualAppliance' });
  });

  it('system routes without a route table', () => {
    expect(lookupRoute(undefined, '8.8.8.8')).toEqual({ nextHopType: 'Internet', system: true });
    expect(lookupRoute(undefined, '10.0.1.4', { vnetPrefixes: ['10.0.0.0/16'] })).toEqual({ nextHopType: 'VnetLocal', system: true });
    expect(lookupRoute(undefined, '10.9.1.4', { vnetPrefixes: ['10.0.0.0/16'] })).toEqual({ nextHopType: 'None', system: true });
  });

  it('routes with an unknown prefix make a shorter match unknown', () => {
    const t = routeTable('rt2', [route('default', '0.0.0.0/0', 'Internet'), route('x', unk("parameters('prefix')"), 'VirtualAppliance')]);
    const r = lookupRoute(t, '8.8.8.8');
    expect(r.nextHopType).toBe('unknown');
    expect(r.unknownAt?.name).toMatchObject({ value: 'x' });
  });

  it('a host route is not shadowed by an unknown prefix', () => {
    const t = routeTable('rt3', [route('h', '8.8.8.8/32', 'Internet'), route('x', unk("parameters('prefix')"), 'None')]);
    expect(lookupRoute(t, '8.8.8.8')).toMatchObject({ nextHopType: 'Internet' });
  });

  it('an unknown next hop is unknown', () => {
    const t = routeTable('rt4', [route('default', '0.0.0.0/0', unk("parameters('hop')"))]);
    expect(lookupRoute(t, '8.8.8.8')).toMatchObject({ nextHopType: 'unknown' });
  });

  it('an invalid destination is unknown', () => {
    expect(lookupRoute(table, 'Storage').nextHopType).toBe('unknown');
  });
});

describe('defaultRoute', () => {
  it('finds 0.0.0.0/0', () => {
    const t = routeTable('rt', [route('a', '10.0.0.0/8', 'None'), route('d', '0.0.0.0/0', 'Internet')]);
    expect(defaultRoute(t)?.name).toMatchObject({ value: 'd' });
    expect(defaultRoute(routeTable('e', [route('a', '10.0.0.0/8', 'None')]))).toBeUndefined();
    expect(defaultRoute(undefined)).toBeUndefined();
  });
});
