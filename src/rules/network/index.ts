import type { Rule } from '../types.js';
import { networkPrefixInvalid } from './prefix-invalid.js';
import { networkSubnetOutsideVnet } from './subnet-outside-vnet.js';
import { networkSubnetOverlap } from './subnet-overlap.js';
import { networkNsgPriority } from './nsg-priority.js';
import { networkNsgPortRange } from './nsg-port-range.js';
import { networkPeeringOverlap } from './peering-overlap.js';

/** The network-validity rules (requirements.md, "Network validity"; [beyond] the seeds), one module each. */
export const networkRules: Rule[] = [
  networkPrefixInvalid,
  networkSubnetOutsideVnet,
  networkSubnetOverlap,
  networkNsgPriority,
  networkNsgPortRange,
  networkPeeringOverlap,
];
