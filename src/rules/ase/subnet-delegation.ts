import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { aseSites, aseText, subnetText } from './ase-site.js';

/** The delegation an ASEv3 subnet needs ([beyond] ASEv3 networking doc, BEYOND.ASE_V3_NETWORKING). */
export const ASE_V3_DELEGATION = 'Microsoft.Web/hostingEnvironments';

/**
 * `ase/subnet-delegation` — an ASEv3 subnet is delegated to `Microsoft.Web/hostingEnvironments`
 * (and to nothing else). Source [beyond]: ASEv3 networking doc.
 */
export const aseSubnetDelegation: Rule = {
  meta: {
    id: 'ase/subnet-delegation',
    title: 'ASEv3 subnets are delegated to Microsoft.Web/hostingEnvironments',
    description: 'The subnet of an App Service Environment v3 must be delegated to Microsoft.Web/hostingEnvironments.',
    severity: 'error',
    source: BEYOND.ASE_V3_NETWORKING,
    sourceUrl: BEYOND.ASE_V3_NETWORKING,
  },
  check(model, ctx) {
    for (const { ase, subnet } of aseSites(model, ctx, [3], 'the subnet delegation check')) {
      const list = subnet.delegations;
      let found = false;
      let unknown = false;
      for (const d of list.items) {
        if (!d.known) {
          unknown = true;
          continue;
        }
        if (d.value.toLowerCase() === ASE_V3_DELEGATION.toLowerCase()) {
          found = true;
          continue;
        }
        ctx.report({
          range: d.range,
          entity: subnet,
          message:
            `${aseText(ase)} (ASEv3) uses ${subnetText(subnet)}, which is delegated to '${d.value}'; ` +
            `an ASEv3 subnet must be delegated to ${ASE_V3_DELEGATION} only. Replace this delegation with serviceName '${ASE_V3_DELEGATION}'.`,
          data: ['other', d.value.toLowerCase()],
        });
      }
      if (found) continue;
      if (unknown || list.unknown) {
        const u = list.unknown ?? list.items.find((d) => !d.known);
        if (u && !u.known) ctx.couldNotVerify(u, subnet, `the subnet delegation of ${aseText(ase)} (needs ${ASE_V3_DELEGATION})`);
        continue;
      }
      if (list.items.length > 0) continue; // already reported: delegated to another service
      ctx.report({
        range: list.range ?? subnet.range,
        entity: subnet,
        message:
          `${aseText(ase)} (ASEv3) uses ${subnetText(subnet)}, which has no subnet delegation; ` +
          `an ASEv3 subnet must be delegated to ${ASE_V3_DELEGATION}. Add a delegation with serviceName '${ASE_V3_DELEGATION}'.`,
        data: ['missing'],
      });
    }
  },
};
