import type { AppServicePlan } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { appLocations, appsText, integrationUses, nameOf, type IntegrationUse } from './integrations.js';
import { planTier } from './plan-sku.js';

/**
 * `vnet-integration/plan-tier`: the plan of an integrated app is Basic, Standard, Premium,
 * PremiumV2, PremiumV3 or ElasticPremium. [beyond]: WorkflowStandard (Standard logic apps) and
 * Flex Consumption are fine (Flex's delegation is checked by `subnet-delegation`); Isolated/IsolatedV2
 * apps already run in a VNet (note only).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, introduction ("Requires a Basic, Standard, Premium,
 * Premium v2, Premium v3, or Elastic Premium App Service pricing tier").
 */
export const planTierRule: Rule = {
  meta: {
    id: 'vnet-integration/plan-tier',
    title: 'Integrated apps run on a plan tier that supports VNet integration',
    description:
      'An app with regional VNet integration runs on a Basic, Standard, Premium, PremiumV2, PremiumV3 or ElasticPremium plan (or WorkflowStandard, Flex Consumption).',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Integrate your app with an Azure virtual network'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    const byPlan = new Map<AppServicePlan, IntegrationUse[]>();
    const unknownPlanApps = new Set<object>(); // by entity: one app per file
    for (const u of integrationUses(model)) {
      if (u.app.plan && !u.app.plan.known) {
        if (!unknownPlanApps.has(u.app)) ctx.couldNotVerify(u.app.plan, u.app, "the pricing tier of the app's plan");
        unknownPlanApps.add(u.app);
        continue;
      }
      if (!u.plan || u.plan.existing) continue;
      const l = byPlan.get(u.plan) ?? [];
      l.push(u);
      byPlan.set(u.plan, l);
    }
    for (const [plan, uses] of byPlan) {
      const t = planTier(plan);
      if (t.kind === 'unknown') {
        ctx.couldNotVerify(t.value, plan, "the plan's pricing tier (VNet integration needs Basic or higher)");
        continue;
      }
      if (t.kind === 'none' || t.cls === 'supported' || t.cls === 'flex') continue;
      const apps = [...new Set(uses.map((u) => u.app))];
      const sku = plan.skuName?.known ? plan.skuName.value : t.tier;
      if (t.cls === 'unsupported') {
        ctx.report({
          range: t.from.range,
          entity: plan,
          message:
            `App Service plan '${nameOf(plan)}' is ${sku} (${t.tier} tier), but ${appsText(apps)} ${apps.length === 1 ? 'uses' : 'use'} VNet integration; ` +
            `regional VNet integration needs a Basic, Standard, Premium, PremiumV2, PremiumV3 or ElasticPremium plan ` +
            `(or Flex Consumption for function apps). Change the plan's sku, e.g. to B1 or P0v3.`,
          related: appLocations(uses),
        });
      } else {
        ctx.report({
          range: t.from.range,
          entity: plan,
          severity: 'note',
          message:
            `App Service plan '${nameOf(plan)}' is ${sku} (${t.tier} tier): its apps run in an App Service Environment, which is ` +
            `already in a VNet, so the regional VNet integration of ${appsText(apps)} isn't needed to reach that VNet.`,
          related: appLocations(uses),
        });
      }
    }
  },
};
