import type { SecurityRule, ValueList } from '../../model/entities.js';
import { parsePortRange } from '../../net/ports.js';
import { BEYOND } from '../sources.js';
import type { Rule, RuleContext } from '../types.js';
import { ruleText } from './names.js';

/**
 * `network/nsg-port-range` — every source and destination port range of a security rule is `*`,
 * a port, or `a-b` with 0 ≤ a ≤ b ≤ 65535 (Azure rejects the NSG otherwise). Source [beyond]:
 * NSG overview (BEYOND.NSG_OVERVIEW).
 */
export const networkNsgPortRange: Rule = {
  meta: {
    id: 'network/nsg-port-range',
    title: 'NSG port ranges are valid',
    description: "Each security rule port range is '*', a port (443) or a range 'a-b' with 0 ≤ a ≤ b ≤ 65535.",
    severity: 'error',
    source: BEYOND.NSG_OVERVIEW,
    sourceUrl: BEYOND.NSG_OVERVIEW,
  },
  check(model, ctx) {
    for (const nsg of model.all('nsg')) {
      for (const r of nsg.securityRules) {
        checkList(ctx, r, r.sourcePortRanges, 'source');
        checkList(ctx, r, r.destinationPortRanges, 'destination');
      }
    }
  },
};

function checkList(ctx: RuleContext, r: SecurityRule, list: ValueList<string>, side: 'source' | 'destination'): void {
  list.items.forEach((item) => {
    if (!item.known) {
      ctx.couldNotVerify(item, r, `the ${side} port range, to check it is valid`);
      return;
    }
    const p = parsePortRange(item.value);
    if (p.ok) return;
    ctx.report({
      range: item.range,
      entity: r,
      message: `${ruleText(r)}: ${side} ${p.reason}. Azure rejects the NSG; write '*', a port (443) or a range 'a-b' with 0 ≤ a ≤ b ≤ 65535.`,
      data: [side, item.value],
    });
  });
}
