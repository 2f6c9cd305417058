import type { AppServicePlan } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import type { UnknownValue, Value } from '../../model/value.js';
import { autoscaleOf } from './integrations.js';

/**
 * A plan's maximum instance count, as far as the templates tell: the largest of `sku.capacity`,
 * `maximumElasticWorkerCount` and the maximum capacity of enabled autoscale settings targeting it.
 * Source: requirements.md `vnet-integration/subnet-capacity` ("Max instances from SKU capacity,
 * elastic maximum or autoscale maximum"); seed 004 *Subnet requirements* ("One address is used …
 * for each App Service plan instance").
 */
export interface MaxInstances {
  /** Largest known count (1 when nothing is written: a plan runs one instance by default; 1 as a lower bound when only unknowns are written). */
  count: number;
  /** Where `count` comes from, for messages: `sku.capacity`, `maximumElasticWorkerCount`, `autoscale maximum`, or `default`. */
  from: 'sku.capacity' | 'maximumElasticWorkerCount' | 'autoscale maximum' | 'default' | 'unknown';
  /** Unresolved candidates: the real maximum may be larger than `count`. */
  unknowns: UnknownValue[];
}

export function maxInstances(model: NetworkModel, plan: AppServicePlan): MaxInstances {
  const cands: [Value<number> | undefined, MaxInstances['from']][] = [
    [plan.skuCapacity, 'sku.capacity'],
    [plan.maximumElasticWorkerCount, 'maximumElasticWorkerCount'],
    ...autoscaleOf(model, plan).map((a): [Value<number> | undefined, MaxInstances['from']] => [a.maxCapacity, 'autoscale maximum']),
  ];
  let best: { count: number; from: MaxInstances['from'] } | undefined;
  const unknowns: UnknownValue[] = [];
  for (const [v, from] of cands) {
    if (!v) continue;
    if (!v.known) {
      unknowns.push(v);
      continue;
    }
    if (Number.isFinite(v.value) && (!best || v.value > best.count)) best = { count: v.value, from };
  }
  if (best) return { ...best, unknowns };
  // Nothing known: one instance by default, or at least one when some candidate is unknown.
  return { count: 1, from: unknowns.length > 0 ? 'unknown' : 'default', unknowns };
}
