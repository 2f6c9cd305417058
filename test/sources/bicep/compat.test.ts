import { maskUnsupportedSyntax } from '../../../src/sources/bicep/compat.js';
import { at, loadInline, resource } from './helpers.js';

/**
 * Newer Bicep syntax the tree-sitter-bicep 1.1.0 grammar lacks is rewritten before parsing,
 * keeping the text's length (so lines and columns stay exact) — see src/sources/bicep/compat.ts.
 */
describe('Bicep syntax the grammar lacks', () => {
  it('keeps the length and the line breaks of the text', () => {
    const text = "func f(\n  a string,\n) string => a\nvar x = cfg!.networking![0]\nvar s = 'a,)'\n";
    const masked = maskUnsupportedSyntax(text).text;
    expect(masked.length).toBe(text.length);
    expect(masked.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(masked).toContain("var s = 'a,)'");
    expect(masked).not.toContain('cfg!');
  });

  it('reads non-null assertions before member access and trailing commas in func parameters', async () => {
    const out = await loadInline({
      'main.bicep': `param cfg object = { prefix: '10.4.0.0/16' }
func sub(
  prefix string,
  index int,
) string => cidrSubnet(prefix, 24, index)
var zones = [
  cfg!.prefix
]
resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'v'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [cfg!.prefix]
    }
    dhcpOptions: {
      dnsServers: zones
    }
  }
}
`,
    });
    expect(out.files[0]!.errors).toEqual([]);
    const vnet = resource(out, 'Microsoft.Network/virtualNetworks', 'v');
    expect(at(vnet, 'properties', 'addressSpace', 'addressPrefixes')).toEqual(['10.4.0.0/16']);
    expect(at(vnet, 'properties', 'dhcpOptions', 'dnsServers')).toEqual(['10.4.0.0/16']);
  });
});
