import { reservedRangesOverlapping, tryPrefix } from '../../net/cidr.js';
import type { EntityBase } from '../../model/entities.js';
import type { ValueList } from '../../model/entities.js';
import type { Rule, RuleContext } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { allIseSubnets, allIseVnets, nameOf } from './ise-subnets.js';

/**
 * `ise/reserved-address-space` — neither the ISE's VNet nor its subnets use 0.0.0.0/8,
 * 100.64.0.0/10, 127.0.0.0/8, 168.63.129.16/32 or 169.254.169.254/32, "because they aren't
 * resolvable by Azure Logic Apps" (seed 000, *Create subnets*, IMPORTANT box). The ranges are
 * `RESERVED_RANGES` in src/net/cidr.ts.
 */
export const reservedAddressSpace: Rule = {
  meta: {
    id: 'ise/reserved-address-space',
    title: "ISE address space avoids ranges Logic Apps can't resolve",
    description:
      'The VNet and subnets of an ISE use none of 0.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 168.63.129.16/32 and 169.254.169.254/32.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Create subnets'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    for (const { vnet } of allIseVnets(model)) {
      if (vnet.existing) continue;
      checkList(ctx, vnet, vnet.addressPrefixes, `Virtual network '${nameOf(vnet)}' of an ISE`, 'address space');
    }
    for (const { subnet } of allIseSubnets(model)) {
      checkList(ctx, subnet, subnet.addressPrefixes, `ISE subnet '${nameOf(subnet)}'`, 'address prefix');
    }
  },
};

function checkList(ctx: RuleContext, entity: EntityBase, list: ValueList<string>, what: string, prop: string): void {
  if (list.unknown) ctx.couldNotVerify(list.unknown, entity, `the ${prop} (reserved ranges an ISE can't use)`);
  for (const v of list.items) {
    if (!v.known) {
      ctx.couldNotVerify(v, entity, `the ${prop} (reserved ranges an ISE can't use)`);
      continue;
    }
    const p = tryPrefix(v.value, { allowHostBits: true });
    if (!p) continue;
    const hits = reservedRangesOverlapping(p);
    if (!hits.length) continue;
    ctx.report({
      entity,
      range: v.range,
      data: [v.value],
      message: `${what} uses ${v.value}, which overlaps ${hits.map((h) => h.network).join(', ')}; Azure Logic Apps can't resolve addresses in 0.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 168.63.129.16/32 or 169.254.169.254/32. Choose a ${prop} outside these ranges (e.g. in 10.0.0.0/8).`,
    });
  }
}
