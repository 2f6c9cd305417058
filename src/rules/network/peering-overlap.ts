import { overlaps } from '../../net/cidr.js';
import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { vnetName } from './names.js';
import { writtenPrefixes } from './prefixes.js';

/**
 * `network/peering-overlap` — two VNets peered in the model have no overlapping address space
 * (Azure refuses the peering otherwise). Source [beyond]: VNet FAQ (BEYOND.VNET_LIMITS).
 */
export const networkPeeringOverlap: Rule = {
  meta: {
    id: 'network/peering-overlap',
    title: 'Peered VNets have disjoint address spaces',
    description: 'A VNet peering links two VNets whose address prefixes do not overlap.',
    severity: 'error',
    source: BEYOND.VNET_LIMITS,
    sourceUrl: BEYOND.VNET_LIMITS,
  },
  check(model, ctx) {
    for (const peering of model.all('peering')) {
      if (peering.existing) continue;
      const local = model.get('vnet', peering.vnet, peering);
      if (!local || !peering.remoteVnet) continue;
      if (!peering.remoteVnet.known) {
        ctx.couldNotVerify(peering.remoteVnet, peering, 'the remote VNet, to check the peered address spaces do not overlap');
        continue;
      }
      const remote = model.resolve('vnet', peering.remoteVnet, peering);
      if (!remote || remote === local || remote.existing) continue;
      const a = writtenPrefixes(local.addressPrefixes);
      const b = writtenPrefixes(remote.addressPrefixes);
      const pairs: string[] = [];
      for (const x of a.prefixes) for (const y of b.prefixes) if (overlaps(x.prefix, y.prefix)) pairs.push(`${x.value.value} and ${y.value.value}`);
      if (pairs.length === 0) continue; // unknown prefixes: network/prefix-invalid gives the note
      ctx.report({
        range: peering.remoteVnet.range,
        entity: peering,
        message:
          `The peering from ${vnetName(local)} to ${vnetName(remote)} links overlapping address spaces (${pairs.join('; ')}); ` +
          `Azure refuses to peer VNets whose address spaces overlap. Re-address one of the VNets.`,
        related: [
          { range: local.addressPrefixes.range ?? local.range, message: `${vnetName(local)} address space` },
          { range: remote.addressPrefixes.range ?? remote.range, message: `${vnetName(remote)} address space` },
        ],
      });
    }
  },
};
