import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { flowRow } from '../shared/required-flows.js';
import { appsText, checkFeatureFlows, subnetAddress } from './flows.js';

const SOURCE = seedSection(SEEDS.VNET_INTEGRATION, 'Configuration routing');

/**
 * `vnet-integration/content-share-ports`: with content share over the VNet
 * (`vnetContentShareEnabled` / `WEBSITE_CONTENTOVERVNET`), the integration subnet's NSG allows
 * outbound TCP 443 and 445 to Storage, and no 0.0.0.0/0 route drops it (next hop None).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Configuration routing* ("ensure that any firewall or
 * Network Security Group configured on traffic from the subnet allow traffic to port 443 and 445").
 */
export const contentSharePorts: Rule = {
  meta: {
    id: 'vnet-integration/content-share-ports',
    title: 'Content share over the VNet can reach Storage on 443 and 445',
    description:
      'When an app routes its content share through the VNet, the integration subnet allows outbound TCP 443 and 445 to Azure Storage.',
    severity: 'error',
    source: SOURCE,
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    checkFeatureFlows(model, ctx, {
      flag: (app) => app.contentShare,
      feature: 'content share over the VNet (vnetContentShareEnabled / WEBSITE_CONTENTOVERVNET)',
      routes: true,
      rows: (subnet, apps) => [
        flowRow(
          `Content share of ${appsText(apps)} over the VNet`,
          { direction: 'Outbound', protocols: 'Tcp', source: subnetAddress(subnet), destination: 'Storage', ports: '443, 445' },
          SOURCE,
        ),
      ],
    });
  },
};
