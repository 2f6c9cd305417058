import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { sizeText, subnetPrefix } from '../shared/subnet-facts.js';
import { appLocations, integratedSubnets, nameOf } from './integrations.js';

/** Smallest integration subnet: an IPv4 /28 (seed 004, *Limitations*). */
export const MIN_PREFIX_LENGTH = 28;
/** A /26 covers the maximum scale of a single multitenant plan (seed 004, *Subnet requirements*). */
export const RECOMMENDED_PREFIX_LENGTH = 26;

/**
 * `vnet-integration/subnet-size`: an integration subnet is an IPv4 /28 or larger (error below);
 * /26 is recommended (warning for /27 and /28 when a single plan uses the subnet — several plans
 * are `multi-plan-subnet`'s business).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Subnet requirements* and *Limitations*.
 */
export const subnetSize: Rule = {
  meta: {
    id: 'vnet-integration/subnet-size',
    title: 'Integration subnets are /28 or larger, /26 recommended',
    description: 'A subnet used for regional VNet integration is an IPv4 /28 or larger; a /26 covers the maximum scale of a single plan.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Subnet requirements'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const s of integratedSubnets(model)) {
      const subnet = s.subnet;
      if (subnet.existing) continue;
      const p = subnetPrefix(subnet);
      if (p.kind === 'unknown') {
        ctx.couldNotVerify(p.value, subnet, 'the size of the integration subnet');
        continue;
      }
      if (p.kind !== 'known') continue;
      const len = p.prefix.length;
      const name = nameOf(subnet);
      if (len > MIN_PREFIX_LENGTH) {
        ctx.report({
          range: p.value.range,
          entity: subnet,
          message:
            `Integration subnet '${name}' is ${sizeText(len)}; VNet integration needs an IPv4 ${sizeText(MIN_PREFIX_LENGTH)} or larger. ` +
            `Use a ${sizeText(RECOMMENDED_PREFIX_LENGTH)}, which covers the maximum scale of a single App Service plan.`,
          related: appLocations(s.uses),
        });
      } else if (len > RECOMMENDED_PREFIX_LENGTH && s.planKeys.length <= 1) {
        ctx.report({
          range: p.value.range,
          entity: subnet,
          severity: 'warning',
          message:
            `Integration subnet '${name}' is ${sizeText(len)}; a ${sizeText(RECOMMENDED_PREFIX_LENGTH)} is recommended: it covers the maximum ` +
            `scale of a single App Service plan, and scale operations and platform upgrades temporarily need twice the addresses in use. ` +
            `The subnet size can't be changed while apps are integrated, so size it for the largest scale now.`,
          related: appLocations(s.uses),
        });
      }
    }
  },
};
