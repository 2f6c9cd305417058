import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { checkRequiredFlows, type RequiredFlowRow } from '../shared/required-flows.js';
import { addressContext, subnetNsg, subnetPrefix } from '../shared/subnet-facts.js';
import { dedupeContext } from './flows.js';
import { accessEndpointOf, allIseSubnets } from './ise-subnets.js';
import { allowedFromSpecificSources } from './nsg-table.js';

const SOURCE = seedSection(SEEDS.ISE_2022, 'Create your ISE');

/**
 * `ise/external-connector-inbound` — an ISE with an External access endpoint needs an inbound
 * security rule that admits the managed connectors' outbound IP addresses to the VNet address
 * space, all destination ports (seed 000, *Create your ISE*, the step for external endpoints).
 * The addresses are the `AzureConnectors` service tag's; a rule that lists them as literal public
 * addresses (copied from the ISE's "Connector outgoing IP addresses") counts too. Checked on the
 * NSG of every ISE subnet, TCP and UDP, all ports; no NSG means nothing is filtered.
 */
export const externalConnectorInbound: Rule = {
  meta: {
    id: 'ise/external-connector-inbound',
    title: "An external ISE admits the managed connectors' addresses",
    description:
      "External ISE: an inbound security rule allows the managed connectors' outbound IP addresses (AzureConnectors) to the VNet address space, all ports.",
    severity: 'warning',
    source: SOURCE,
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    const dctx = dedupeContext(ctx);
    for (const { subnet, ise } of allIseSubnets(model)) {
      if (accessEndpointOf(ise).kind !== 'External') continue;
      const sn = subnetNsg(model, subnet);
      if (sn.kind !== 'nsg') continue;
      const sp = subnetPrefix(subnet);
      const row: RequiredFlowRow = {
        purpose: "traffic from the managed connectors' outbound IP addresses to an external ISE",
        flow: { direction: 'Inbound', protocols: ['Tcp', 'Udp'], source: 'AzureConnectors', destination: sp.kind === 'known' ? sp.prefix.network : 'VirtualNetwork', ports: '*' },
        source: SOURCE,
      };
      if (allowedFromSpecificSources(sn.nsg, row.flow, addressContext(model, subnet))) continue;
      checkRequiredFlows(model, dctx, { subnet, rows: [row], entity: sn.nsg });
    }
  },
};
