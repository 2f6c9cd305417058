import { SEEDS, seedSection } from '../sources.js';
import type { Rule } from '../types.js';
import { checkAseFlows } from './ase-flows.js';
import { aseSites, isExternalAse } from './ase-site.js';
import { ASE_APP_PORT_ROWS } from './ports.js';

/**
 * `ase/nsg-app-ports` (note) — on an External ASEv1/v2, the app access ports are reachable from the
 * internet when the apps use those features: HTTP/HTTPS 80, 443; FTP/FTPS 21, 990, 10001–10020;
 * Visual Studio remote debugging 4016, 4018, 4020, 4022. Apps with IP-based SSL also need the two
 * ports the ASE assigns them (shown in the ASE's IP addresses page, not in templates).
 * Source: seed 003 *Overview* ("The normal app access ports") and *App-assigned IP addresses*.
 */
export const aseNsgAppPorts: Rule = {
  meta: {
    id: 'ase/nsg-app-ports',
    title: 'External ASE app access ports are reachable',
    description:
      'For an External ASEv1/v2: inbound 80 and 443, FTP 21, 990 and 10001–10020, and remote debugging 4016, 4018, 4020 and 4022 reach the ASE subnet if the apps use those features.',
    severity: 'note',
    source: seedSection(SEEDS.ASE_NETWORKING, 'Overview'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const site of aseSites(model, ctx, [1, 2], 'the app access port check')) {
      const external = isExternalAse(site.ase);
      if (external === undefined) {
        const m = site.ase.internalLoadBalancingMode;
        if (m && !m.known) ctx.couldNotVerify(m, site.ase, 'the ASE load balancing mode, to know whether apps are reached from the internet');
        continue;
      }
      if (external) checkAseFlows(model, ctx, site, ASE_APP_PORT_ROWS);
    }
  },
};
