import { prefixSizeText } from '../../net/cidr.js';
import { SEEDS, seedSection } from '../sources.js';
import type { Rule } from '../types.js';
import { subnetPrefix } from '../shared/subnet-facts.js';
import { aseSites, aseText, subnetText } from './ase-site.js';

/** ASEv1/v2: recommended prefix length, /25 = 128 addresses (seed 003 *Deploy into existing … ExpressRoute*, note). */
export const ASE_V2_RECOMMENDED_LENGTH = 25;
/** ASEv3: smallest subnet, /27 = 32 addresses ([beyond] ASEv3 networking doc). */
export const ASE_V3_MIN_LENGTH = 27;
/** ASEv3: recommended subnet, /24 = 256 addresses; /23 when scaling near 200 instances ([beyond] ASEv3 networking doc). */
export const ASE_V3_RECOMMENDED_LENGTH = 24;

const V2_SOURCE = seedSection(SEEDS.ASE_NETWORKING, 'Deploy into existing Azure virtual networks that are integrated with ExpressRoute');

/**
 * `ase/subnet-size` — v1/v2: /25 (128 addresses) recommended (warning when smaller; the size can't
 * change later). v3: error below /27 (32 addresses), warning below /24 (256 addresses).
 * Sources: seed 003 (v1/v2); [beyond] ASEv3 networking doc (v3).
 */
export const aseSubnetSize: Rule = {
  meta: {
    id: 'ase/subnet-size',
    title: 'ASE subnets are large enough',
    description:
      'ASEv1/v2 subnets should be /25 (128 addresses). ASEv3 subnets must be at least /27 (32 addresses) and should be /24 (256 addresses), /23 to scale near 200 instances.',
    severity: 'warning',
    source: V2_SOURCE,
    sourceUrl: SEEDS.ASE_NETWORKING.url,
  },
  check(model, ctx) {
    for (const { ase, version, subnet } of aseSites(model, ctx, [1, 2, 3], 'the ASE subnet checks (size, delegation, dedicated, NSG, routes)', true)) {
      const pf = subnetPrefix(subnet);
      if (pf.kind === 'unknown') ctx.couldNotVerify(pf.value, subnet, `the ASE subnet's address prefix, to check its size`);
      if (pf.kind !== 'known') continue; // invalid prefixes: network/prefix-invalid
      const len = pf.prefix.length;
      const has = `${aseText(ase)} (ASEv${version}) uses ${subnetText(subnet)}, which is ${prefixSizeText(len)}`;
      if (version !== 3) {
        if (len <= ASE_V2_RECOMMENDED_LENGTH) continue;
        ctx.report({
          range: pf.value.range,
          entity: subnet,
          severity: 'warning',
          message:
            `${has}; an ASEv${version} subnet should be ${prefixSizeText(ASE_V2_RECOMMENDED_LENGTH)} to leave room for scaling, ` +
            `and the size can't change after the ASE is created. Use a /25 or larger prefix.`,
          data: ['v12'],
        });
        continue;
      }
      if (len > ASE_V3_MIN_LENGTH) {
        ctx.report({
          range: pf.value.range,
          entity: subnet,
          severity: 'error',
          message:
            `${has}; an ASEv3 subnet must be at least ${prefixSizeText(ASE_V3_MIN_LENGTH)}. ` +
            `Use ${prefixSizeText(ASE_V3_RECOMMENDED_LENGTH)} (recommended), or /23 to scale near 200 instances.`,
          data: ['v3-min'],
        });
      } else if (len > ASE_V3_RECOMMENDED_LENGTH) {
        ctx.report({
          range: pf.value.range,
          entity: subnet,
          severity: 'warning',
          message:
            `${has}; ${prefixSizeText(ASE_V3_RECOMMENDED_LENGTH)} is recommended for an ASEv3 subnet (/23 to scale near 200 instances), ` +
            `and the size can't change later. Use a /24 or larger prefix.`,
          data: ['v3-recommended'],
        });
      }
    }
  },
};
