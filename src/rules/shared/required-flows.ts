import type { RelatedLocation } from '../../core/finding.js';
import { keyName } from '../../model/keys.js';
import type { EntityBase, NetworkSecurityGroup, SecurityRule, Subnet } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import type { FlowProtocol, FlowVerdict, PortRange, RequiredFlow } from '../../net/flow.js';
import { explainFlow, isDefaultRule, ruleLabel, sourcePortsAreAny } from '../../net/nsg-evaluator.js';
import { parsePortRange, portRangeText, portSetText, portSet } from '../../net/ports.js';
import type { RuleContext } from '../types.js';
import { addressContext, nameOf, subnetNsg, subnetPrefix } from './subnet-facts.js';

/** One row of a required-port table (requirements.md), with its citation. */
export interface RequiredFlowRow {
  /** What the flow is for, e.g. "App Service management". */
  purpose: string;
  flow: RequiredFlow;
  /** `<seed file>#<section slug>` of the table the row comes from. */
  source: string;
  /** Extra fingerprint data telling this row apart (e.g. the DNS server IP). */
  data?: string;
}

/** Compact protocol spec of a table row: `both` / `Any` = "both TCP and UDP, or Any" (seed 000, *Enable access for ISE*). */
export type ProtocolSpec = FlowProtocol | 'both' | 'Any' | '*' | readonly FlowProtocol[];

/** `both`, `Any`, `*` → ['Tcp', 'Udp']; a single protocol → [it]. */
export function expandProtocols(spec: ProtocolSpec): FlowProtocol[] {
  if (Array.isArray(spec)) return [...(spec as FlowProtocol[])];
  if (spec === 'both' || spec === 'Any' || spec === '*') return ['Tcp', 'Udp'];
  return [spec as FlowProtocol];
}

/**
 * Parses a table's port text: `*`, `443`, `80, 443`, `6379-6383`, `454,455` → the flow's ports.
 * Throws on malformed text (the tables are ours, not user content).
 */
export function parseFlowPorts(text: string): PortRange[] | '*' {
  const t = text.trim();
  if (t === '*' || t.toLowerCase() === 'all') return '*';
  return t.split(',').map((s) => {
    const r = parsePortRange(s.trim());
    if (!r.ok) throw new Error(`bad port text in a required-flow table: ${text}`);
    return r.range;
  });
}

/** Builds a table row: `flowRow('Storage', { direction: 'Outbound', protocols: 'Tcp', source: 'VirtualNetwork', destination: 'Storage', ports: '80, 443, 445' }, src)`. */
export function flowRow(
  purpose: string,
  spec: { direction: 'Inbound' | 'Outbound'; protocols: ProtocolSpec; source: string; destination: string; ports: string },
  source: string,
  data?: string,
): RequiredFlowRow {
  return {
    purpose,
    flow: { direction: spec.direction, protocols: expandProtocols(spec.protocols), source: spec.source, destination: spec.destination, ports: parseFlowPorts(spec.ports) },
    source,
    ...(data !== undefined ? { data } : {}),
  };
}

/** "inbound TCP 454-455 from AppServiceManagement to VirtualNetwork" (ports merged; `all ports` for `*`). */
export function flowText(flow: RequiredFlow): string {
  const protos = flow.protocols.length >= 2 && flow.protocols.includes('Tcp') && flow.protocols.includes('Udp') ? 'TCP and UDP' : flow.protocols.map((p) => p.toUpperCase()).join(' and ');
  const ports = flow.ports === '*' ? 'all ports' : portSetText(portSet(flow.ports));
  return `${flow.direction.toLowerCase()} ${protos} ${ports} from ${flow.source} to ${flow.destination}`;
}

/** Fingerprint data of a row: purpose, direction, ports (and the row's own data). Never line numbers. */
export function flowData(row: RequiredFlowRow): string[] {
  const ports = row.flow.ports === '*' ? '*' : portSet(row.flow.ports).map((r) => portRangeText(r)).join(',');
  return [row.purpose, row.flow.direction, ports, ...(row.data !== undefined ? [row.data] : [])];
}

/**
 * Checks each row's flow against the subnet's NSG (no NSG = allowed) with the subnet's address
 * context (subnet-facts `addressContext`), the flow narrowed to the subnet (narrowToSubnet; messages
 * keep the row's addresses), and reports through `ctx`, at the rule's default severity:
 * - **blocked**: at the blocking security rule (a default rule → the NSG), related location = the
 *   subnet; the message names the flow with its numbers, the rule and its priority, and the fix;
 * - **unknown**: `ctx.couldNotVerify(value, entity, purpose)` when an unresolved value is the cause,
 *   else a note "Could not verify … because …";
 * - an unknown NSG reference → one couldNotVerify for the whole table; a known NSG reference that is
 *   not declared in the checked files → one note.
 * Returns the verdicts, aligned with `rows` (unknown for every row when the NSG can't be read).
 */
