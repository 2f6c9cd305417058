import type { SecurityRule } from '../../model/entities.js';
import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { ruleText } from './names.js';

/** Lowest and highest priority a written security rule may have ([beyond] NSG overview, BEYOND.NSG_OVERVIEW). */
export const MIN_PRIORITY = 100;
export const MAX_PRIORITY = 4096;

/**
 * `network/nsg-priority` — every security rule priority is an integer 100–4096 and unique per
 * direction within its NSG (Azure rejects the NSG otherwise). Source [beyond]: NSG overview.
 */
export const networkNsgPriority: Rule = {
  meta: {
    id: 'network/nsg-priority',
    title: 'NSG priorities are 100–4096 and unique per direction',
    description: 'Each security rule priority is between 100 and 4096, and no two rules of one NSG share a priority in the same direction.',
    severity: 'error',
    source: BEYOND.NSG_OVERVIEW,
    sourceUrl: BEYOND.NSG_OVERVIEW,
  },
  check(model, ctx) {
    for (const nsg of model.all('nsg')) {
      const seen = new Map<string, SecurityRule>();
      for (const r of nsg.securityRules) {
        const p = r.priority;
        if (!p) continue;
        if (!p.known) {
          ctx.couldNotVerify(p, r, 'the security rule priority (range 100–4096, unique per direction)');
          continue;
        }
        if (!Number.isInteger(p.value) || p.value < MIN_PRIORITY || p.value > MAX_PRIORITY) {
          ctx.report({
            range: p.range,
            entity: r,
            message: `${ruleText(r)} has priority ${p.value}; Azure accepts an integer from ${MIN_PRIORITY} to ${MAX_PRIORITY}. Pick an unused priority in that range.`,
            data: ['range'],
          });
          continue;
        }
        const d = r.direction;
        if (!d) continue;
        if (!d.known) {
          ctx.couldNotVerify(d, r, 'the security rule direction (priorities are unique per direction)');
          continue;
        }
        const dir = d.value.trim().toLowerCase();
        const k = `${dir}|${p.value}`;
        const first = seen.get(k);
        if (!first) {
          seen.set(k, r);
          continue;
        }
        // The same security rule declared twice (a module deployed twice, a rule both inline and as
        // a child resource) is one rule in Azure, not a second one with a clashing priority.
        if (first.key === r.key) continue;
        ctx.report({
          range: p.range,
          entity: r,
          message:
            `${ruleText(r)} has priority ${p.value}, already used by ${ruleText(first)} for ${d.value} rules of the same NSG; ` +
            `Azure rejects duplicate priorities in one direction. Give it an unused priority between ${MIN_PRIORITY} and ${MAX_PRIORITY}.`,
          related: first.priority ? [{ range: first.priority.range, message: `${ruleText(first)} uses priority ${p.value}` }] : undefined,
          data: ['duplicate'],
        });
      }
    }
  },
};
