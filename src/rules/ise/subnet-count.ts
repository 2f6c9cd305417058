import { keyName } from '../../model/keys.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { nameOf } from './ise-subnets.js';
import { propertyName } from './property-names.js';

/** Subnets an ISE needs, whatever its SKU (seed 000, *Prerequisites* and *Create subnets*). */
export const ISE_SUBNET_COUNT = 4;

/**
 * `ise/subnet-count` — an ISE names exactly four subnets, even with the Developer SKU, which uses
 * three (seed 000, *Prerequisites*: "The Developer ISE SKU uses three subnets, but you still
 * have to create four subnets"). This rule also owns the "could not verify" notes for ISE subnet
 * references that can't be resolved (the other ISE rules skip them).
 */
export const subnetCount: Rule = {
  meta: {
    id: 'ise/subnet-count',
    title: 'An ISE uses exactly four subnets',
    description: 'An integration service environment names exactly four distinct subnets in networkConfiguration.subnets, even with the Developer SKU.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Prerequisites'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    for (const ise of model.all('ise')) {
      if (ise.existing) continue;
      if (ise.subnets.unknown) {
        ctx.couldNotVerify(ise.subnets.unknown, ise, 'the number of ISE subnets');
        continue;
      }
      const unknown = ise.subnets.items.filter((r) => !r.known);
      for (const u of unknown) if (!u.known) ctx.couldNotVerify(u, ise, 'which subnet the ISE uses');
      // Unknown is not false: subnets the checked files don't declare can't be checked (size,
      // delegation, emptiness, NSG, routes): one note for the ISE, at the first of them.
      const undeclared = ise.subnets.items.filter((r) => r.known && !model.resolve('subnet', r, ise));
      if (undeclared.length > 0) {
        const names = undeclared.map((r) => `'${keyName(r.known ? r.value : '')}'`).join(', ');
        ctx.report({
          entity: ise,
          range: undeclared[0]!.range,
          severity: 'note',
          data: ['subnets-not-declared'],
          message: `Could not verify ISE subnet${undeclared.length === 1 ? '' : 's'} ${names} of ISE '${nameOf(ise)}' (size, delegation, emptiness, NSG and routes): not declared in the checked files. Check the folder that deploys ${undeclared.length === 1 ? 'it' : 'them'} too.`,
        });
      }
      const keys: string[] = [];
      let duplicate: string | undefined;
      for (const r of ise.subnets.items) {
        if (!r.known) continue;
        if (keys.includes(r.value)) duplicate ??= r.value;
        else keys.push(r.value);
      }
      const range = ise.subnets.range ?? ise.range;
      const sku = ise.sku?.known ? ` (SKU ${ise.sku.value})` : '';
      if (keys.length > ISE_SUBNET_COUNT) {
        ctx.report({
          entity: ise,
          range,
          data: ['too-many'],
          message: `ISE '${nameOf(ise)}'${sku} names ${keys.length} subnets; an ISE uses exactly ${ISE_SUBNET_COUNT}. Keep four empty /27 subnets in ${propertyName(ise.format, 'networkConfiguration.subnets')}.`,
        });
      } else if (unknown.length === 0 && keys.length < ISE_SUBNET_COUNT) {
        const dup = duplicate ? ` (one subnet is listed twice)` : '';
        const dev = ise.sku?.known && ise.sku.value.toLowerCase().startsWith('developer') ? ' The Developer SKU uses three, but still needs four.' : '';
        ctx.report({
          entity: ise,
          range,
          data: ['too-few'],
          message: `ISE '${nameOf(ise)}'${sku} names ${keys.length} distinct subnet${keys.length === 1 ? '' : 's'}${dup}; an ISE needs exactly ${ISE_SUBNET_COUNT} empty subnets.${dev} Add ${ISE_SUBNET_COUNT - keys.length} more /27 subnet${ISE_SUBNET_COUNT - keys.length === 1 ? '' : 's'} to ${propertyName(ise.format, 'networkConfiguration.subnets')}.`,
        });
      }
    }
  },
};
