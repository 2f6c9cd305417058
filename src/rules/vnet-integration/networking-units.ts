import type { Value } from '../../model/value.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { appsOfPlan, integrationUses, isWindowsContainerApp, nameOf } from './integrations.js';
import { ISOLATED_V2_CORES, UNITS_PER_CORE } from './plan-sku.js';

/**
 * `vnet-integration/networking-units`: Windows containers on Isolated v2 workers need
 * cores × 3 ≥ 1 (worker) + VNet connections + apps networking units.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Windows Containers specific limits* (second sample
 * calculation: 1 worker + 2 connections + 4 apps = 7 units; I1v2 = 2 cores = 6 units is too small).
 */
export const networkingUnits: Rule = {
  meta: {
    id: 'vnet-integration/networking-units',
    title: 'Isolated v2 Windows container workers have enough networking units',
    description:
      'On Isolated v2 plans running Windows containers, the worker size gives 3 networking units per core; the worker, each VNet connection and each app use one.',
    severity: 'warning',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Windows Containers specific limits'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    const plans = [...new Set(integrationUses(model).flatMap((u) => (u.plan ? [u.plan] : [])))];
    for (const plan of plans) {
      const sku = plan.skuName;
      if (!sku || !sku.known) continue;
      const cores = ISOLATED_V2_CORES[sku.value.trim().toLowerCase()];
      if (cores === undefined) continue;
      const apps = appsOfPlan(model, plan);
      if (!apps.some((a) => isWindowsContainerApp(a, plan))) continue;
      const subnets = new Set<string>();
      for (const u of integrationUses(model)) {
        if (u.plan !== plan) continue;
        const r: Value<string> = u.ref;
        subnets.add(r.known ? r.value : `{${r.unknown.expr}}`);
      }
      const needed = 1 + subnets.size + apps.length;
      const units = cores * UNITS_PER_CORE;
      if (units >= needed) continue;
      const fit = Object.entries(ISOLATED_V2_CORES).find(([, c]) => c * UNITS_PER_CORE >= needed);
      const fix = fit
        ? `Use ${fit[0].toUpperCase().replace('V2', 'v2')} (${fit[1]} cores = ${fit[1] * UNITS_PER_CORE} units) or larger, or run fewer apps or connections on the plan.`
        : 'Spread the apps over more plans.';
      ctx.report({
        range: sku.range,
        entity: plan,
        message:
          `App Service plan '${nameOf(plan)}' is ${sku.value} (${cores} cores × ${UNITS_PER_CORE} = ${units} networking units) with Windows containers, ` +
          `but needs ${needed} units (1 worker + ${subnets.size} VNet connection${subnets.size === 1 ? '' : 's'} + ${apps.length} app${apps.length === 1 ? '' : 's'}). ${fix}`,
      });
    }
  },
};
