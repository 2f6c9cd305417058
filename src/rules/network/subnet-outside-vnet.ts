import { contains } from '../../net/cidr.js';
import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { subnetName, vnetName } from './names.js';
import { writtenPrefixes } from './prefixes.js';

/**
 * `network/subnet-outside-vnet` — each subnet address prefix lies inside one of its VNet's address
 * prefixes (Azure rejects the subnet otherwise). Unknown prefixes are left to the one note of
 * `network/prefix-invalid`. Source [beyond]: VNet FAQ (BEYOND.VNET_LIMITS).
 */
export const networkSubnetOutsideVnet: Rule = {
  meta: {
    id: 'network/subnet-outside-vnet',
    title: "Subnets lie inside their VNet's address space",
    description: "Each subnet address prefix is contained in one of the VNet's address prefixes.",
    severity: 'error',
    source: BEYOND.VNET_LIMITS,
    sourceUrl: BEYOND.VNET_LIMITS,
  },
  check(model, ctx) {
    for (const s of model.all('subnet')) {
      if (s.existing) continue;
      const vnet = model.vnetOf(s);
      if (!vnet || vnet.existing) continue;
      // Every declaration of the VNet's key (two templates, or two parameter values, may declare
      // VNets of the same name): the subnet is fine when one of them contains it.
      const decls = model.all('vnet').filter((v) => v.key === vnet.key && !v.existing);
      const spaces = decls.map((v) => ({ v, space: writtenPrefixes(v.addressPrefixes) }));
      const own = writtenPrefixes(s.addressPrefixes);
      for (const { prefix, value } of own.prefixes) {
        if (spaces.some(({ space }) => space.prefixes.some((p) => contains(p.prefix, prefix)))) continue;
        // An unknown VNet prefix may contain it: network/prefix-invalid gives the "could not verify" note.
        if (spaces.some(({ space }) => space.unknowns.length > 0)) continue;
        const space = writtenPrefixes(vnet.addressPrefixes);
        if (space.prefixes.length === 0) continue; // no address space written: nothing to compare
        const list = space.prefixes.map((v) => v.prefix.network).join(', ');
        ctx.report({
          range: value.range,
          entity: s,
          message:
            `The address prefix ${value.value} of ${subnetName(s)} is outside the address space of ${vnetName(vnet)} (${list}); ` +
            `Azure rejects it. Pick a prefix inside the VNet's address space or add a VNet address prefix that contains it.`,
          related: [{ range: vnet.addressPrefixes.range ?? vnet.range, message: `${vnetName(vnet)} address space: ${list}` }],
          data: [prefix.network],
        });
      }
    }
  },
};
