import type { Entity } from '../../model/entities.js';
import type { SourceRange } from '../../core/position.js';
import { SEEDS, seedSection } from '../sources.js';
import { nameOf } from '../shared/subnet-facts.js';
import type { Rule } from '../types.js';
import { aseSites, aseText, subnetText } from './ase-site.js';

/**
 * `ase/subnet-dedicated` — nothing but the ASE is in its subnet (seed 003 *Deploy into existing
 * Azure virtual networks that are integrated with ExpressRoute*, note: "Nothing else can be in the
 * subnet but the ASE"). Users come from `NetworkModel.subnetUsers`: other ASEs, ISEs, app VNet
 * integrations, gateways and occupants (NICs, private endpoints, ...).
 */
export const aseSubnetDedicated: Rule = {
  meta: {
    id: 'ase/subnet-dedicated',
    title: 'The ASE subnet holds nothing else',
    description: 'Nothing but the App Service Environment may be deployed in its subnet: no other ASE, VNet integration, NIC, private endpoint or gateway.',
    severity: 'error',
    source: seedSection(SEEDS.ASE_NETWORKING, 'Deploy into existing Azure virtual networks that are integrated with ExpressRoute'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const { ase, subnet } of aseSites(model, ctx, [1, 2, 3], 'the dedicated subnet check')) {
      for (const user of model.subnetUsers(subnet)) {
        if (user === ase || user.key === ase.key) continue; // the ASE itself, or another declaration of it (a copy of the template)
        const what = `${user.sourceType} '${nameOf(user)}'`;
        ctx.report({
          range: refRange(user, subnet.key) ?? user.range,
          entity: user,
          message:
            `${what} is placed in ${subnetText(subnet)}, which ${aseText(ase)} uses; nothing else can be in an ASE subnet. ` +
            `Move it to another subnet, or give the ASE a dedicated subnet.`,
          related: [{ range: ase.subnet?.range ?? ase.range, message: `${aseText(ase)} uses this subnet` }],
          data: [ase.key],
        });
      }
    }
  },
};

/** Range of the property by which `user` references subnet `key`. */
function refRange(user: Entity, key: string): SourceRange | undefined {
  const match = (v: { known: boolean; range: SourceRange; value?: unknown } | undefined) => (v && v.known && v.value === key ? v.range : undefined);
  switch (user.kind) {
    case 'ase':
    case 'occupant':
      return match(user.subnet);
    case 'ise':
      return user.subnets.items.map(match).find(Boolean);
    case 'app':
      return user.integrations.map(match).find(Boolean);
    case 'vnetGateway':
      return user.subnets.map(match).find(Boolean);
    default:
      return undefined;
  }
}
