import type { AppServicePlan } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { addressCount } from '../../net/cidr.js';
import { sizeText, subnetPrefix } from '../shared/subnet-facts.js';
import { appLocations, integratedSubnets, isWindowsContainerApp, nameOf, planOfApp } from './integrations.js';
import { isFlexPlan } from './plan-sku.js';
import { maxInstances } from './capacity.js';

/** Addresses Azure reserves in every subnet (seed 004, *Subnet requirements*: "consumes five IPs from the start"). */
export const RESERVED_ADDRESSES = 5;
/** Headroom factor: scale operations and upgrades temporarily double the addresses used (seed 004, *Subnet requirements*). */
export const SCALE_FACTOR = 2;

/**
 * `vnet-integration/subnet-capacity`: addresses needed ≤ subnet size, with
 * needed = 5 reserved + 2 × Σ plans (max instances × (1 + Windows-container apps of the plan on the subnet)).
 * Plans whose maximum is unknown are left out of the sum (then "at least"); Flex Consumption plans,
 * which scale differently, are not counted.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Subnet requirements* and *Windows Containers specific limits*.
 */
export const subnetCapacity: Rule = {
  meta: {
    id: 'vnet-integration/subnet-capacity',
    title: 'Integration subnets have room for the plans at maximum scale',
    description:
      'The subnet holds 5 reserved addresses plus twice the addresses of every plan at maximum scale (one per instance, plus one per instance for each Windows container app).',
    severity: 'warning',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Subnet requirements'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const s of integratedSubnets(model)) {
      if (s.subnet.existing || s.plans.length === 0) continue;
      const p = subnetPrefix(s.subnet);
      if (p.kind !== 'known') continue; // unknown sizes are reported by subnet-size
      const size = addressCount(p.prefix);
      let sum = 0;
      let partial = false;
      const terms: string[] = [];
      for (const plan of s.plans as AppServicePlan[]) {
        if (isFlexPlan(plan)) continue;
        if (plan.existing) {
          partial = true; // declared `existing`: its scale is not in the templates
          continue;
        }
        const mi = maxInstances(model, plan);
        for (const u of mi.unknowns) ctx.couldNotVerify(u, plan, 'the maximum instance count of the plan (integration subnet capacity)');
        if (mi.unknowns.length > 0) partial = true;
        const win = s.apps.filter((a) => planOfApp(model, a) === plan && isWindowsContainerApp(a, plan)).length;
        sum += mi.count * (1 + win);
        const inst = `${mi.count} instance${mi.count === 1 ? '' : 's'}${mi.from === 'default' ? ' (sku.capacity not set)' : mi.from === 'unknown' ? ' (at least; the maximum is unknown)' : ''}`;
        terms.push(win > 0 ? `${inst} × (1 + ${win} Windows container app${win === 1 ? '' : 's'}) of '${nameOf(plan)}'` : `${inst} of '${nameOf(plan)}'`);
      }
      if (s.planKeys.length > s.plans.length) partial = true;
      const needed = RESERVED_ADDRESSES + SCALE_FACTOR * sum;
      if (needed <= size || sum === 0) continue;
      const fitLen = 32 - Math.ceil(Math.log2(needed));
      ctx.report({
        range: p.value.range,
        entity: s.subnet,
        message:
          `Integration subnet '${nameOf(s.subnet)}' is ${sizeText(p.prefix.length)} but needs ${partial ? 'at least ' : ''}${needed} addresses: ` +
          `${RESERVED_ADDRESSES} reserved + ${SCALE_FACTOR} × (${terms.join(' + ')}), since scale operations temporarily double the addresses in use. ` +
          `Use a ${sizeText(Math.max(0, fitLen))} or larger, or lower the plans' maximum instance count.`,
        related: appLocations(s.uses),
      });
    }
  },
};
