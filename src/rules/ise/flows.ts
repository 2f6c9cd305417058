import type { EntityBase, IntegrationServiceEnvironment, Subnet } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import { tryPrefix } from '../../net/cidr.js';
import type { FlowProtocol } from '../../net/flow.js';
import type { Report, RuleContext } from '../types.js';
import type { RequiredFlowRow } from '../shared/required-flows.js';
import { subnetPrefix } from '../shared/subnet-facts.js';
import { accessEndpointOf } from './ise-subnets.js';
import { DNS_SERVER, ISE_SUBNET, VNET_SPACE, type IsePortRow } from './ports.js';

/** A table row made concrete for one ISE subnet: the required flow to evaluate, and its table row. */
export interface IseFlow {
  row: IsePortRow;
  flow: RequiredFlowRow;
}

/**
 * Expands ISE table rows (ports.ts) into required flows for one ISE subnet, over `protocols`:
 * - rows for an internal/external access endpoint are kept when the ISE's endpoint is that one; an
 *   unknown endpoint is reported once ("could not verify") and its rows skipped;
 * - `ISE_SUBNET` → the subnet's IPv4 prefix (the seed's `VirtualNetwork` when the prefix is unknown);
 * - `VNET_SPACE` → one flow per known IPv4 prefix of the VNet (`VirtualNetwork` when none is known);
 * - `DNS_SERVER` → one flow per known custom DNS server (unknown ones are reported and skipped).
 * `custom-dns` rows are expanded only when `rows` contains them (ise/custom-dns).
 */
export function iseFlows(
  model: NetworkModel,
  ctx: RuleContext,
  args: { subnet: Subnet; ise: IntegrationServiceEnvironment; rows: readonly IsePortRow[]; protocols: FlowProtocol[] },
): IseFlow[] {
  const { subnet, ise, rows, protocols } = args;
  const endpoint = accessEndpointOf(ise);
  const sp = subnetPrefix(subnet);
  const subnetAddr = sp.kind === 'known' ? sp.prefix.network : 'VirtualNetwork';
  const vnet = model.vnetOf(subnet);
  const vnetSpace: string[] = [];
  for (const v of vnet?.addressPrefixes.items ?? []) {
    if (!v.known) continue;
    const p = tryPrefix(v.value, { allowHostBits: true });
    if (p?.family === 4 && !vnetSpace.includes(p.network)) vnetSpace.push(p.network);
  }
  const out: IseFlow[] = [];
  let endpointReported = false;
  for (const row of rows) {
    if (row.when === 'internal' || row.when === 'external') {
      if (endpoint.kind === 'unknown') {
        if (!endpointReported) ctx.couldNotVerify(endpoint.value, ise, 'which inbound ports the ISE needs (its access endpoint, Internal or External)');
        endpointReported = true;
        continue;
      }
      if (endpoint.kind.toLowerCase() !== row.when) continue;
    }
    const expand = (addr: string): { addr: string; data?: string }[] => {
      if (addr === ISE_SUBNET) return [{ addr: subnetAddr }];
      if (addr === VNET_SPACE) return vnetSpace.length ? vnetSpace.map((a) => ({ addr: a, data: a })) : [{ addr: 'VirtualNetwork' }];
      if (addr === DNS_SERVER) {
        const out2: { addr: string; data?: string }[] = [];
        if (vnet?.dnsServers.unknown) ctx.couldNotVerify(vnet.dnsServers.unknown, vnet, 'outbound port 53 to the custom DNS servers');
        for (const d of vnet?.dnsServers.items ?? []) {
          if (!d.known) {
            ctx.couldNotVerify(d, vnet!, 'outbound port 53 to the custom DNS server');
            continue;
          }
          out2.push({ addr: d.value.trim(), data: d.value.trim() });
        }
        return out2;
      }
      return [{ addr }];
    };
    for (const src of expand(row.source)) {
      for (const dst of expand(row.destination)) {
        const data = [src.data, dst.data].filter((x) => x !== undefined).join('→');
        out.push({
          row,
          flow: {
            purpose: row.purpose,
            flow: { direction: row.direction, protocols: [...protocols], source: src.addr, destination: dst.addr, ports: row.ports },
            source: row.citation,
            ...(data ? { data } : {}),
          },
        });
      }
    }
  }
  return out;
}

/**
 * A RuleContext that passes each finding once: several ISE subnets usually share one NSG, and
 * the same blocked flow at the same security rule is reported once per (entity, data, range).
 * `suffix` is appended to the message of every finding that is not a note.
 */
export function dedupeContext(ctx: RuleContext, suffix = ''): RuleContext {
  const seen = new Set<string>();
  return {
    report(r: Report) {
      const k = [r.entity.key, r.range.file, r.range.line, r.range.column, ...(r.data ?? [])].join('\u0000');
      if (seen.has(k)) return;
      seen.add(k);
      ctx.report(suffix && r.severity !== 'note' ? { ...r, message: `${r.message} ${suffix}` } : r);
    },
    couldNotVerify: (v, e, p) => ctx.couldNotVerify(v, e, p),
  };
}

/** The entity a flow finding is about: the subnet's NSG when it has one in the model, else the subnet. */
export function flowEntity(model: NetworkModel, subnet: Subnet): EntityBase {
  return model.nsgOf(subnet) ?? subnet;
}

/** A RuleContext that drops everything (to expand rows without repeating another rule's notes). */
export const silentContext: RuleContext = { report: () => undefined, couldNotVerify: () => undefined };
