import { describe, expect, it } from '@jest/globals';
import { compareAddress, compareAddresses, isServiceTag, parseServiceTag } from '../../src/net/service-tags.js';

const ctx = { virtualNetworkPrefixes: ['10.0.0.0/16', '10.1.0.0/16'] };

describe('service tags', () => {
  it('recognizes tags case-insensitively, with regional forms', () => {
    expect(parseServiceTag('appservicemanagement')).toEqual({ tag: 'AppServiceManagement' });
    expect(parseServiceTag('APIManagement')).toEqual({ tag: 'ApiManagement' });
    expect(parseServiceTag('Storage.WestUS')).toEqual({ tag: 'Storage', region: 'westus' });
    expect(parseServiceTag('AzureFrontDoor.Backend')).toEqual({ tag: 'AzureFrontDoor.Backend' });
    expect(isServiceTag('VirtualNetwork.WestUS')).toBe(false);
    expect(isServiceTag('Storagee')).toBe(false);
    expect(isServiceTag('10.0.0.0/8')).toBe(false);
  });
});

describe('compareAddress(rule, flow)', () => {
  it.each([
    // * contains everything
    ['*', 'AppServiceManagement', 'contains'],
    ['*', '10.0.0.0/27', 'contains'],
    ['AppServiceManagement', '*', 'partial'],
    // same tag, case-insensitive; regional inside global
    ['appservicemanagement', 'AppServiceManagement', 'contains'],
    ['Storage', 'Storage.WestUS', 'contains'],
    ['Storage.WestUS', 'Storage', 'partial'],
    ['Storage.WestUS', 'Storage.EastUS', 'disjoint'],
    // Internet contains public tags
    ['Internet', 'LogicApps', 'contains'],
    ['Internet', 'Storage.WestUS', 'contains'],
    ['LogicApps', 'Internet', 'partial'],
    ['Internet', 'VirtualNetwork', 'disjoint'],
    ['Internet', 'AzureLoadBalancer', 'disjoint'],
    ['VirtualNetwork', 'Internet', 'disjoint'],
    // distinct public tags
    ['Storage', 'Sql', 'disjoint'],
    ['AzureCloud', 'Sql', 'contains'],
    ['AzureCloud', 'AzureActiveDirectory', 'unknown'],
    ['Sql', 'AzureCloud', 'partial'],
    // VirtualNetwork vs CIDRs of the context
    ['VirtualNetwork', '10.0.1.0/27', 'contains'],
    ['VirtualNetwork', 'VirtualNetwork', 'contains'],
    ['10.0.0.0/16', 'VirtualNetwork', 'partial'],
    ['10.0.0.0/15', 'VirtualNetwork', 'contains'],
    ['192.168.0.0/16', 'VirtualNetwork', 'disjoint'],
    ['VirtualNetwork', '192.168.0.4', 'unknown'],
    ['VirtualNetwork', '20.1.2.3', 'disjoint'],
    // public tag vs private / public CIDR
    ['AppServiceManagement', '10.0.0.0/27', 'disjoint'],
    ['10.0.0.0/8', 'AppServiceManagement', 'disjoint'],
    ['100.64.0.0/10', 'LogicApps', 'disjoint'],
    ['52.1.2.3', 'AppServiceManagement', 'unknown'],
    ['AppServiceManagement', '52.1.2.3', 'unknown'],
    ['0.0.0.0/0', 'AppServiceManagement', 'contains'],
    // Internet vs CIDRs
    ['Internet', '52.1.2.3', 'contains'],
    ['Internet', '10.0.0.4', 'disjoint'],
    ['52.0.0.0/8', 'Internet', 'partial'],
    ['10.0.0.0/8', 'Internet', 'disjoint'],
    // AzureLoadBalancer is 168.63.129.16
    ['AzureLoadBalancer', 'AzureLoadBalancer', 'contains'],
    ['168.63.129.16', 'AzureLoadBalancer', 'contains'],
    ['VirtualNetwork', 'AzureLoadBalancer', 'disjoint'],
    // CIDR vs CIDR
    ['10.0.0.0/24', '10.0.0.0/27', 'contains'],
    ['10.0.0.0/28', '10.0.0.0/27', 'partial'],
    ['10.2.0.0/24', '10.0.0.0/27', 'disjoint'],
    ['10.0.0.5/24', '10.0.0.0/27', 'contains'],
    // garbage is unknown
    ['Storagee', 'Storage', 'unknown'],
    ['Storage', 'what', 'unknown'],
  ])('%s vs %s → %s', (rule, flow, rel) => {
    expect(compareAddress(rule, flow, ctx)).toBe(rel);
  });

  it('unites CIDR items of a rule list', () => {
    expect(compareAddresses(['10.0.0.0/16', '10.1.0.0/16'], 'VirtualNetwork', ctx)).toBe('contains');
    expect(compareAddresses(['10.0.0.0/16', 'Storage'], 'VirtualNetwork', ctx)).toBe('partial');
    expect(compareAddresses(['52.0.0.0/8', 'AppServiceManagement'], 'AppServiceManagement', ctx)).toBe('contains');
    expect(compareAddresses(['52.0.0.0/8', 'Sql'], 'AppServiceManagement', ctx)).toBe('unknown');
  });

  it('VirtualNetwork without known prefixes', () => {
    expect(compareAddress('10.0.0.0/16', 'VirtualNetwork', { virtualNetworkPrefixes: [] })).toBe('unknown');
    expect(compareAddress('VirtualNetwork', 'VirtualNetwork', { virtualNetworkPrefixes: [] })).toBe('contains');
  });
});
