import type { SourceRange } from '../../core/position.js';
import type { Entity } from '../../model/entities.js';
import type { Value } from '../../model/value.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { subnetOccupants } from '../shared/subnet-facts.js';
import { appLocations, integratedSubnets, nameOf } from './integrations.js';

/** Where `user` names the subnet `subnetKey` (its reference property), else its declaration. */
function referenceRange(user: Entity, subnetKey: string): SourceRange {
  const hit = (v: Value<string> | undefined) => (v && v.known && v.value === subnetKey ? v.range : undefined);
  switch (user.kind) {
    case 'ise':
      return user.subnets.items.map(hit).find((r) => r) ?? user.range;
    case 'vnetGateway':
      return user.subnets.map(hit).find((r) => r) ?? user.range;
    case 'ase':
    case 'occupant':
      return hit(user.subnet) ?? user.range;
    default:
      return user.range;
  }
}

/** Human name of what occupies a subnet, e.g. `private endpoint 'pe1'`. */
function describe(user: Entity): string {
  const t = user.type.split('/').slice(1).join('/') || user.type;
  return `${t} '${nameOf(user)}'`;
}

/**
 * `vnet-integration/subnet-dedicated`: an integration subnet holds nothing but App Service plans'
 * integrations (no NICs, private endpoints, gateways, ASEs, ISEs...).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Limitations* ("The feature requires an unused subnet").
 */
export const subnetDedicated: Rule = {
  meta: {
    id: 'vnet-integration/subnet-dedicated',
    title: 'Integration subnets are dedicated to VNet integration',
    description: 'A subnet used for regional VNet integration holds nothing else: no NICs, private endpoints, gateways or environments.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Limitations'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const s of integratedSubnets(model)) {
      // Users whose reference, resolved from where they are declared, is this very subnet (model.subnetUsers).
      const others = subnetOccupants(model, s.subnet).filter((u) => u.kind !== 'app');
      for (const user of others) {
        ctx.report({
          range: referenceRange(user, s.subnet.key),
          entity: s.subnet,
          message:
            `Subnet '${nameOf(s.subnet)}' is used for VNet integration and also by ${describe(user)}; ` +
            `an integration subnet must be unused by anything else. Move ${describe(user)} to another subnet ` +
            `or integrate the apps with a dedicated subnet.`,
          related: appLocations(s.uses),
          data: [user.key],
        });
      }
    }
  },
};
