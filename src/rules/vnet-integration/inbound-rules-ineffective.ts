import type { NetworkSecurityGroup, SecurityRule } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { parsePortRange } from '../../net/ports.js';
import { appLocations, integratedSubnets, nameOf, type IntegratedSubnet } from './integrations.js';
import { PRIVATE_PORTS } from './flows.js';

/** True when every destination port range of the rule lies in the private ports range 20000–30000 (those rules do matter). */
function onlyPrivatePorts(r: SecurityRule): boolean {
  const items = r.destinationPortRanges.items;
  if (items.length === 0 || r.destinationPortRanges.unknown) return false;
  return items.every((v) => {
    if (!v.known) return false;
    const p = parsePortRange(v.value);
    return p.ok && p.range.from >= PRIVATE_PORTS.from && p.range.to <= PRIVATE_PORTS.to;
  });
}

/**
 * `vnet-integration/inbound-rules-ineffective`: inbound security rules of an NSG on an integration
 * subnet don't restrict access to the integrated apps (VNet integration is outbound only); use
 * access restrictions or private endpoints. Reported once per NSG whose subnets are all integration
 * subnets, at its first inbound rule (rules only about the private ports 20000–30000 are left out).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Network routing* ("inbound rules in an NSG don't apply to your app").
 */
export const inboundRulesIneffective: Rule = {
  meta: {
    id: 'vnet-integration/inbound-rules-ineffective',
    title: 'Inbound NSG rules on an integration subnet do not protect the app',
    description:
      'Inbound security rules on the NSG of an integration subnet do not restrict access to the app; use access restrictions or private endpoints.',
    severity: 'note',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Network routing'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    const byNsg = new Map<NetworkSecurityGroup, IntegratedSubnet[]>();
    for (const s of integratedSubnets(model)) {
      const nsg = model.nsgOf(s.subnet);
      if (!nsg || nsg.existing) continue;
      const l = byNsg.get(nsg) ?? [];
      l.push(s);
      byNsg.set(nsg, l);
    }
    for (const [nsg, subnets] of byNsg) {
      const integrated = new Set(subnets.map((s) => s.subnet));
      if (!model.subnetsUsingNsg(nsg).every((s) => integrated.has(s))) continue;
      const inbound = nsg.securityRules.filter(
        (r) => r.direction?.known && r.direction.value.toLowerCase() === 'inbound' && !onlyPrivatePorts(r),
      );
      if (inbound.length === 0) continue;
      const first = inbound[0]!;
      const names = inbound.map((r) => `'${nameOf(r)}'`).join(', ');
      ctx.report({
        range: first.direction?.range ?? first.range,
        entity: nsg,
        message:
          `NSG '${nsg.name.known ? nsg.name.value : nameOf(nsg)}' on integration subnet ${subnets.map((s) => `'${nameOf(s.subnet)}'`).join(', ')} has ` +
          `${inbound.length} inbound security rule${inbound.length === 1 ? '' : 's'} (${names}); VNet integration is outbound only, so inbound ` +
          `rules don't restrict access to the integrated apps. Use access restrictions or private endpoints to control inbound traffic.`,
        related: [
          ...inbound.slice(1).map((r) => ({ range: r.range, message: `Inbound security rule '${nameOf(r)}'.` })),
          ...appLocations(subnets.flatMap((s) => s.uses)),
        ],
      });
    }
  },
};
