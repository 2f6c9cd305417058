import { nameOf } from '../shared/subnet-facts.js';
import type { NetworkSecurityGroup, SecurityRule, Subnet, VirtualNetwork } from '../../model/entities.js';

/** "security rule 'name'" for messages. */
export function ruleText(r: SecurityRule): string {
  return `Security rule '${nameOf(r)}'`;
}

/** "subnet 'name'" for messages. */
export function subnetName(s: Subnet): string {
  return `subnet '${nameOf(s)}'`;
}

/** "VNet 'name'" for messages. */
export function vnetName(v: VirtualNetwork): string {
  return `VNet '${nameOf(v)}'`;
}

/** "NSG 'name'" for messages. */
export function nsgName(n: NetworkSecurityGroup): string {
  return `NSG '${nameOf(n)}'`;
}
