import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { checkRequiredFlows, flowRow } from '../shared/required-flows.js';
import { HEALTH_CHECK_PORT, subnetAddress } from './flows.js';
import { integratedSubnets } from './integrations.js';

const SOURCE = seedSection(SEEDS.VNET_INTEGRATION, 'Network routing');

/**
 * `vnet-integration/health-check`: the integration subnet's NSG does not block UDP 30000, which
 * Azure uses for network health checks (checked outbound from the subnet to `VirtualNetwork`).
 * Blocking it doesn't break the app but makes network issues harder for Azure support to detect.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Network routing*.
 */
export const healthCheck: Rule = {
  meta: {
    id: 'vnet-integration/health-check',
    title: 'UDP 30000 is open for network health checks',
    description: 'The NSG of an integration subnet does not block UDP port 30000, used by Azure network health checks.',
    severity: 'note',
    source: SOURCE,
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const s of integratedSubnets(model)) {
      const subnet = s.subnet;
      if (subnet.existing || !subnet.nsg) continue;
      checkRequiredFlows(model, ctx, {
        subnet,
        entity: subnet,
        rows: [
          flowRow(
            'Azure network health checks',
            { direction: 'Outbound', protocols: 'Udp', source: subnetAddress(subnet), destination: 'VirtualNetwork', ports: String(HEALTH_CHECK_PORT) },
            SOURCE,
          ),
        ],
      });
    }
  },
};
