import type { NetworkSecurityGroup, SecurityRule } from '../model/entities.js';
import type { UnknownValue, Value } from '../model/value.js';
import type { AddressContext, DecidingRule, DefaultSecurityRule, EvaluateFlow, FlowProtocol, FlowVerdict, PortRange, RequiredFlow } from './flow.js';
import { isEmptySet, subtractSet, unionSet, type AddressSet } from './cidr.js';
import { ALL_PORTS, isAllPorts, intersectPorts, parsePortRange, portSet, type PortSet } from './ports.js';
import { compareTerms, flowTerm, parseAddressTerm, virtualNetworkSet, type AddressRelation, type AddressTerm } from './service-tags.js';

/**
 * The NSG evaluator (requirements.md, "NSG semantics"; BEYOND.NSG_OVERVIEW): security rules of the
 * flow's direction in ascending priority, then the six default rules; the first rule that matches
 * a part of the flow decides that part. A flow is split into parts by protocol and by destination
 * port segment (so "Allow 443, then Deny *" allows 443); within a part the addresses still open are
 * tracked, so an Allow that covers only some of the source addresses lets those through and the
 * rest continues. An Allow whose source port range is not `*` lets only some (ephemeral) source
 * ports through: the part continues. A Deny that matches any of a part blocks it.
 */

