import type { EntityBase, ValueList } from '../../model/entities.js';
import { parsePrefix } from '../../net/cidr.js';
import { BEYOND } from '../sources.js';
import type { Rule, RuleContext } from '../types.js';
import { subnetName, vnetName } from './names.js';

/**
 * Purpose of the one "could not verify" note per unresolved VNet or subnet prefix. The other
 * prefix rules (`network/subnet-outside-vnet`, `network/subnet-overlap`, `network/peering-overlap`)
 * stay silent on unknown prefixes, so one unknown value yields one note.
 */
export const UNKNOWN_PREFIX_PURPOSE = 'the address prefix, to check it is a valid CIDR block, inside its VNet and free of overlaps';

/**
 * `network/prefix-invalid` — every VNet and subnet address prefix parses as a CIDR and has its
 * host bits zero (Azure rejects `10.0.0.5/24`). Source [beyond]: VNet FAQ (BEYOND.VNET_LIMITS).
 */
export const networkPrefixInvalid: Rule = {
  meta: {
    id: 'network/prefix-invalid',
    title: 'Address prefixes are valid CIDR blocks',
    description: 'Each VNet and subnet address prefix is a valid CIDR block (a.b.c.d/n or IPv6) whose host bits are zero.',
    severity: 'error',
    source: BEYOND.VNET_LIMITS,
    sourceUrl: BEYOND.VNET_LIMITS,
  },
  check(model, ctx) {
    for (const v of model.all('vnet')) {
      if (!v.existing) checkList(ctx, v, v.addressPrefixes, `address space prefix '%s' of ${vnetName(v)}`);
    }
    for (const s of model.all('subnet')) {
      if (!s.existing) checkList(ctx, s, s.addressPrefixes, `address prefix '%s' of ${subnetName(s)}`);
    }
  },
};

/** `what` names the prefix, `%s` standing for its value. */
function checkList(ctx: RuleContext, entity: EntityBase, list: ValueList<string>, what: string): void {
  if (list.unknown) ctx.couldNotVerify(list.unknown, entity, UNKNOWN_PREFIX_PURPOSE);
  for (const item of list.items) {
    if (!item.known) {
      ctx.couldNotVerify(item, entity, UNKNOWN_PREFIX_PURPOSE);
      continue;
    }
    if (item.value.trim() === '') continue; // an empty placeholder (e.g. a nested template's default), not a written prefix
    const r = parsePrefix(item.value);
    if (r.ok) continue;
    const fix = r.reason.startsWith('host bits')
      ? `Azure rejects a prefix whose host bits are set; write the network address instead.`
      : `Write a CIDR block such as '10.0.0.0/24'.`;
    ctx.report({
      range: item.range,
      entity,
      message: `The ${what.replace('%s', item.value)} is not valid: ${r.reason}. ${fix}`,
      data: [item.value],
    });
  }
}
