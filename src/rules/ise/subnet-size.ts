import { addressCount, prefixSizeText, tryPrefix } from '../../net/cidr.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { allIseSubnets, nameOf } from './ise-subnets.js';
import { propertyName } from './property-names.js';

/** Prefix length of every ISE subnet: /27, 32 addresses (seed 000, *Create subnets*). */
export const ISE_SUBNET_PREFIX_LENGTH = 27;

/**
 * `ise/subnet-size` — each ISE subnet is a /27 (32 addresses). Smaller is an error; larger is a
 * note: seed 000 (*Create subnets*, 2022) says "More addresses won't provide extra benefits",
 * seed 001 (2020) said "at least a /27". IPv6 prefixes are not sized (ISE subnets are IPv4).
 */
export const subnetSize: Rule = {
  meta: {
    id: 'ise/subnet-size',
    title: 'ISE subnets are /27',
    description: 'Each ISE subnet is a /27 (32 addresses): smaller is an error, larger gives no benefit (note).',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Create subnets'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    const want = prefixSizeText(ISE_SUBNET_PREFIX_LENGTH);
    for (const { subnet } of allIseSubnets(model)) {
      if (subnet.addressPrefixes.unknown) ctx.couldNotVerify(subnet.addressPrefixes.unknown, subnet, "the ISE subnet's size");
      for (const v of subnet.addressPrefixes.items) {
        if (!v.known) {
          ctx.couldNotVerify(v, subnet, "the ISE subnet's size");
          continue;
        }
        const p = tryPrefix(v.value, { allowHostBits: true });
        if (!p || p.family !== 4) continue; // invalid prefixes: network/prefix-invalid
        const size = prefixSizeText(p.length);
        if (p.length > ISE_SUBNET_PREFIX_LENGTH) {
          ctx.report({
            entity: subnet,
            range: v.range,
            data: [v.value],
            message: `Subnet '${nameOf(subnet)}' is ${size}; an ISE subnet must be a ${want}. Change ${propertyName(subnet.format, 'addressPrefix')} to a /27.`,
          });
        } else if (p.length < ISE_SUBNET_PREFIX_LENGTH) {
          ctx.report({
            entity: subnet,
            range: v.range,
            severity: 'note',
            data: [v.value],
            message: `Subnet '${nameOf(subnet)}' is ${size}; an ISE uses a ${want} per subnet and more addresses give no benefit, so ${(addressCount(p) - 32).toLocaleString('en-US')} addresses stay unused. Consider a /27.`,
          });
        }
      }
    }
  },
};
