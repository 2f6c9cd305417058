import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { flowRow } from '../shared/required-flows.js';
import { known } from '../../model/value.js';
import { appsText, checkFeatureFlows, PRIVATE_PORTS, subnetAddress } from './flows.js';

const SOURCE = seedSection(SEEDS.VNET_INTEGRATION, 'Network routing');

/**
 * `vnet-integration/private-ports`: apps that use the private ports feature
 * (`siteConfig.vnetPrivatePortsCount` > 0) need TCP and UDP 20000–30000 open inbound and outbound
 * within the integration subnet.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Network routing* ("The App Service private ports feature
 * uses ports 20,000 to 30,000 on both TCP and UDP … need to be open both inbound and outbound").
 */
export const privatePorts: Rule = {
  meta: {
    id: 'vnet-integration/private-ports',
    title: 'Private ports 20000-30000 are open within the integration subnet',
    description: 'Apps using App Service private ports need TCP and UDP 20000-30000 open inbound and outbound within the integration subnet.',
    severity: 'warning',
    source: SOURCE,
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    checkFeatureFlows(model, ctx, {
      flag: (app) => {
        const v = app.privatePorts;
        if (!v || !v.known) return v;
        return known(v.value > 0, v.range);
      },
      feature: 'private ports (vnetPrivatePortsCount)',
      routes: false,
      rows: (subnet, apps) => {
        const a = subnetAddress(subnet);
        const ports = `${PRIVATE_PORTS.from}-${PRIVATE_PORTS.to}`;
        const who = appsText(apps);
        return [
          flowRow(`Private ports of ${who} (inbound)`, { direction: 'Inbound', protocols: 'both', source: a, destination: a, ports }, SOURCE),
          flowRow(`Private ports of ${who} (outbound)`, { direction: 'Outbound', protocols: 'both', source: a, destination: a, ports }, SOURCE),
        ];
      },
    });
  },
};
