import type { EntityBase } from '../model/entities.js';
import type { NetworkModel } from '../model/model.js';
import type { Rule } from '../rules/types.js';
import { createRuleContext } from './rule-context.js';

function isEntity(x: unknown): x is EntityBase {
  return typeof x === 'object' && x !== null && typeof (x as EntityBase).key === 'string' && typeof (x as { kind?: unknown }).kind === 'string' && typeof (x as EntityBase).display === 'string';
}

/**
 * Finds the entity a rule was looking at when it threw, to name it in the `internal/error`
 * finding. Rules are pure functions of the model, so the rule is run once more on a model wrapped
 * in a Proxy that records the last entity read (an element of an entity list, or the result of a
 * lookup such as `nsgOf`). Costs nothing on the normal path: only called after a throw.
 * Returns undefined when the re-run doesn't throw or no entity was read.
 */
export function locateThrow(rule: Rule, model: NetworkModel): EntityBase | undefined {
  let last: EntityBase | undefined;
  const wrapArray = <T extends object>(arr: T): T =>
    new Proxy(arr, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop === 'string' && /^\d+$/.test(prop) && isEntity(v)) last = v;
        return v;
      },
    });
  const wrap = (v: unknown): unknown => {
    if (Array.isArray(v)) return wrapArray(v);
    if (isEntity(v)) last = v;
    return v;
  };
  const proxy = new Proxy(model, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v === 'function') return (...args: unknown[]) => wrap((v as (...a: unknown[]) => unknown).apply(target, args));
      return wrap(v);
    },
  });
  try {
    rule.check(proxy, createRuleContext(rule).ctx);
    return undefined;
  } catch {
    return last;
  }
}
