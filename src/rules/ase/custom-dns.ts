import { tryPrefix } from '../../net/cidr.js';
import { SEEDS } from '../sources.js';
import type { Rule } from '../types.js';
import { checkAseFlows } from './ase-flows.js';
import { aseSites } from './ase-site.js';
import { CUSTOMER_DNS_SOURCE, customDnsRow, type AseFlowRow } from './ports.js';

/**
 * `ase/custom-dns` — when the ASE's VNet uses custom DNS servers (`dhcpOptions.dnsServers`), each
 * server must be reachable from the ASE subnet: outbound TCP and UDP 53 to it is allowed by the
 * ASE subnet's NSG. The ASE still needs Azure DNS for management (outbound 53 to the internet);
 * that flow is checked by `ase/nsg-outbound` for every ASEv1/v2. Servers only assumed by the
 * config (`assumptions.customDns`) have no address to check.
 * Source: seed 003 *Customer DNS*.
 */
export const aseCustomDns: Rule = {
  meta: {
    id: 'ase/custom-dns',
    title: 'Custom DNS servers are reachable from the ASE subnet',
    description: "With custom DNS servers on the VNet, outbound TCP and UDP 53 from the ASEv1/v2 subnet to each server is allowed (the ASE also keeps needing Azure DNS).",
    severity: 'warning',
    source: CUSTOMER_DNS_SOURCE,
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const site of aseSites(model, ctx, [1, 2], 'the custom DNS check')) {
      const vnet = model.vnetOf(site.subnet);
      if (!vnet) continue;
      const rows: AseFlowRow[] = [];
      for (const d of vnet.dnsServers.items) {
        if (!d.known) {
          ctx.couldNotVerify(d, vnet, 'a custom DNS server address, to check the ASE subnet can reach it on port 53');
          continue;
        }
        const p = tryPrefix(d.value);
        if (!p || p.family !== 4) continue;
        rows.push(customDnsRow(p.network.replace(/\/32$/, '')));
      }
      if (vnet.dnsServers.unknown) ctx.couldNotVerify(vnet.dnsServers.unknown, vnet, 'the custom DNS servers, to check the ASE subnet can reach them on port 53');
      if (rows.length > 0) checkAseFlows(model, ctx, site, rows);
    }
  },
};
