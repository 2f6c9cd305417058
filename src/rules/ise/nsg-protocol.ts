import type { RelatedLocation } from '../../core/finding.js';
import type { SourceRange } from '../../core/position.js';
import type { NetworkSecurityGroup, SecurityRule } from '../../model/entities.js';
import { explainFlow, isDefaultRule, ruleLabel } from '../../net/nsg-evaluator.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { portSet, portSetText } from '../../net/ports.js';
import { addressContext, nameOf, subnetNsg } from '../shared/subnet-facts.js';
import { iseFlows, silentContext } from './flows.js';
import { allIseSubnets } from './ise-subnets.js';
import { allowedFromSpecificSources } from './nsg-table.js';
import { ISE_INBOUND, ISE_OUTBOUND } from './ports.js';

/**
 * `ise/nsg-protocol` — the ISE's required flows are open for both TCP and UDP, or Any: "When you
 * set up NSG security rules, you need to use *both* the TCP and UDP protocols, or you can select
 * Any" (seed 000, *Enable access for ISE*). Reports the flows of the inbound/outbound tables that
 * are allowed over TCP but blocked over UDP; a flow blocked over TCP is `ise/nsg-inbound`'s or
 * `ise/nsg-outbound`'s (one finding per flow across the three rules). The DNS row is
 * `ise/custom-dns`'s.
 *
 * One finding per thing to fix: the TCP-only Allow rule that serves the flows (at its protocol,
 * "set it to *"), or — when no TCP-only rule serves them — the rule that denies UDP.
 */
export const nsgProtocol: Rule = {
  meta: {
    id: 'ise/nsg-protocol',
    title: 'ISE security rules allow both TCP and UDP',
    description: 'Each required ISE flow that the NSG allows over TCP is allowed over UDP too (protocol * / Any, or a TCP and a UDP rule).',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Enable access for ISE'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    interface Target {
      nsg: NetworkSecurityGroup;
      key: string;
      range: SourceRange;
      tcpRule?: SecurityRule;
      denyRule?: SecurityRule;
      defaultDeny?: string;
      flows: string[];
      related: RelatedLocation[];
    }
    // Keyed by the security rule or NSG entity itself, not its key: the same NSG declared in two
    // files (an ARM template and its Bicep or Terraform twin) gets a finding in each.
    const targets = new Map<object, Target>();
    const rows = [...ISE_INBOUND, ...ISE_OUTBOUND].filter((r) => r.when !== 'custom-dns');
    for (const { subnet, ise } of allIseSubnets(model)) {
      const sn = subnetNsg(model, subnet);
      if (sn.kind !== 'nsg') continue;
      const nsg = sn.nsg;
      const actx = addressContext(model, subnet);
      for (const { row, flow } of iseFlows(model, silentContext, { subnet, ise, rows, protocols: ['Tcp'] })) {
        const tcp = explainFlow(nsg, flow.flow, actx);
        if (tcp.verdict.verdict !== 'allowed') continue;
        const udpFlow = { ...flow.flow, protocols: ['Udp' as const] };
        const udp = explainFlow(nsg, udpFlow, actx);
        if (udp.verdict.verdict !== 'blocked') continue;
        if (row.orSpecificSources && allowedFromSpecificSources(nsg, udpFlow, actx)) continue;
        const by = udp.verdict.by;
        const tcpRule = tcp.allowRules.find((r) => r.protocol?.known && r.protocol.value.toLowerCase() === 'tcp');
        let t: Target;
        let owner: object;
        if (tcpRule) {
          t = { nsg, key: tcpRule.key, range: tcpRule.protocol!.range, tcpRule, flows: [], related: [] };
          owner = tcpRule;
        } else if (!isDefaultRule(by)) {
          t = { nsg, key: by.key, range: by.range, denyRule: by, flows: [], related: [] };
          owner = by;
        } else {
          t = { nsg, key: nsg.key, range: nsg.range, defaultDeny: by.name, flows: [], related: [] };
          owner = nsg;
        }
        const existing = targets.get(owner) ?? t;
        targets.set(owner, existing);
        const what = `${flow.purpose} (${flow.flow.direction.toLowerCase()} ${portSetText(flow.flow.ports === '*' ? '*' : portSet(flow.flow.ports))})`;
        if (!existing.flows.includes(what)) existing.flows.push(what);
        if (!existing.related.some((r) => r.range === subnet.range)) existing.related.push({ range: subnet.range, message: `subnet '${nameOf(subnet)}' uses NSG '${nameOf(nsg)}'` });
      }
    }
    for (const t of targets.values()) {
      const list = t.flows.join('; ');
      const many = t.flows.length > 1;
      let message: string;
      if (t.tcpRule) {
        message = `${ruleLabel(t.tcpRule)} allows ${list} for TCP only, and nothing allows ${many ? 'them' : 'it'} for UDP. ISE security rules need both TCP and UDP, or Any: set its protocol to '*'.`;
      } else if (t.denyRule) {
        message = `${ruleLabel(t.denyRule)} denies UDP for ${list}, which ${many ? 'are' : 'is'} allowed for TCP. ISE security rules need both TCP and UDP, or Any: narrow this Deny rule or allow UDP with a lower priority number.`;
      } else {
        message = `NSG '${nameOf(t.nsg)}' allows ${list} for TCP only; the default rule '${t.defaultDeny}' denies UDP. ISE security rules need both TCP and UDP, or Any: use protocol '*'.`;
      }
      ctx.report({ entity: t.nsg, range: t.range, data: [t.key], related: t.related, message });
    }
  },
};
