import type { NetworkSecurityGroup, SecurityRule } from '../../model/entities.js';
import { publicness, tryPrefix } from '../../net/cidr.js';
import type { AddressContext, RequiredFlow } from '../../net/flow.js';
import { explainFlow } from '../../net/nsg-evaluator.js';
import type { RuleMeta, Rule } from '../types.js';
import { checkRequiredFlows } from '../shared/required-flows.js';
import { addressContext, subnetNsg } from '../shared/subnet-facts.js';
import { dedupeContext, flowEntity, iseFlows } from './flows.js';
import { allIseSubnets } from './ise-subnets.js';
import type { IsePortRow } from './ports.js';

/** Hint appended to blocked-flow messages of the ISE port rules. */
export const BOTH_PROTOCOLS_HINT = 'Give the Allow rule protocol * (Any): ISE flows need both TCP and UDP.';

/**
 * True when an Allow rule from literal public addresses (the callers' "specific IP addresses" the
 * seed allows instead of a tag) lets the flow through: the flow is re-evaluated from each such
 * address of each Allow rule of the flow's direction, with the NSG's other Allow rules left out.
 */
export function allowedFromSpecificSources(nsg: NetworkSecurityGroup, flow: RequiredFlow, actx: AddressContext): boolean {
  for (const r of nsg.securityRules) {
    if (!r.access?.known || r.access.value.toLowerCase() !== 'allow') continue;
    if (!r.direction?.known || r.direction.value.toLowerCase() !== flow.direction.toLowerCase()) continue;
    for (const src of r.sourceAddressPrefixes.items) {
      if (!src.known) continue;
      const p = tryPrefix(src.value, { allowHostBits: true });
      if (!p || publicness(p) === 'private') continue;
      if (explainFlow(onlyAllow(nsg, r), { ...flow, source: src.value }, actx).verdict.verdict === 'allowed') return true;
    }
  }
  return false;
}

/**
 * The NSG without its Allow rules but `keep`: removing Allow rules can only block more, so a flow
 * this view allows is allowed by the NSG — and other Allow rules whose tags can't be compared with
 * a literal address (unknown) don't get in the way.
 */
function onlyAllow(nsg: NetworkSecurityGroup, keep: SecurityRule): NetworkSecurityGroup {
  return { ...nsg, securityRules: nsg.securityRules.filter((x) => x === keep || !(x.access?.known && x.access.value.toLowerCase() === 'allow')) };
}

/**
 * A rule that checks one ISE port table (inbound or outbound) over TCP on the NSG of every ISE
 * subnet, reporting blocked flows at the blocking security rule (`checkRequiredFlows`).
 * The cut between the port rules (docs/rules/ise/nsg-inbound.md): this rule reports a flow whose
 * TCP part is blocked; `ise/nsg-protocol` a flow open for TCP but not UDP; `ise/nsg-source-port`
 * the Allow rules with restricted source ports; `ise/custom-dns` the DNS row.
 * `ownsNsgNotes`: this rule reports unknown or undeclared NSG references and an unknown access
 * endpoint (the inbound rule does; the others skip those subnets).
 */
export function nsgTableRule(meta: RuleMeta, rows: readonly IsePortRow[], ownsNsgNotes: boolean): Rule {
  return {
    meta,
    check(model, ctx) {
      const dctx = dedupeContext(ctx, BOTH_PROTOCOLS_HINT);
      for (const { subnet, ise } of allIseSubnets(model)) {
        const sn = subnetNsg(model, subnet);
        if (sn.kind === 'none') continue;
        if (!ownsNsgNotes && sn.kind !== 'nsg') continue;
        const flows = iseFlows(model, ownsNsgNotes ? dctx : silent(dctx), { subnet, ise, rows, protocols: ['Tcp'] });
        const actx = addressContext(model, subnet);
        const kept = flows.filter((f) => !(f.row.orSpecificSources && sn.kind === 'nsg' && allowedFromSpecificSources(sn.nsg, f.flow.flow, actx)));
        if (kept.length) checkRequiredFlows(model, dctx, { subnet, rows: kept.map((f) => f.flow), entity: flowEntity(model, subnet) });
      }
    },
  };
}

function silent(ctx: ReturnType<typeof dedupeContext>): ReturnType<typeof dedupeContext> {
  return { report: ctx.report, couldNotVerify: () => undefined };
}
