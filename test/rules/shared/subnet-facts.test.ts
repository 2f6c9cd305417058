import { describe, expect, it } from '@jest/globals';
import {
  addressContext,
  delegationStatus,
  hasDelegation,
  sizeText,
  subnetNsg,
  subnetOccupants,
  subnetPrefix,
  subnetRouteTable,
} from '../../../src/rules/shared/subnet-facts.js';
import { app, ise, modelOf, nsg, occupant, peering, subnet, unk, vnet } from '../../helpers/entity-builders.js';

describe('subnetPrefix', () => {
  it('the first IPv4 item', () => {
    const r = subnetPrefix(subnet('v', 's', ['fd00::/64', '10.0.0.0/27']));
    expect(r.kind === 'known' && r.prefix.network).toBe('10.0.0.0/27');
  });
  it('unknown, invalid and absent', () => {
    expect(subnetPrefix(subnet('v', 's', [unk("parameters('p')")])).kind).toBe('unknown');
    const inv = subnetPrefix(subnet('v', 's', ['10.0.0.5/27']));
    expect(inv).toMatchObject({ kind: 'invalid', reason: 'host bits are set: 10.0.0.5/27 should be 10.0.0.0/27' });
    expect(subnetPrefix(subnet('v', 's', ['nope'])).kind).toBe('invalid');
    expect(subnetPrefix(subnet('v', 's', [])).kind).toBe('absent');
    expect(subnetPrefix(subnet('v', 's', ['fd00::/64'])).kind).toBe('absent');
  });
});

describe('addressContext', () => {
  it('VNet space, peered spaces and subnets', () => {
    const s = subnet('v', 's', ['10.0.0.0/27']);
    const m = modelOf(vnet('v', ['10.0.0.0/16'], { subnets: ['s'] }), s, vnet('hub', ['10.100.0.0/16']), peering('hub', 'to-v', 'v'));
    expect(addressContext(m, s).virtualNetworkPrefixes).toEqual(['10.0.0.0/16', '10.100.0.0/16', '10.0.0.0/27']);
  });
});

describe('misc', () => {
  it('sizeText', () => {
    expect(sizeText(28)).toBe('/28 (16 addresses)');
    expect(sizeText(27)).toBe('/27 (32 addresses)');
  });
  it('delegations are case-insensitive; unknown stays unknown', () => {
    const s = subnet('v', 's', ['10.0.0.0/27'], { delegations: ['microsoft.web/serverfarms'] });
    expect(hasDelegation(s, 'Microsoft.Web/serverFarms')).toBe(true);
    expect(hasDelegation(s, 'Microsoft.Web/hostingEnvironments')).toBe(false);
    const u = subnet('v', 's', ['10.0.0.0/27'], { delegations: [unk("parameters('d')")] });
    expect(delegationStatus(u, 'Microsoft.Web/serverFarms').status).toBe('unknown');
  });
  it('occupants', () => {
    const s = subnet('v', 's', ['10.0.0.0/27']);
    const m = modelOf(vnet('v', ['10.0.0.0/16'], { subnets: ['s'] }), s, ise('i', [['v', 's']]), app('a', { integrations: [['v', 's']] }), occupant('nic', ['v', 's']));
    expect(subnetOccupants(m, s).map((e) => e.kind)).toEqual(['ise', 'app', 'occupant']);
  });
  it('NSG and route table references', () => {
    const m = modelOf(nsg('n', []));
    expect(subnetNsg(m, subnet('v', 's', [])).kind).toBe('none');
    expect(subnetNsg(m, subnet('v', 's', [], { nsg: 'n' })).kind).toBe('nsg');
    expect(subnetNsg(m, subnet('v', 's', [], { nsg: 'other' })).kind).toBe('unresolved');
    expect(subnetNsg(m, subnet('v', 's', [], { nsg: unk("parameters('nsgId')") })).kind).toBe('unknown');
    expect(subnetRouteTable(m, subnet('v', 's', [], { routeTable: 'rt' })).kind).toBe('unresolved');
  });
});
