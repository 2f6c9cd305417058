import { SEEDS, seedSection } from '../sources.js';
import type { Rule } from '../types.js';
import { checkAseFlows } from './ase-flows.js';
import { aseSites } from './ase-site.js';
import { ASE_OUTBOUND_ROWS } from './ports.js';

/**
 * `ase/nsg-outbound` — the ASEv1/v2 outbound dependencies (ports.ts ASE_OUTBOUND_ROWS: Storage
 * 80, 443 (+445 for ASEv1); SQL 1433, 11000–11999, 14000–14999; 443 to the internet; DNS 53; all
 * ports within the ASE subnet) are allowed by the NSG of the ASE subnet.
 * Source: seed 003 *ASE dependencies* ("If the ASE loses access to these dependencies, it stops working").
 */
export const aseNsgOutbound: Rule = {
  meta: {
    id: 'ase/nsg-outbound',
    title: 'The ASE subnet NSG allows the ASE outbound dependencies',
    description: 'For ASEv1/v2: outbound Storage, SQL, HTTPS to the internet, DNS and ASE-internal traffic are allowed from the ASE subnet.',
    severity: 'error',
    source: seedSection(SEEDS.ASE_NETWORKING, 'ASE dependencies'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const site of aseSites(model, ctx, [1, 2], 'the outbound NSG check')) checkAseFlows(model, ctx, site, ASE_OUTBOUND_ROWS);
  },
};
