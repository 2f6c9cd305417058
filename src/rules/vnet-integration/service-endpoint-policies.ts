import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { appLocations, integratedSubnets, nameOf } from './integrations.js';

/**
 * `vnet-integration/service-endpoint-policies`: an integration subnet has no service endpoint policies.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Limitations* ("The integration subnet can't have
 * service endpoint policies enabled").
 */
export const serviceEndpointPolicies: Rule = {
  meta: {
    id: 'vnet-integration/service-endpoint-policies',
    title: 'Integration subnets have no service endpoint policies',
    description: 'A subnet used for regional VNet integration has no service endpoint policies.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Limitations'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const s of integratedSubnets(model)) {
      const subnet = s.subnet;
      if (subnet.existing) continue;
      const list = subnet.serviceEndpointPolicies;
      if (list.items.length === 0) {
        if (list.unknown) ctx.couldNotVerify(list.unknown, subnet, 'whether the subnet has service endpoint policies');
        continue;
      }
      const n = list.items.length;
      ctx.report({
        range: list.range ?? list.items[0]!.range,
        entity: subnet,
        message:
          `Subnet '${nameOf(subnet)}' has ${n} service endpoint polic${n === 1 ? 'y' : 'ies'}, but apps integrate with it; ` +
          `an integration subnet can't have service endpoint policies. Remove serviceEndpointPolicies from the subnet ` +
          `or integrate with another subnet.`,
        related: appLocations(s.uses),
      });
    }
  },
};
