import type { EntityBase, SecurityRule } from '../../model/entities.js';
import { explainFlow, ruleLabel, sourcePortsAreAny } from '../../net/nsg-evaluator.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { addressContext, nameOf, subnetNsg } from '../shared/subnet-facts.js';
import { iseFlows, silentContext } from './flows.js';
import { allIseSubnets } from './ise-subnets.js';
import { ISE_INBOUND, ISE_OUTBOUND } from './ports.js';
import { literal, propertyName } from './property-names.js';

/**
 * `ise/nsg-source-port` — the Allow security rules that serve the ISE's required flows (every row
 * of ports.ts, the DNS row included) have source port range `*`: "For all rules, make sure that
 * you set source ports to `*` because source ports are ephemeral" (seed 000, *Network ports used
 * by your ISE*; seed 001 likewise). A rule that serves a flow is one the NSG evaluator finds
 * matching part of it (`explainFlow(...).allowRules`). One warning per security rule, at its
 * source port range. Whether the flow still gets through is `ise/nsg-inbound`/`-outbound`'s call.
 */
export const nsgSourcePort: Rule = {
  meta: {
    id: 'ise/nsg-source-port',
    title: 'ISE security rules use source port *',
    description: 'Allow rules that serve the ISE required flows have source port range * (source ports are ephemeral).',
    severity: 'warning',
    source: seedSection(SEEDS.ISE_2022, 'Network ports used by your ISE'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    const serves = new Map<SecurityRule, string[]>();
    const rows = [...ISE_INBOUND, ...ISE_OUTBOUND];
    for (const { subnet, ise } of allIseSubnets(model)) {
      const sn = subnetNsg(model, subnet);
      if (sn.kind !== 'nsg') continue;
      const actx = addressContext(model, subnet);
      for (const { flow } of iseFlows(model, silentContext, { subnet, ise, rows, protocols: ['Tcp', 'Udp'] })) {
        for (const r of explainFlow(sn.nsg, flow.flow, actx).allowRules) {
          if (sourcePortsAreAny(r) !== false) continue;
          const l = serves.get(r);
          if (!l) serves.set(r, [flow.purpose]);
          else if (!l.includes(flow.purpose)) l.push(flow.purpose);
        }
      }
    }
    for (const [r, purposes] of serves) {
      const ports = r.sourcePortRanges.items.map((i) => (i.known ? i.value : `{${i.unknown.expr}}`)).join(', ');
      const first = r.sourcePortRanges.items[0];
      ctx.report({
        entity: r,
        range: r.sourcePortRanges.range ?? first?.range ?? r.range,
        message: `${ruleLabel(r)} of NSG '${nsgName(model.get('nsg', r.nsg, r), r)}' serves ISE traffic (${purposes.join('; ')}) but only from source ports ${ports}; source ports are ephemeral, so ISE rules need source port range '*'. Set its source port range (${propertyName(r.format, 'sourcePortRange')}) to ${literal(r.format, '*')}.`,
      });
    }
  },
};

function nsgName(nsg: EntityBase | undefined, r: SecurityRule): string {
  if (nsg) return nameOf(nsg);
  const n = r.nsg.slice(r.nsg.indexOf('|') + 1);
  return n.split('/')[0] ?? n;
}

