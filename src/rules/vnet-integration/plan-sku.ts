import type { AppServicePlan } from '../../model/entities.js';
import type { UnknownValue, Value } from '../../model/value.js';

/**
 * App Service plan pricing tiers as they matter to regional VNet integration.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, introduction ("Requires a Basic, Standard, Premium,
 * Premium v2, Premium v3, or Elastic Premium App Service pricing tier"); Flex Consumption and
 * WorkflowStandard are [beyond] (requirements.md, `vnet-integration/plan-tier`; BEYOND.FLEX_CONSUMPTION).
 */
export type TierClass =
  /** Dedicated tiers, Elastic Premium, WorkflowStandard (Standard logic apps). */
  | 'supported'
  /** Flex Consumption: integration through a subnet delegated to `Microsoft.App/environments`. */
  | 'flex'
  /** Isolated / IsolatedV2: the app already runs in an App Service Environment's VNet. */
  | 'isolated'
  /** Free, Shared, Dynamic (Consumption): no regional VNet integration. */
  | 'unsupported';

/** Canonical tier names (ARM `sku.tier`), lower-cased, and their class. */
const TIERS: Record<string, { name: string; cls: TierClass }> = {
  free: { name: 'Free', cls: 'unsupported' },
  shared: { name: 'Shared', cls: 'unsupported' },
  dynamic: { name: 'Dynamic', cls: 'unsupported' },
  basic: { name: 'Basic', cls: 'supported' },
  standard: { name: 'Standard', cls: 'supported' },
  premium: { name: 'Premium', cls: 'supported' },
  premiumv2: { name: 'PremiumV2', cls: 'supported' },
  premiumv3: { name: 'PremiumV3', cls: 'supported' },
  premium0v3: { name: 'Premium0V3', cls: 'supported' },
  premiummv3: { name: 'PremiumMV3', cls: 'supported' },
  premiumv4: { name: 'PremiumV4', cls: 'supported' },
  premiummv4: { name: 'PremiumMV4', cls: 'supported' },
  elasticpremium: { name: 'ElasticPremium', cls: 'supported' },
  workflowstandard: { name: 'WorkflowStandard', cls: 'supported' },
  flexconsumption: { name: 'FlexConsumption', cls: 'flex' },
  isolated: { name: 'Isolated', cls: 'isolated' },
  isolatedv2: { name: 'IsolatedV2', cls: 'isolated' },
  isolatedmv2: { name: 'IsolatedMV2', cls: 'isolated' },
};

/** Tier (lower-case key of TIERS) of a SKU name such as `P1v3`, `EP1`, `Y1`, `FC1`, `WS1`, `I2v2`. */
function tierOfSkuName(sku: string): string | undefined {
  const s = sku.trim().toLowerCase();
  const table: [RegExp, string][] = [
    [/^f\d+$/, 'free'],
    [/^d\d+$/, 'shared'],
    [/^y\d+$/, 'dynamic'],
    [/^b\d+$/, 'basic'],
    [/^s\d+$/, 'standard'],
    [/^p\d+$/, 'premium'],
    [/^p\d+v2$/, 'premiumv2'],
    [/^p0v3$/, 'premium0v3'],
    [/^p\d+v3$/, 'premiumv3'],
    [/^p\d+mv3$/, 'premiummv3'],
    [/^p\d+v4$/, 'premiumv4'],
    [/^p\d+mv4$/, 'premiummv4'],
    [/^ep\d+$/, 'elasticpremium'],
    [/^ws\d+$/, 'workflowstandard'],
    [/^fc\d+$/, 'flexconsumption'],
    [/^i\d+$/, 'isolated'],
    [/^i\d+v2$/, 'isolatedv2'],
    [/^i\d+mv2$/, 'isolatedmv2'],
  ];
  for (const [re, t] of table) if (re.test(s)) return t;
  if (s === 'flexconsumption' || s === 'dynamic' || s === 'free' || s === 'shared') return s;
  return undefined;
}

/** What a plan's SKU says about VNet integration. */
export type PlanTier =
  /** Tier recognized: canonical name, class, and the value that decided it (for the finding's range). */
  | { kind: 'known'; tier: string; cls: TierClass; from: Value<string> & { known: true } }
  /** The deciding value is unknown. */
  | { kind: 'unknown'; value: UnknownValue }
  /** No SKU written, or a tier this table doesn't know. */
  | { kind: 'none' };

/** The plan's tier from `sku.tier`, or from `sku.name` when the tier is absent or unrecognized. */
export function planTier(plan: AppServicePlan): PlanTier {
  const t = plan.skuTier;
  if (t?.known) {
    const hit = TIERS[t.value.trim().toLowerCase().replace(/\s+/g, '')];
    if (hit) return { kind: 'known', tier: hit.name, cls: hit.cls, from: t };
  }
  const n = plan.skuName;
  if (n?.known) {
    const k = tierOfSkuName(n.value);
    if (k) return { kind: 'known', tier: TIERS[k]!.name, cls: TIERS[k]!.cls, from: n };
    return { kind: 'none' };
  }
  if (n && !n.known) return { kind: 'unknown', value: n };
  if (t && !t.known) return { kind: 'unknown', value: t };
  return { kind: 'none' };
}

/** Flex Consumption plan (`FC1` / `FlexConsumption`), when known. */
export function isFlexPlan(plan: AppServicePlan | undefined): boolean {
  if (!plan) return false;
  const t = planTier(plan);
  return t.kind === 'known' && t.cls === 'flex';
}

/**
 * Cores of the Isolated v2 worker sizes, by SKU name (lower case). Source: seed 004,
 * *Windows Containers specific limits*, and requirements.md `vnet-integration/networking-units`.
 */
export const ISOLATED_V2_CORES: Readonly<Record<string, number>> = {
  i1v2: 2,
  i2v2: 4,
  i3v2: 8,
  i4v2: 16,
  i5v2: 32,
  i6v2: 64,
};

/** Networking units per core (seed 004, *Windows Containers specific limits*: "Each core adds three networking units"). */
export const UNITS_PER_CORE = 3;
