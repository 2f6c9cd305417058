import { BEYOND } from '../sources.js';
import type { Rule } from '../types.js';
import { aseSites, aseText, subnetText } from './ase-site.js';

/**
 * `ase/subnet-prefix-string` — an ASEv3 subnet writes its range in the string `addressPrefix`,
 * not the `addressPrefixes` array (ASEv3 deployment validation rejects the array).
 * Terraform's `address_prefixes` with a single item is sent as `addressPrefix` by the azurerm
 * provider, so only a Terraform list of two or more prefixes is flagged.
 * Source [beyond]: ASEv3 networking doc (BEYOND.ASE_V3_NETWORKING).
 */
export const aseSubnetPrefixString: Rule = {
  meta: {
    id: 'ase/subnet-prefix-string',
    title: 'ASEv3 subnets use the string addressPrefix',
    description: "The subnet of an App Service Environment v3 must set its range in 'addressPrefix' (a string), not in the 'addressPrefixes' array.",
    severity: 'error',
    source: BEYOND.ASE_V3_NETWORKING,
    sourceUrl: BEYOND.ASE_V3_NETWORKING,
  },
  check(model, ctx) {
    for (const { ase, subnet } of aseSites(model, ctx, [3], 'the subnet prefix property check')) {
      if (subnet.prefixProperty !== 'addressPrefixes') continue;
      const list = subnet.addressPrefixes;
      if (subnet.format === 'terraform' && list.items.length <= 1 && !list.unknown) continue;
      const first = list.items.find((i) => i.known);
      const example = first && first.known ? first.value : '10.0.1.0/24';
      ctx.report({
        range: list.range ?? list.items[0]?.range ?? subnet.range,
        entity: subnet,
        message:
          `${aseText(ase)} (ASEv3) uses ${subnetText(subnet)}, whose range is written as 'addressPrefixes' (an array); ` +
          `ASEv3 needs the single string property 'addressPrefix'. Write "addressPrefix": "${example}" instead.`,
      });
    }
  },
};
