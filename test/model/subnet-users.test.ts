import { occupant, subnet, vnet, modelOf } from '../helpers/entity-builders.js';
import type { Entity } from '../../src/model/entities.js';

/** Puts an entity in its own deployment scope (the builders put everything in '.'). */
function inScope<E extends Entity>(e: E, scope: string): E {
  return { ...e, scope, range: { ...e.range, file: scope } };
}

describe('NetworkModel.subnetUsers across deployment scopes', () => {
  it('keeps the users of two unrelated templates that name a subnet alike apart', () => {
    const aSubnet = inScope(subnet('vnet1', 'subnet2', ['10.0.0.0/24']), 'a.json');
    const bSubnet = inScope(subnet('vnet1', 'subnet2', ['10.1.0.0/24']), 'b.json');
    const aNic = inScope(occupant('nic-a', ['vnet1', 'subnet2']), 'a.json');
    const bNic = inScope(occupant('nic-b', ['vnet1', 'subnet2']), 'b.json');
    const m = modelOf(inScope(vnet('vnet1', ['10.0.0.0/16'], { subnets: ['subnet2'] }), 'a.json'), aSubnet, aNic, bSubnet, bNic);
    expect(m.subnetUsers(aSubnet)).toEqual([aNic]);
    expect(m.subnetUsers(bSubnet)).toEqual([bNic]);
  });

  it('links a user to a subnet declared in another file when its own deployment declares none', () => {
    const s = inScope(subnet('hub', 'shared', ['10.0.0.0/24']), 'network.json');
    const pe = inScope(occupant('pe', ['hub', 'shared']), 'app.json');
    expect(modelOf(s, pe).subnetUsers(s)).toEqual([pe]);
  });

  it('does not link names built from the same unresolved parameter across deployments', () => {
    const p = "{parameters('vnetname')}";
    const s = inScope(subnet(p, 'default', ['10.0.0.0/24']), 'one.json');
    const sameScope = inScope(occupant('nic1', [p, 'default']), 'one.json');
    const otherScope = inScope(occupant('nic2', [p, 'default']), 'two.json');
    expect(modelOf(s, sameScope, otherScope).subnetUsers(s)).toEqual([sameScope]);
  });
});