export function checkRequiredFlows(
  model: NetworkModel,
  ctx: RuleContext,
  args: { subnet: Subnet; rows: readonly RequiredFlowRow[]; entity: EntityBase },
): FlowVerdict[] {
  const { subnet, rows, entity } = args;
  const sn = subnetNsg(model, subnet);
  const subnetName = nameOf(subnet);
  if (sn.kind === 'unknown') {
    ctx.couldNotVerify(sn.value, entity, `the required ${rows.length === 1 ? 'flow' : 'flows'} (${rows.map((r) => r.purpose).join(', ')}) through the NSG of subnet '${subnetName}'`);
    return rows.map(() => ({ verdict: 'unknown', value: sn.value, reason: `the NSG reference of subnet '${subnetName}' is unknown` }));
  }
  if (sn.kind === 'unresolved') {
    const reason = `its NSG '${keyName(sn.value.value)}' is not declared in the checked files`;
    ctx.report({
      range: sn.value.range,
      entity,
      severity: 'note',
      message: `Could not verify the required flows (${rows.map((r) => r.purpose).join(', ')}) on subnet '${subnetName}' because ${reason}.`,
      related: [{ range: subnet.range, message: `subnet '${subnetName}'` }],
      data: ['nsg-unresolved', subnet.key],
    });
    return rows.map(() => ({ verdict: 'unknown', reason }));
  }
  const nsg = sn.kind === 'nsg' ? sn.nsg : undefined;
  const actx = addressContext(model, subnet);
  const verdicts: FlowVerdict[] = [];
  const sp = subnetPrefix(subnet);
  for (const row of rows) {
    const { verdict } = explainFlow(nsg, sp.kind === 'known' ? narrowToSubnet(row.flow, sp.prefix.network) : row.flow, actx);
    verdicts.push(verdict);
    if (verdict.verdict === 'allowed' || !nsg) continue;
    const what = `${row.purpose} (${flowText(row.flow)})`;
    const related: RelatedLocation[] = [{ range: subnet.range, message: `subnet '${subnetName}' uses NSG '${nameOf(nsg)}'` }];
    if (verdict.verdict === 'blocked') {
      ctx.report({ ...blockedReport(row, verdict, nsg, what), entity, related, data: flowData(row) });
    } else if (verdict.value) {
      ctx.couldNotVerify(verdict.value, entity, `${what} through NSG '${nameOf(nsg)}'`);
    } else {
      ctx.report({
        range: verdict.at?.range ?? nsg.range,
        entity,
        severity: 'note',
        message: `Could not verify that ${what} is allowed by NSG '${nameOf(nsg)}' because ${verdict.reason}.`,
        related,
        data: [...flowData(row), 'unknown'],
      });
    }
  }
  return verdicts;
}

/**
 * The flow as the subnet's NSG sees it: inbound traffic it filters is addressed to the subnet, and
 * outbound traffic comes from it, so an inbound destination (outbound source) written
 * `VirtualNetwork` or `*` is narrowed to the subnet's prefix. A security rule written for the
 * subnet's own prefix then serves the flow fully. Other addresses are kept.
 */
export function narrowToSubnet(flow: RequiredFlow, subnetNetwork: string): RequiredFlow {
  const wide = (a: string) => a.trim() === '*' || a.trim().toLowerCase() === 'virtualnetwork';
  if (flow.direction === 'Inbound' && wide(flow.destination)) return { ...flow, destination: subnetNetwork };
  if (flow.direction === 'Outbound' && wide(flow.source)) return { ...flow, source: subnetNetwork };
  return flow;
}

function blockedReport(row: RequiredFlowRow, v: Extract<FlowVerdict, { verdict: 'blocked' }>, nsg: NetworkSecurityGroup, what: string): { range: SecurityRule['range']; message: string } {
  const part = blockedPart(row.flow, v);
  const partial = (v.partialAllows ?? []).map((r) => partialText(r)).join(' ');
  const nsgText = `NSG '${nameOf(nsg)}'`;
  if (isDefaultRule(v.by)) {
    return {
      range: nsg.range,
      message:
        `${what} is not allowed${part} by any security rule on ${nsgText}: the default rule '${v.by.name}' (priority ${v.by.priority}) denies it. ` +
        (partial ? `${partial} ` : '') +
        `Add an Allow rule for it.`,
    };
  }
  const prio = v.by.priority?.known ? v.by.priority.value : undefined;
  // 100 is the lowest priority number Azure accepts: nothing can go before a Deny there.
  const fix =
    prio === undefined
      ? 'Add an Allow rule for it with a lower priority number.'
      : prio <= 100
        ? `Narrow or remove this Deny rule (priority ${prio} is the first any rule can take), or renumber it so that an Allow rule for the flow comes first.`
        : `Add an Allow rule for it with a priority number below ${prio}, or narrow this Deny rule.`;
  return {
    range: v.by.range,
    message: `${what} is blocked${part} by ${ruleLabel(v.by)} on ${nsgText}. ${partial ? `${partial} ` : ''}${fix}`,
  };
}

/** " for UDP port 455" / " for TCP ports 80, 443 and UDP port 53" when only part of the flow is blocked, else "". */
function blockedPart(flow: RequiredFlow, v: Extract<FlowVerdict, { verdict: 'blocked' }>): string {
  const parts = v.blockedParts ?? [{ protocol: v.protocol, ports: [v.port === '*' ? { from: 0, to: 65535 } : v.port] }];
  const flowSet = portSet(flow.ports);
  const sameSet = (a: readonly PortRange[], b: readonly PortRange[]) => a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to);
  const whole = parts.every((p) => sameSet(portSet(p.ports), flowSet));
  if (whole && parts.length === flow.protocols.length) return '';
  const text = parts.map((p) => {
    const set = portSet(p.ports);
    const proto = p.protocol.toUpperCase();
    if (sameSet(set, flowSet)) return proto;
    const single = set.length === 1 && set[0]!.from === set[0]!.to;
    return `${proto} ${single ? 'port' : 'ports'} ${portSetText(set)}`;
  });
  return ` for ${text.join(' and ')}`;
}

function partialText(r: SecurityRule): string {
  const any = sourcePortsAreAny(r);
  const label = ruleLabel(r).replace(/^s/, 'S');
  if (any === false) {
    const ports = r.sourcePortRanges.items.map((i) => (i.known ? i.value : `{${i.unknown.expr}}`)).join(', ');
    return `${label} matches it but only for source ports ${ports}; source ports are ephemeral, so set its source port range to *.`;
  }
  return `${label} allows only part of the flow's addresses.`;
}
