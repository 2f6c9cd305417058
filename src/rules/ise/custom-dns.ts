import { Unknown } from '../../model/symbolic.js';
import { unknownValue } from '../../model/value.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { checkRequiredFlows } from '../shared/required-flows.js';
import { subnetNsg } from '../shared/subnet-facts.js';
import { dedupeContext, flowEntity, iseFlows } from './flows.js';
import { allIseSubnets } from './ise-subnets.js';
import { ISE_OUTBOUND } from './ports.js';

/**
 * `ise/custom-dns` — when the ISE's VNet uses custom DNS servers (`dhcpOptions.dnsServers`, or the
 * config's `assumptions.customDns`), the NSG of every ISE subnet allows outbound port 53, TCP and
 * UDP, to each of them (seed 000, *Outbound security rules*, last row: "Required only when you use
 * custom DNS servers on your virtual network"; *Prerequisites*). This rule owns the DNS row: it is
 * not in `ise/nsg-outbound` or `ise/nsg-protocol`. The other half of the requirement — a change of
 * DNS servers needs an ISE restart — needs the change under review and is deferred.
 */
export const customDns: Rule = {
  meta: {
    id: 'ise/custom-dns',
    title: 'ISE subnets reach the custom DNS servers on port 53',
    description: 'With custom DNS servers on the VNet, the NSG of every ISE subnet allows outbound TCP and UDP port 53 to each of them.',
    severity: 'warning',
    source: seedSection(SEEDS.ISE_2022, 'Outbound security rules'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    const dctx = dedupeContext(ctx);
    const rows = ISE_OUTBOUND.filter((r) => r.when === 'custom-dns');
    for (const { subnet, ise } of allIseSubnets(model)) {
      const vnet = model.vnetOf(subnet);
      if (!vnet) continue;
      const written = vnet.dnsServers.items.length > 0 || vnet.dnsServers.unknown !== undefined;
      if (!written) {
        if (model.assumesCustomDns(vnet)) {
          const v = unknownValue(new Unknown('assumptions.customDns', 'the custom DNS server addresses are not in the templates'), vnet.range);
          ctx.couldNotVerify(v, vnet, 'outbound port 53 from the ISE subnets to the custom DNS servers');
        }
        continue;
      }
      const sn = subnetNsg(model, subnet);
      if (sn.kind !== 'nsg') continue; // no NSG: allowed; unreadable NSG: ise/nsg-inbound's note
      const flows = iseFlows(model, dctx, { subnet, ise, rows, protocols: ['Tcp', 'Udp'] });
      if (flows.length) checkRequiredFlows(model, dctx, { subnet, rows: flows.map((f) => f.flow), entity: flowEntity(model, subnet) });
    }
  },
};
