import { rget } from '../../../src/model/resolved-resource.js';
import { at, loadInline, resource } from './helpers.js';

/**
 * tree-sitter-bicep 1.1.0 splits some array items in two inside resource bodies: a call
 * `[cidrSubnet(ipRange, 16, 0)]` becomes the identifier and a parenthesized expression. The loader
 * joins them back, so the item is the call's value, at the call's range.
 */
describe('Bicep array items the grammar splits', () => {
  const text = `var space = '10.7.0.0/16'
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'v'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [cidrSubnet(space, 20, 1)]
    }
    dhcpOptions: {
      dnsServers: [toLower('10.7.0.4'), cidrHost(space, 4)]
    }
  }
}
`;
  it('evaluates a function call in a one-line array as one item', async () => {
    const out = await loadInline({ 'main.bicep': text });
    const vnet = resource(out, 'Microsoft.Network/virtualNetworks', 'v');
    expect(at(vnet, 'properties', 'addressSpace', 'addressPrefixes')).toEqual(['10.7.16.0/20']);
    expect(at(vnet, 'properties', 'dhcpOptions', 'dnsServers')).toEqual(['10.7.0.4', '10.7.0.5']);
    const item = rget(vnet.body, 'properties', 'addressSpace', 'addressPrefixes', 0)!;
    expect([item.range.line, item.range.column]).toEqual([7, 25]);
  });
});
