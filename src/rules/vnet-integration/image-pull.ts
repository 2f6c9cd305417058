import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { flowRow } from '../shared/required-flows.js';
import { appsText, checkFeatureFlows, subnetAddress } from './flows.js';

const SOURCE = seedSection(SEEDS.VNET_INTEGRATION, 'Configuration routing');

/**
 * `vnet-integration/image-pull`: with container image pull over the VNet (`vnetImagePullEnabled` /
 * `WEBSITE_PULL_IMAGE_OVER_VNET`), the integration subnet allows outbound TCP 443 to the registry
 * (checked against the `AzureContainerRegistry` service tag, which `Internet` contains) and no
 * 0.0.0.0/0 route drops it.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Configuration routing*.
 */
export const imagePull: Rule = {
  meta: {
    id: 'vnet-integration/image-pull',
    title: 'Image pull over the VNet can reach the registry on 443',
    description: 'When an app pulls its container image through the VNet, the integration subnet allows outbound TCP 443 to the container registry.',
    severity: 'warning',
    source: SOURCE,
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    checkFeatureFlows(model, ctx, {
      flag: (app) => app.imagePull,
      feature: 'image pull over the VNet (vnetImagePullEnabled / WEBSITE_PULL_IMAGE_OVER_VNET)',
      routes: true,
      rows: (subnet, apps) => [
        flowRow(
          `Container image pull of ${appsText(apps)} over the VNet`,
          { direction: 'Outbound', protocols: 'Tcp', source: subnetAddress(subnet), destination: 'AzureContainerRegistry', ports: '443' },
          SOURCE,
        ),
      ],
    });
  },
};
