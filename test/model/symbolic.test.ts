import { Unknown, symConcat, symSplit, symKey } from '../../src/model/symbolic.js';
import { entityKey, idToKey, resourceIdOf } from '../../src/model/keys.js';

describe('symbolic strings', () => {
  const u = new Unknown("uniquestring(resourcegroup().id)", 'runtime');
  it('concatenates known pieces and keeps unknown ones', () => {
    expect(symConcat(['a', 'b'])).toBe('ab');
    const s = symConcat([u, '-vnet']);
    expect(s).toBeInstanceOf(Unknown);
    expect((s as Unknown).expr).toBe('{uniquestring(resourcegroup().id)}-vnet');
  });
  it('splits on separators in known pieces only', () => {
    const s = symConcat([u, '-vnet/default']);
    const parts = symSplit(s, '/');
    expect(parts.map(symKey)).toEqual(['{{uniquestring(resourcegroup().id)}-vnet}', 'default']);
  });
  it('links an id built by resourceId() to the declared entity key', () => {
    const vnetName = symConcat([u, '-vnet']);
    const id = resourceIdOf('Microsoft.Network/virtualNetworks/subnets', [vnetName, 'default']);
    expect(idToKey(id)).toBe(entityKey('Microsoft.Network/virtualNetworks/subnets', [vnetName, 'default']));
  });
});
