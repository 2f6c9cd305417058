import { SEEDS, seedSection } from '../sources.js';
import type { Rule } from '../types.js';
import { checkAseFlows } from './ase-flows.js';
import { aseSites } from './ase-site.js';
import { ASE_INBOUND_ROWS } from './ports.js';

/**
 * `ase/nsg-inbound` — the ASEv1/v2 inbound dependencies (ports.ts ASE_INBOUND_ROWS: App Service
 * management 454, 455 from `AppServiceManagement`; all ports within the ASE subnet) are allowed by
 * the NSG of the ASE subnet. The load balancer row is `ase/nsg-load-balancer`.
 * Source: seed 003 *ASE dependencies*.
 */
export const aseNsgInbound: Rule = {
  meta: {
    id: 'ase/nsg-inbound',
    title: 'The ASE subnet NSG allows the ASE inbound dependencies',
    description: 'For ASEv1/v2: inbound TCP 454 and 455 from AppServiceManagement, and all ports from the ASE subnet to itself, are allowed on the ASE subnet.',
    severity: 'error',
    source: seedSection(SEEDS.ASE_NETWORKING, 'ASE dependencies'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const site of aseSites(model, ctx, [1, 2], 'the inbound NSG check')) checkAseFlows(model, ctx, site, ASE_INBOUND_ROWS);
  },
};
