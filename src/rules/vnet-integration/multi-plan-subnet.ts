import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { sizeText, subnetPrefix } from '../shared/subnet-facts.js';
import { appLocations, integratedSubnets, nameOf } from './integrations.js';
import { RECOMMENDED_PREFIX_LENGTH } from './subnet-size.js';

/** Smallest subnet for multi plan subnet join (MPSJ): /26 (seed 004, *Subnet requirements*, *Limitations*). */
export const MPSJ_MIN_PREFIX_LENGTH = RECOMMENDED_PREFIX_LENGTH;

/** A plan's display name from its key (`microsoft.web/serverfarms|plan1` → `plan1`). */
function planName(key: string): string {
  return key.slice(key.indexOf('|') + 1);
}

/**
 * `vnet-integration/multi-plan-subnet`: when several App Service plans join one subnet (MPSJ), the
 * subnet is a /26 or larger. (All plans must be in one subscription; subscriptions are not in the
 * model, so the message only reminds of it.)
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Subnet requirements* ("to use MPSJ a minimum size of /26 subnet is required").
 */
export const multiPlanSubnet: Rule = {
  meta: {
    id: 'vnet-integration/multi-plan-subnet',
    title: 'Subnets shared by several plans are /26 or larger',
    description: 'A subnet joined by several App Service plans (multi plan subnet join) is a /26 or larger, and the plans are in one subscription.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Subnet requirements'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const s of integratedSubnets(model)) {
      if (s.subnet.existing || s.planKeys.length < 2) continue;
      const p = subnetPrefix(s.subnet);
      if (p.kind === 'unknown') {
        ctx.couldNotVerify(p.value, s.subnet, 'the size of a subnet joined by several App Service plans');
        continue;
      }
      if (p.kind !== 'known' || p.prefix.length <= MPSJ_MIN_PREFIX_LENGTH) continue;
      const names = s.planKeys.map((k) => {
        const plan = s.plans.find((x) => x.key === k);
        return `'${plan ? nameOf(plan) : planName(k)}'`;
      });
      ctx.report({
        range: p.value.range,
        entity: s.subnet,
        message:
          `Subnet '${nameOf(s.subnet)}' is ${sizeText(p.prefix.length)} and ${s.planKeys.length} App Service plans join it (${names.join(', ')}); ` +
          `multi plan subnet join needs a ${sizeText(MPSJ_MIN_PREFIX_LENGTH)} or larger (and all plans in one subscription). ` +
          `Enlarge the subnet to /26 or give each plan its own subnet.`,
        related: appLocations(s.uses),
      });
    }
  },
};