/** The six default security rules (always present, cannot be removed), in evaluation order per direction. */
export const DEFAULT_SECURITY_RULES: readonly DefaultSecurityRule[] = [
  { isDefault: true, name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow' },
  { isDefault: true, name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow' },
  { isDefault: true, name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny' },
  { isDefault: true, name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', access: 'Allow' },
  { isDefault: true, name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', access: 'Allow' },
  { isDefault: true, name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny' },
];

/** Source and destination of each default rule (protocol and ports are `*`). */
export const DEFAULT_RULE_ADDRESSES: Readonly<Record<DefaultSecurityRule['name'], { source: string; destination: string }>> = {
  AllowVnetInBound: { source: 'VirtualNetwork', destination: 'VirtualNetwork' },
  AllowAzureLoadBalancerInBound: { source: 'AzureLoadBalancer', destination: '*' },
  DenyAllInBound: { source: '*', destination: '*' },
  AllowVnetOutBound: { source: 'VirtualNetwork', destination: 'VirtualNetwork' },
  AllowInternetOutBound: { source: '*', destination: 'Internet' },
  DenyAllOutBound: { source: '*', destination: '*' },
};

/** True for one of DEFAULT_SECURITY_RULES. */
export function isDefaultRule(r: DecidingRule): r is DefaultSecurityRule {
  return (r as DefaultSecurityRule).isDefault === true;
}

/** Name of a deciding rule: the default rule's name, or the security rule's name (`{expr}` when unknown). */
export function ruleName(r: DecidingRule): string {
  if (isDefaultRule(r)) return r.name;
  return r.name.known ? r.name.value : `{${r.name.unknown.expr}}`;
}

/** "security rule 'DenyAll' (priority 200)" / "default rule 'DenyAllInBound' (priority 65500)". */
export function ruleLabel(r: DecidingRule): string {
  if (isDefaultRule(r)) return `default rule '${r.name}' (priority ${r.priority})`;
  const p = r.priority?.known ? ` (priority ${r.priority.value})` : '';
  return `security rule '${ruleName(r)}'${p}`;
}

/**
 * Does the rule's source port range cover every port (`*` or 0-65535)? `'unknown'` when a range is
 * unresolved or invalid. Seed 000, *Network ports used by your ISE*: "set source ports to `*`
 * because source ports are ephemeral".
 */
export function sourcePortsAreAny(rule: SecurityRule): boolean | 'unknown' {
  const f = portField(rule.sourcePortRanges, 'source');
  if (f.state === 'unknown') return 'unknown';
  return isAllPorts(f.ports);
}

/** The verdict and the Allow rules that served some part of the flow (see nsgRulesAffecting). */
export interface FlowExplanation {
  verdict: FlowVerdict;
  /** Allow rules (written, not default) that matched some still-open part of the flow, in priority order. */
  allowRules: SecurityRule[];
}

/**
 * Evaluates a required flow against an NSG (undefined = no NSG = allowed). See the module comment.
 * Unknowns: a rule with an unresolved or invalid priority, direction, access, protocol, port range or
 * address, an application security group, or an address we can't compare (public CIDR vs service
 * tag) makes the part `unknown` at that rule, unless the part was decided before it. A rule with an
 * unknown priority could sit anywhere: it makes the part unknown when it could match and its access
 * differs from the decision. An NSG whose rule list can't be enumerated gives `unknown`. Never throws.
 */
export const evaluateFlow: EvaluateFlow = (nsg, flow, ctx) => explainFlow(nsg, flow, ctx).verdict;

/**
 * Allow security rules that serve a required flow: they match (protocol, addresses, destination
 * ports) a part of the flow not yet decided by an earlier rule. `ise/nsg-source-port` warns when one
 * of them has a source port range other than `*` (seed 000, *Network ports used by your ISE*).
 */
export function nsgRulesAffecting(nsg: NetworkSecurityGroup | undefined, flow: RequiredFlow, ctx: AddressContext): SecurityRule[] {
  return explainFlow(nsg, flow, ctx).allowRules;
}

/** evaluateFlow with the Allow rules that served the flow. */
export function explainFlow(nsg: NetworkSecurityGroup | undefined, flow: RequiredFlow, ctx: AddressContext): FlowExplanation {
  if (!nsg) return { verdict: { verdict: 'allowed' }, allowRules: [] };
  const rules = nsg.securityRules.map(toEvalRule).filter((r) => r.direction === undefined || r.direction === flow.direction);
  const ordered = rules.filter((r) => r.priority !== undefined).sort((a, b) => a.priority! - b.priority!);
  const floating = rules.filter((r) => r.priority === undefined);
  const defaults = DEFAULT_SECURITY_RULES.filter((d) => d.direction === flow.direction).map(defaultEvalRule);
  const chain = [...ordered, ...defaults];

  const flowPorts = portSet(flow.ports);
  const segments = splitPorts(flowPorts, [...chain, ...floating]);
  const src = flowTerm(parseAddressTerm(flow.source), ctx);
  const dst = flowTerm(parseAddressTerm(flow.destination), ctx);
  const allowRules: SecurityRule[] = [];
  let firstUnknown: FlowVerdict | undefined;
  let firstBlocked: FlowVerdict | undefined;

  for (const protocol of flow.protocols) {
    for (const seg of segments) {
      const r = evaluatePart(chain, floating, { protocol, ports: seg, src, dst }, ctx, allowRules);
      const port: PortRange | '*' = flow.ports === '*' && seg.from === 0 && seg.to === ALL_PORTS.to ? '*' : seg;
      if (r.kind === 'blocked' && !firstBlocked) {
        firstBlocked = { verdict: 'blocked', by: r.by, protocol, port, blockedParts: [{ protocol, ports: [seg] }], ...(r.partialAllows.length ? { partialAllows: r.partialAllows } : {}) };
      } else if (r.kind === 'blocked' && firstBlocked?.verdict === 'blocked' && firstBlocked.by === r.by) {
        const parts = firstBlocked.blockedParts!;
        const same = parts.find((b) => b.protocol === protocol);
        if (same) same.ports = [...portSet([...same.ports, seg])];
        else parts.push({ protocol, ports: [seg] });
      } else if (r.kind === 'unknown' && !firstUnknown) {
        firstUnknown = { verdict: 'unknown', ...(r.at ? { at: r.at } : {}), ...(r.value ? { value: r.value } : {}), reason: r.reason };
      }
    }
  }
  if (nsg.rulesUnknown) {
    // unlisted rules could sit anywhere: no verdict is certain
    return { verdict: { verdict: 'unknown', value: nsg.rulesUnknown, reason: `the security rules of NSG '${nsgName(nsg)}' could not be listed` }, allowRules };
  }
  return { verdict: firstBlocked ?? firstUnknown ?? { verdict: 'allowed' }, allowRules };
}

// ---- internals ----

interface UnknownCause {
  value?: UnknownValue;
  reason: string;
}

type Field<T> = { state: 'known'; v: T } | ({ state: 'unknown' } & UnknownCause);

interface EvalRule {
  rule: DecidingRule;
  priority?: number;
  priorityCause?: UnknownCause;
  direction?: 'Inbound' | 'Outbound';
  directionCause?: UnknownCause;
  access: Field<'Allow' | 'Deny'>;
  /** Protocols it matches among Tcp/Udp/Icmp. */
  protocols: Field<ReadonlySet<FlowProtocol>>;
  sourcePortsAny: Field<boolean>;
  ports: Field<PortSet>;
  src: Field<AddressTerm[]> | { state: 'asg' };
  dst: Field<AddressTerm[]> | { state: 'asg' };
}

interface Part {
  protocol: FlowProtocol;
  ports: PortRange;
  src: AddressTerm;
  dst: AddressTerm;
}

type PartResult =
  | { kind: 'allowed' }
  | { kind: 'blocked'; by: DecidingRule; partialAllows: SecurityRule[] }
  | { kind: 'unknown'; at?: SecurityRule; value?: UnknownValue; reason: string };

function nsgName(nsg: NetworkSecurityGroup): string {
  return nsg.name.known ? nsg.name.value : `{${nsg.name.unknown.expr}}`;
}

function defaultEvalRule(d: DefaultSecurityRule): EvalRule {
  const a = DEFAULT_RULE_ADDRESSES[d.name];
  return {
    rule: d,
    priority: d.priority,
    direction: d.direction,
    access: { state: 'known', v: d.access },
    protocols: { state: 'known', v: new Set<FlowProtocol>(['Tcp', 'Udp', 'Icmp']) },
    sourcePortsAny: { state: 'known', v: true },
    ports: { state: 'known', v: [{ ...ALL_PORTS }] },
    src: { state: 'known', v: [parseAddressTerm(a.source)] },
    dst: { state: 'known', v: [parseAddressTerm(a.destination)] },
  };
}

function unknownOf(v: Value<unknown> | undefined, what: string, missing: string): UnknownCause {
  if (v && !v.known) return { value: v, reason: `${what} is unknown (${v.unknown.expr})` };
  return { reason: missing };
}

function toEvalRule(rule: SecurityRule): EvalRule {
  const label = ruleLabel(rule);
  const e: EvalRule = {
    rule,
    access: { state: 'unknown', reason: '' },
    protocols: { state: 'unknown', reason: '' },
    sourcePortsAny: { state: 'unknown', reason: '' },
    ports: { state: 'unknown', reason: '' },
    src: { state: 'unknown', reason: '' },
    dst: { state: 'unknown', reason: '' },
  };
  // priority
  if (rule.priority?.known && Number.isInteger(rule.priority.value)) e.priority = rule.priority.value;
  else e.priorityCause = unknownOf(rule.priority, `the priority of ${label}`, `${label} has no valid priority`);
  // direction
  const dir = rule.direction?.known ? rule.direction.value.trim().toLowerCase() : undefined;
  if (dir === 'inbound') e.direction = 'Inbound';
  else if (dir === 'outbound') e.direction = 'Outbound';
  else e.directionCause = unknownOf(rule.direction, `the direction of ${label}`, `${label} has no valid direction`);
  // access
  const acc = rule.access?.known ? rule.access.value.trim().toLowerCase() : undefined;
  if (acc === 'allow') e.access = { state: 'known', v: 'Allow' };
  else if (acc === 'deny') e.access = { state: 'known', v: 'Deny' };
  else e.access = { state: 'unknown', ...unknownOf(rule.access, `the access of ${label}`, `${label} has no valid access (Allow or Deny)`) };
  // protocol
  const proto = rule.protocol?.known ? rule.protocol.value.trim().toLowerCase() : undefined;
  const protoMap: Record<string, FlowProtocol[]> = { '*': ['Tcp', 'Udp', 'Icmp'], any: ['Tcp', 'Udp', 'Icmp'], tcp: ['Tcp'], udp: ['Udp'], icmp: ['Icmp'], esp: [], ah: [] };
  if (proto !== undefined && protoMap[proto]) e.protocols = { state: 'known', v: new Set(protoMap[proto]) };
  else e.protocols = { state: 'unknown', ...unknownOf(rule.protocol, `the protocol of ${label}`, `${label} has no valid protocol`) };
  // ports
  const sp = portField(rule.sourcePortRanges, `the source port range of ${label}`);
  e.sourcePortsAny = sp.state === 'known' ? { state: 'known', v: isAllPorts(sp.ports) } : sp;
  const dp = portField(rule.destinationPortRanges, `the destination port range of ${label}`);
  e.ports = dp.state === 'known' ? { state: 'known', v: dp.ports } : dp;
  // addresses
  e.src = addressField(rule.sourceAddressPrefixes, rule.sourceApplicationSecurityGroups.items.length > 0, `the source address of ${label}`);
  e.dst = addressField(rule.destinationAddressPrefixes, rule.destinationApplicationSecurityGroups.items.length > 0, `the destination address of ${label}`);
  return e;
}

function portField(list: SecurityRule['sourcePortRanges'], what: string): { state: 'known'; ports: PortSet } | ({ state: 'unknown' } & UnknownCause) {
  if (list.unknown) return { state: 'unknown', value: list.unknown, reason: `${what} is unknown (${list.unknown.unknown.expr})` };
  if (list.items.length === 0) return { state: 'unknown', reason: `${what} is missing` };
  const ranges: PortRange[] = [];
  for (const item of list.items) {
    if (!item.known) return { state: 'unknown', value: item, reason: `${what} is unknown (${item.unknown.expr})` };
    const r = parsePortRange(item.value);
    if (!r.ok) return { state: 'unknown', reason: `${what} is not valid: ${r.reason}` };
    ranges.push(r.range);
  }
  return { state: 'known', ports: portSet(ranges) };
}

function addressField(list: SecurityRule['sourceAddressPrefixes'], hasAsg: boolean, what: string): Field<AddressTerm[]> | { state: 'asg' } {
  if (list.unknown) return { state: 'unknown', value: list.unknown, reason: `${what} is unknown (${list.unknown.unknown.expr})` };
  const terms: AddressTerm[] = [];
  for (const item of list.items) {
    if (!item.known) return { state: 'unknown', value: item, reason: `${what} is unknown (${item.unknown.expr})` };
    terms.push(parseAddressTerm(item.value));
  }
  if (hasAsg) return terms.length ? { state: 'unknown', reason: `${what} mixes prefixes and application security groups` } : { state: 'asg' };
  if (terms.length === 0) return { state: 'unknown', reason: `${what} is missing` };
  const bad = terms.find((t) => t.kind === 'unrecognized');
  if (bad && bad.kind === 'unrecognized') return { state: 'unknown', reason: `${what} '${bad.text}' is neither a CIDR, '*' nor a known service tag` };
  return { state: 'known', v: terms };
}

/** Splits the flow's ports at every boundary of the rules' destination port ranges. */
function splitPorts(flowPorts: PortSet, rules: EvalRule[]): PortRange[] {
  const cuts = new Set<number>();
  for (const r of rules) {
    if (r.ports.state !== 'known') continue;
    for (const p of r.ports.v) {
      cuts.add(p.from);
      cuts.add(p.to + 1);
    }
  }
  const out: PortRange[] = [];
  for (const fr of flowPorts) {
    let start = fr.from;
    const inside = [...cuts].filter((c) => c > fr.from && c <= fr.to).sort((a, b) => a - b);
    for (const c of inside) {
      out.push({ from: start, to: c - 1 });
      start = c;
    }
    out.push({ from: start, to: fr.to });
  }
  return out;
}

/** Relation of one address field of a rule to the open part of the flow. */
function relate(field: EvalRule['src'], open: AddressTerm, ctx: AddressContext): { rel: AddressRelation; cause?: UnknownCause } {
  if (field.state === 'unknown') return { rel: 'unknown', cause: field };
  if (field.state === 'asg') return asgRelation(open, ctx);
  const rel = compareTerms(field.v, open, ctx);
  if (rel === 'unknown') {
    const text = field.v.map((t) => (t.kind === 'any' ? '*' : t.text)).join(', ');
    const flowText = open.kind === 'any' ? '*' : open.text;
    return { rel, cause: { reason: `address '${text}' can't be compared with ${flowText} without the service tag's IP ranges` } };
  }
  return { rel };
}

/** An application security group holds NICs of the VNet: disjoint from public tags, unknown otherwise. */
function asgRelation(open: AddressTerm, ctx: AddressContext): { rel: AddressRelation; cause?: UnknownCause } {
  const cause = { reason: 'an application security group matches addresses the templates do not show' };
  if (open.kind === 'tag') {
    const t = open.tag.tag.toLowerCase();
    if (t !== 'virtualnetwork') return { rel: 'disjoint' };
  }
  if (open.kind === 'set') {
    const vnet = virtualNetworkSet(ctx);
    if (!isEmptySet(vnet) && isEmptySet(subtractSet(vnet, subtractSet(vnet, open.set)))) return { rel: 'disjoint' };
  }
  return { rel: 'unknown', cause };
}

/** The address set an Allow rule's field stands for, when every item is a set (for narrowing the open part). */
function fieldSet(field: EvalRule['src'], ctx: AddressContext): AddressSet | undefined {
  if (field.state !== 'known') return undefined;
  let acc: AddressSet = [];
  for (const t of field.v) {
    if (t.kind === 'set') acc = unionSet(acc, t.set);
    else if (t.kind === 'tag' && t.tag.tag === 'VirtualNetwork' && !t.tag.region) acc = unionSet(acc, virtualNetworkSet(ctx));
    else return undefined;
  }
  return acc;
}

function rulePortsCover(r: EvalRule, seg: PortRange): boolean | 'unknown' {
  if (r.ports.state !== 'known') return 'unknown';
  return intersectPorts(r.ports.v, [seg]).length > 0;
}

function evaluatePart(chain: EvalRule[], floating: EvalRule[], part: Part, ctx: AddressContext, allowRules: SecurityRule[]): PartResult {
  let src = part.src;
  let dst = part.dst;
  const partialAllows: SecurityRule[] = [];
  let decided: PartResult | undefined;
  let decidedAccess: 'Allow' | 'Deny' | undefined;

  for (const r of chain) {
    const m = matchRule(r, { ...part, src, dst }, ctx);
    if (m.kind === 'skip') continue;
    if (m.kind === 'unknown') {
      decided = { kind: 'unknown', ...(isDefaultRule(r.rule) ? {} : { at: r.rule }), ...m.cause };
      break;
    }
    const access = (r.access as { state: 'known'; v: 'Allow' | 'Deny' }).v;
    if (access === 'Deny') {
      decided = { kind: 'blocked', by: r.rule, partialAllows: [...partialAllows] };
      decidedAccess = 'Deny';
      break;
    }
    if (!isDefaultRule(r.rule) && !allowRules.includes(r.rule)) allowRules.push(r.rule);
    if (m.sourcePortsAny && m.src === 'contains' && m.dst === 'contains') {
      decided = { kind: 'allowed' };
      decidedAccess = 'Allow';
      break;
    }
    if (!isDefaultRule(r.rule) && !partialAllows.includes(r.rule)) partialAllows.push(r.rule);
    if (!m.sourcePortsAny) continue;
    // narrow the open addresses when the covered part can be expressed as a set
    if (m.src === 'partial' && m.dst === 'contains' && src.kind === 'set') {
      const s = fieldSet(r.src, ctx);
      if (s) src = { ...src, set: subtractSet(src.set, s) };
    } else if (m.dst === 'partial' && m.src === 'contains' && dst.kind === 'set') {
      const s = fieldSet(r.dst, ctx);
      if (s) dst = { ...dst, set: subtractSet(dst.set, s) };
    }
    if ((src.kind === 'set' && isEmptySet(src.set)) || (dst.kind === 'set' && isEmptySet(dst.set))) {
      decided = { kind: 'allowed' };
      decidedAccess = 'Allow';
      break;
    }
  }
  decided ??= { kind: 'unknown', reason: 'no rule decided' };
  if (decided.kind === 'unknown') return decided;

  // rules with an unknown priority could sit anywhere before the deciding rule
  const original: Part = part;
  for (const r of floating) {
    const m = matchRule(r, original, ctx);
    if (m.kind === 'skip') continue;
    const access = r.access.state === 'known' ? r.access.v : undefined;
    if (access !== undefined && access === decidedAccess) continue;
    const cause = r.priorityCause ?? { reason: `${ruleLabel(r.rule)} has no valid priority` };
    return { kind: 'unknown', at: r.rule as SecurityRule, ...cause };
  }
  return decided;
}

type Match =
  | { kind: 'skip' }
  | { kind: 'unknown'; cause: UnknownCause }
  | { kind: 'match'; src: 'contains' | 'partial'; dst: 'contains' | 'partial'; sourcePortsAny: boolean };

/** Does rule `r` match (part of) `part`? Any known dimension that excludes it skips it; then any unknown makes it unknown. */
function matchRule(r: EvalRule, part: Part, ctx: AddressContext): Match {
  const causes: UnknownCause[] = [];
  if (r.direction === undefined && r.directionCause) causes.push(r.directionCause);
  if (r.protocols.state === 'known') {
    if (!r.protocols.v.has(part.protocol)) return { kind: 'skip' };
  } else causes.push(r.protocols);
  const pc = rulePortsCover(r, part.ports);
  if (pc === false) return { kind: 'skip' };
  if (pc === 'unknown' && r.ports.state === 'unknown') causes.push(r.ports);
  const s = relate(r.src, part.src, ctx);
  if (s.rel === 'disjoint') return { kind: 'skip' };
  const d = relate(r.dst, part.dst, ctx);
  if (d.rel === 'disjoint') return { kind: 'skip' };
  if (s.cause) causes.push(s.cause);
  if (d.cause) causes.push(d.cause);
  if (r.access.state === 'unknown') causes.push(r.access);
  if (r.sourcePortsAny.state === 'unknown') {
    // a Deny with unknown source ports still blocks part of the flow; an Allow's share is unknown
    if (!(r.access.state === 'known' && r.access.v === 'Deny')) causes.push(r.sourcePortsAny);
  }
  if (causes.length) return { kind: 'unknown', cause: causes[0]! };
  return {
    kind: 'match',
    src: s.rel as 'contains' | 'partial',
    dst: d.rel as 'contains' | 'partial',
    sourcePortsAny: r.sourcePortsAny.state === 'known' ? r.sourcePortsAny.v : false,
  };
}
