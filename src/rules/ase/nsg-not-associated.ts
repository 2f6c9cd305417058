import type { NetworkSecurityGroup, SecurityRule } from '../../model/entities.js';
import { parsePortRange } from '../../net/ports.js';
import { SEEDS, seedSection } from '../sources.js';
import { nameOf } from '../shared/subnet-facts.js';
import type { Rule } from '../types.js';
import { aseSites, aseText, subnetText } from './ase-site.js';

/**
 * `ase/nsg-not-associated` — an NSG written for the ASE is associated with the ASE subnet
 * (seed 003 *Network Security Groups*, last paragraph: "After your NSGs are defined, assign them
 * to the subnet that your ASE is on"). An NSG counts as written for the ASE when no subnet uses it,
 * it is deployed from the same scope as the ASE, and either one of its rules serves the ASE
 * management flow (source `AppServiceManagement`, or inbound destination ports 454–455) or its
 * name says so (`ase` as a word, `hostingEnvironment`). Only ASE subnets without any NSG are
 * reported: a subnet with an NSG of its own was protected on purpose (the ASE NSG rules check it).
 */
export const aseNsgNotAssociated: Rule = {
  meta: {
    id: 'ase/nsg-not-associated',
    title: 'The NSG written for the ASE is on the ASE subnet',
    description: 'An NSG that carries ASE rules but is associated with no subnet is most likely meant for the ASE subnet and protects nothing.',
    severity: 'warning',
    source: seedSection(SEEDS.ASE_NETWORKING, 'Network Security Groups'),
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    const candidates = model.all('nsg').filter((n) => !n.existing && model.subnetsUsingNsg(n).length === 0 && looksWrittenForAse(n));
    if (candidates.length === 0) return;
    for (const { ase, subnet } of aseSites(model, ctx, [1, 2, 3], 'the NSG association check')) {
      // A subnet with an NSG of its own was protected on purpose: only a subnet without NSG is reported.
      if (subnet.nsg) continue;
      for (const nsg of candidates) {
        if (nsg.scope !== ase.scope) continue;
        // A subnet of that scope whose NSG reference is unknown may well be using this NSG.
        if (model.all('subnet').some((o) => o.scope === nsg.scope && o.nsg && !o.nsg.known)) continue;
        const name = `NSG '${nameOf(nsg)}'`;
        ctx.report({
          range: subnet.range,
          entity: subnet,
          message:
            `${name} looks written for ${aseText(ase)} but is associated with no subnet, and ${subnetText(subnet)} of the ASE has no networkSecurityGroup; the NSG's rules protect nothing. ` +
            `Set the subnet's networkSecurityGroup.id to this NSG.`,
          related: [{ range: nsg.range, message: `${name}, associated with no subnet` }],
          data: [nsg.key],
        });
      }
    }
  },
};

/** True when the NSG serves the ASE management flow or is named for an ASE. */
export function looksWrittenForAse(nsg: NetworkSecurityGroup): boolean {
  if (nsg.name.known) {
    const n = nsg.name.value;
    // `ase` as a word (`ase-nsg`, `nsg_ASEv2`), a camelCase start (`aseNsg`), or `hostingEnvironment`.
    if (/(^|[^a-z])ase(v[123])?([^a-z]|$)|hostingenvironment/i.test(n) || /^ase(v[123])?[A-Z]/.test(n)) return true;
  }
  return nsg.securityRules.some(servesAseManagement);
}

function servesAseManagement(r: SecurityRule): boolean {
  const src = r.sourceAddressPrefixes.items.some((p) => p.known && p.value.toLowerCase() === 'appservicemanagement');
  if (src) return true;
  const inbound = r.direction?.known && r.direction.value.toLowerCase() === 'inbound';
  if (!inbound) return false;
  return r.destinationPortRanges.items.some((p) => {
    if (!p.known) return false;
    const pr = parsePortRange(p.value);
    return pr.ok && !pr.any && pr.range.from <= 454 && pr.range.to >= 455;
  });
}
