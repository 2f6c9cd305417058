import { SEEDS, seedSection } from '../sources.js';
import type { Rule } from '../types.js';
import { checkAseFlows } from './ase-flows.js';
import { aseSites, isExternalAse } from './ase-site.js';
import { ASE_LOAD_BALANCER_ROWS } from './ports.js';

/**
 * `ase/nsg-load-balancer` — `AzureLoadBalancer` reaches the ASEv1/v2 subnet: all ports for an
 * External ASE, at least 454, 455 and 16001 for an ILB ASE. A custom deny-all placed before the
 * default `AllowAzureLoadBalancerInBound` (65001) breaks the VIP; the fix is an explicit allow from
 * `AzureLoadBalancer`. Source: seed 003 *Network Security Groups* and *ASE dependencies*.
 */
export const aseNsgLoadBalancer: Rule = {
  meta: {
    id: 'ase/nsg-load-balancer',
    title: 'AzureLoadBalancer reaches the ASE subnet',
    description:
      'For ASEv1/v2: inbound from AzureLoadBalancer is allowed on the ASE subnet (all ports for an External ASE, at least 454, 455 and 16001 for an ILB ASE); a deny-all rule must come after an explicit AzureLoadBalancer allow.',
    severity: 'error',
    source: seedSection(SEEDS.ASE_NETWORKING, 'Network Security Groups'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const site of aseSites(model, ctx, [1, 2], 'the load balancer NSG check')) {
      const external = isExternalAse(site.ase);
      if (external === undefined) {
        const m = site.ase.internalLoadBalancingMode;
        if (m && !m.known) ctx.couldNotVerify(m, site.ase, 'the ASE load balancing mode (External or ILB), to know which load balancer ports are needed');
        // Whatever the mode, 454, 455 and 16001 are needed.
      }
      checkAseFlows(model, ctx, site, [external ? ASE_LOAD_BALANCER_ROWS.external : ASE_LOAD_BALANCER_ROWS.ilb]);
    }
  },
};
