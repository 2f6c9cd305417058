import type { App, AppServicePlan } from '../../model/entities.js';
import type { Value } from '../../model/value.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { integrationUses, nameOf } from './integrations.js';

/** Most integration subnets one plan can join (seed 004, *How virtual network integration works*: two virtual interfaces per worker). */
export const MAX_SUBNETS_PER_PLAN = 2;

/** Comparable text of a subnet reference: its key, or its unknown expression. */
function refKey(v: Value<string>): string {
  return v.known ? v.value : `{${v.unknown.expr.toLowerCase()}}`;
}

/**
 * `vnet-integration/plan-limit`: an App Service plan joins at most two distinct integration
 * subnets, and an app has one integration at a time.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *How virtual network integration works* and *Limitations*.
 */
export const planLimit: Rule = {
  meta: {
    id: 'vnet-integration/plan-limit',
    title: 'At most two integration subnets per plan, one per app',
    description: 'An App Service plan has VNet integrations with at most two subnets, and each app integrates with one subnet.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Limitations'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    const uses = integrationUses(model);
    // One integration per app.
    const byApp = new Map<App, Value<string>[]>();
    for (const u of uses) {
      const l = byApp.get(u.app) ?? [];
      if (!l.some((r) => refKey(r) === refKey(u.ref))) l.push(u.ref);
      byApp.set(u.app, l);
    }
    for (const [app, refs] of byApp) {
      refs.slice(1).forEach((ref) => {
        ctx.report({
          range: ref.range,
          entity: app,
          message:
            `App '${nameOf(app)}' integrates with ${refs.length} different subnets; an app can only have a single VNet ` +
            `integration at a time. Keep one subnet (virtualNetworkSubnetId or the networkConfig child) and remove the others.`,
          related: [{ range: refs[0]!.range, message: 'First integration of the app.' }],
          data: ['app', refKey(ref)],
        });
      });
    }
    // At most two subnets per plan.
    const byPlan = new Map<AppServicePlan, { ref: Value<string>; app: App }[]>();
    for (const u of uses) {
      if (!u.plan) continue;
      const l = byPlan.get(u.plan) ?? [];
      if (!l.some((x) => refKey(x.ref) === refKey(u.ref))) l.push({ ref: u.ref, app: u.app });
      byPlan.set(u.plan, l);
    }
    for (const [plan, subnets] of byPlan) {
      if (subnets.length <= MAX_SUBNETS_PER_PLAN) continue;
      subnets.slice(MAX_SUBNETS_PER_PLAN).forEach((x) => {
        ctx.report({
          range: x.ref.range,
          entity: plan,
          message:
            `App Service plan '${nameOf(plan)}' joins ${subnets.length} integration subnets through its apps; a plan can have ` +
            `VNet integrations with at most ${MAX_SUBNETS_PER_PLAN} subnets. Integrate app '${nameOf(x.app)}' with one of the ` +
            `plan's first ${MAX_SUBNETS_PER_PLAN} subnets or move it to another plan.`,
          related: subnets.slice(0, MAX_SUBNETS_PER_PLAN).map((y) => ({ range: y.ref.range, message: `Integration of app '${nameOf(y.app)}'.` })),
          data: ['plan', refKey(x.ref)],
        });
      });
    }
  },
};
