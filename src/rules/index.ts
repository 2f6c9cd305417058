import type { Rule } from './types.js';
import { iseRules } from './ise/index.js';
import { aseRules } from './ase/index.js';
import { vnetIntegrationRules } from './vnet-integration/index.js';
import { networkRules } from './network/index.js';

/** Every shipped rule, in catalogue order (requirements.md). */
export const allRules: Rule[] = [...iseRules, ...aseRules, ...vnetIntegrationRules, ...networkRules];

/** A rule by id, or undefined. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
