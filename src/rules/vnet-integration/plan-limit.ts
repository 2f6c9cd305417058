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
 * True when two subnet references certainly name different subnets: both are known keys and they
 * differ in a name piece that has no unknown part (`…/vnet/apps` vs `…/vnet/db`). Keys built from
 * different unknowns (`{var.subnet_id}`, `{local.x}/apps`) may still be the same subnet.
 */
function certainlyDifferent(a: Value<string>, b: Value<string>): boolean {
  if (!a.known || !b.known) return false;
  if (a.value === b.value) return false;
  const sa = a.value.split(/[|/]/);
  const sb = b.value.split(/[|/]/);
  if (sa.length !== sb.length) return !a.value.includes('{') && !b.value.includes('{');
  return sa.some((x, i) => x !== sb[i] && !x.includes('{') && !sb[i]!.includes('{'));
}

/**
 * Splits distinct references into those that certainly name different subnets (`sure`) and the
 * rest (`unsure`: unknown, or possibly the same subnet as one of `sure`).
 */
function splitRefs<T extends { ref: Value<string> }>(items: readonly T[]): { sure: T[]; unsure: T[] } {
  const sure: T[] = [];
  const unsure: T[] = [];
  for (const x of items) {
    if (sure.every((y) => certainlyDifferent(x.ref, y.ref))) sure.push(x);
    else unsure.push(x);
  }
  return { sure, unsure };
}

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
    for (const [app, all] of byApp) {
      const { sure, unsure } = splitRefs(all.map((ref) => ({ ref })));
      if (sure.length < 2) {
        // Only unknowns could make a second subnet: unknown is not false, and not true either.
        const u = unsure.find((x) => !x.ref.known) ?? unsure[0];
        if (u && all.length >= 2 && !u.ref.known) ctx.couldNotVerify(u.ref, app, `whether app '${nameOf(app)}' integrates with one subnet only (it names ${all.length} subnet references)`);
        continue;
      }
      const refs = sure.map((x) => x.ref);
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
    for (const [plan, all] of byPlan) {
      const { sure: subnets, unsure } = splitRefs(all);
      if (subnets.length <= MAX_SUBNETS_PER_PLAN) {
        const u = unsure.find((x) => !x.ref.known);
        if (u && all.length > MAX_SUBNETS_PER_PLAN && !u.ref.known) ctx.couldNotVerify(u.ref, plan, `whether App Service plan '${nameOf(plan)}' stays within ${MAX_SUBNETS_PER_PLAN} integration subnets`);
        continue;
      }
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
