import { overlaps } from '../../net/cidr.js';
import type { Subnet } from '../../model/entities.js';
import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { subnetName, vnetName } from './names.js';
import { writtenPrefixes, type WrittenPrefix } from './prefixes.js';

/**
 * `network/subnet-overlap` — the subnets of one VNet don't overlap each other, and a VNet's
 * address prefixes don't overlap each other (Azure rejects both). Unknown prefixes are left to the
 * one note of `network/prefix-invalid`. Source [beyond]: VNet FAQ (BEYOND.VNET_LIMITS).
 */
export const networkSubnetOverlap: Rule = {
  meta: {
    id: 'network/subnet-overlap',
    title: 'Subnets and VNet address prefixes do not overlap',
    description: "No two subnets of a VNet share an address, and no two of a VNet's address prefixes overlap.",
    severity: 'error',
    source: BEYOND.VNET_LIMITS,
    sourceUrl: BEYOND.VNET_LIMITS,
  },
  check(model, ctx) {
    for (const vnet of model.all('vnet')) {
      if (vnet.existing) continue;
      // VNet address prefixes against each other.
      const space = writtenPrefixes(vnet.addressPrefixes);
      space.prefixes.forEach((b, j) => {
        const a = space.prefixes.slice(0, j).find((x) => overlaps(x.prefix, b.prefix));
        if (!a) return;
        ctx.report({
          range: b.value.range,
          entity: vnet,
          message:
            `The address prefix ${b.value.value} of ${vnetName(vnet)} overlaps its address prefix ${a.value.value}; ` +
            `Azure rejects overlapping address prefixes in one VNet. Remove one or make them disjoint.`,
          related: [{ range: a.value.range, message: `overlapping address prefix ${a.value.value}` }],
          data: ['vnet', b.prefix.network],
        });
      });
      // Subnets against each other: those deployed from the VNet declaration's own scope (another
      // root template declaring a VNet of the same name is most likely another resource group).
      const subnets = model.subnetsOf(vnet).filter((s) => !s.existing && s.scope === vnet.scope);
      const seen: { subnet: Subnet; p: WrittenPrefix }[] = [];
      for (const s of subnets) {
        const own = writtenPrefixes(s.addressPrefixes);
        for (const p of own.prefixes) {
          const hit = seen.find((x) => x.subnet !== s && overlaps(x.p.prefix, p.prefix));
          if (hit) {
            ctx.report({
              range: p.value.range,
              entity: s,
              message:
                `The address prefix ${p.value.value} of ${subnetName(s)} overlaps ${subnetName(hit.subnet)} (${hit.p.value.value}) in ${vnetName(vnet)}; ` +
                `Azure rejects overlapping subnets. Give this subnet a free range of the VNet's address space.`,
              related: [{ range: hit.p.value.range, message: `${subnetName(hit.subnet)}: ${hit.p.value.value}` }],
              data: ['subnet', p.prefix.network],
            });
          }
          seen.push({ subnet: s, p });
        }
      }
    }
  },
};
