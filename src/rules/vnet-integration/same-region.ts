import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { compareLocations, integrationUses, nameOf } from './integrations.js';

/**
 * `vnet-integration/same-region`: an app and the VNet it integrates with are in the same region.
 * Locations compare case- and space-insensitively; two unknowns with the same expression
 * (`resourceGroup().location`) are the same region.
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Limitations* ("The app and the virtual network must be in the same region").
 */
export const sameRegion: Rule = {
  meta: {
    id: 'vnet-integration/same-region',
    title: 'Apps integrate with VNets in their own region',
    description: 'An app and the virtual network of its integration subnet are in the same region.',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'Limitations'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    // Pairs by entity, not key: the same app and VNet written in two files (a Bicep file and its
    // compiled ARM template) are two pairs, each reported in its own file.
    const seen = new Map<object, Set<object>>();
    for (const use of integrationUses(model)) {
      const { app, subnet } = use;
      if (!subnet) continue;
      const vnet = model.vnetOf(subnet);
      if (!vnet || vnet.existing || !vnet.location || !app.location) continue;
      const vnets = seen.get(app) ?? new Set<object>();
      if (vnets.has(vnet)) continue;
      vnets.add(vnet);
      seen.set(app, vnets);
      const cmp = compareLocations(app.location, vnet.location);
      if (cmp.result === 'unknown') {
        for (const u of cmp.unknowns) ctx.couldNotVerify(u, app, 'whether the app and its integration VNet are in the same region');
        continue;
      }
      if (cmp.result === 'same') continue;
      const appLoc = app.location.known ? app.location.value : '';
      const vnetLoc = vnet.location.known ? vnet.location.value : '';
      ctx.report({
        range: use.ref.range,
        entity: app,
        message:
          `App '${nameOf(app)}' is in ${appLoc} but integrates with subnet '${nameOf(subnet)}' of VNet '${nameOf(vnet)}' in ${vnetLoc}; ` +
          `the app and the virtual network must be in the same region. Integrate with a VNet in ${appLoc} ` +
          `(or deploy the app to ${vnetLoc}).`,
        related: [
          { range: vnet.location.range, message: `VNet '${nameOf(vnet)}' location: ${vnetLoc}.` },
          { range: app.location.range, message: `App '${nameOf(app)}' location: ${appLoc}.` },
        ],
        data: [vnet.key],
      });
    }
  },
};
