import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { appLocations, integratedSubnets, nameOf } from './integrations.js';
import { isIPv6 } from '../../net/cidr.js';

/**
 * `vnet-integration/ipv6-address-space`: the VNet of an integration subnet has no IPv6 address space.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Limitations* ("The integration virtual network can't
 * have IPv6 address spaces defined").
 */
export const ipv6AddressSpace: Rule = {
  meta: {
    id: 'vnet-integration/ipv6-address-space',
    title: 'Integration VNets have no IPv6 address space',
    description: 'The virtual network of an integration subnet defines no IPv6 address prefix.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Limitations'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    // By entity, not key: the same VNet written in two files (a Bicep file and its compiled ARM
    // template) gives two entities with one key, each reported in its own file.
    const done = new Set<object>();
    for (const s of integratedSubnets(model)) {
      const vnet = s.vnet;
      if (!vnet || vnet.existing || done.has(vnet)) continue;
      done.add(vnet);
      const uses = integratedSubnets(model).filter((x) => x.vnet === vnet).flatMap((x) => x.uses);
      const list = vnet.addressPrefixes;
      if (list.unknown) ctx.couldNotVerify(list.unknown, vnet, 'whether the VNet has an IPv6 address space');
      for (const p of list.items) {
        if (!p.known) {
          ctx.couldNotVerify(p, vnet, 'whether the VNet has an IPv6 address space');
          continue;
        }
        if (!isIPv6(p.value)) continue;
        ctx.report({
          range: p.range,
          entity: vnet,
          message:
            `VNet '${nameOf(vnet)}' has the IPv6 address space ${p.value}, but apps integrate with its subnet(s); ` +
            `VNet integration can't use a virtual network with IPv6 address spaces. Remove ${p.value} from ` +
            `addressSpace.addressPrefixes or integrate with an IPv4-only VNet.`,
          related: appLocations(uses),
          data: [p.value],
        });
      }
    }
  },
};
