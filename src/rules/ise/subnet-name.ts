import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { allIseSubnets } from './ise-subnets.js';

/** Characters an ISE subnet name can't use (seed 000, *Create subnets*; seed 001, *Prerequisites*). */
export const ISE_SUBNET_NAME_FORBIDDEN = ['<', '>', '%', '&', '\\', '?', '/'] as const;

/**
 * `ise/subnet-name` — an ISE subnet's name starts with a letter or an underscore (no digit) and
 * has none of `<` `>` `%` `&` `\` `?` `/` (seed 000, *Create subnets*).
 */
export const subnetName: Rule = {
  meta: {
    id: 'ise/subnet-name',
    title: 'ISE subnet names start with a letter or underscore',
    description: "An ISE subnet's name starts with a letter or an underscore and contains none of < > % & \\ ? /.",
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Create subnets'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    for (const { subnet } of allIseSubnets(model, false)) {
      const n = subnet.name;
      if (!n.known) {
        ctx.couldNotVerify(n, subnet, "the ISE subnet's name");
        continue;
      }
      const problems: string[] = [];
      if (!/^[A-Za-z_]/.test(n.value)) problems.push(`starts with '${n.value.charAt(0)}'`);
      const bad = ISE_SUBNET_NAME_FORBIDDEN.filter((c) => n.value.includes(c));
      if (bad.length) problems.push(`contains ${bad.map((c) => `'${c}'`).join(', ')}`);
      if (!problems.length) continue;
      ctx.report({
        entity: subnet,
        range: n.range,
        message: `ISE subnet name '${n.value}' ${problems.join(' and ')}; an ISE subnet name must start with a letter or an underscore and must not contain < > % & \\ ? /. Rename the subnet (e.g. 'ise-${n.value.replace(/[^A-Za-z0-9_.-]/g, '')}').`,
      });
    }
  },
};
