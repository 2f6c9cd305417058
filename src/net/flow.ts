import type { NetworkSecurityGroup, SecurityRule } from '../model/entities.js';
import type { UnknownValue } from '../model/value.js';

/** An inclusive port range, 0–65535. */
export interface PortRange {
  from: number;
  to: number;
}

/** Protocols a required flow needs; "both TCP and UDP" (seed 000, *Enable access for ISE*) is `['Tcp', 'Udp']`. */
export type FlowProtocol = 'Tcp' | 'Udp' | 'Icmp';

/**
 * A flow the platform needs (requirements.md, "NSG semantics"): direction, protocols, source,
 * destination and destination ports; source ports are always `*`.
 * Addresses are written as in NSG rules: `*`, a CIDR or IP, or a service tag (`VirtualNetwork`,
 * `AppServiceManagement`, `Storage.WestUS`, ...).
 */
export interface RequiredFlow {
  direction: 'Inbound' | 'Outbound';
  protocols: FlowProtocol[];
  source: string;
  destination: string;
  /** Destination ports; `'*'` = every port. */
  ports: PortRange[] | '*';
}

/**
 * What the evaluator needs to compare addresses: the address prefixes that the `VirtualNetwork`
 * service tag covers for this subnet (its VNet's address space plus peered spaces).
 */
export interface AddressContext {
  virtualNetworkPrefixes: string[];
}

/** One of the six default security rules (always present, cannot be removed). */
export interface DefaultSecurityRule {
  isDefault: true;
  name: 'AllowVnetInBound' | 'AllowAzureLoadBalancerInBound' | 'DenyAllInBound' | 'AllowVnetOutBound' | 'AllowInternetOutBound' | 'DenyAllOutBound';
  priority: 65000 | 65001 | 65500;
  direction: 'Inbound' | 'Outbound';
  access: 'Allow' | 'Deny';
}

/** The rule that decided: a written security rule or a default one. */
export type DecidingRule = SecurityRule | DefaultSecurityRule;

/**
 * The evaluator's answer for a required flow:
 * - `allowed`: every protocol and port reaches an Allow before any Deny (or there is no NSG);
 * - `blocked`: some protocol/port hits a Deny first — `by` is that rule (a default rule means
 *   nothing allowed it: point at the NSG), `protocol`/`port` the first blocked part;
 * - `unknown`: a rule that could decide has an unresolved value or an address we can't compare.
 */
export type FlowVerdict =
  | { verdict: 'allowed' }
  | {
      verdict: 'blocked';
      by: DecidingRule;
      protocol: FlowProtocol;
      port: PortRange | '*';
      /**
       * Allow rules that matched the blocked part before `by` but let only part of it through
       * (a source port range other than `*`, or only part of the source/destination addresses).
       * Optional; empty or absent when nothing allowed any of it.
       */
      partialAllows?: SecurityRule[];
      /**
       * Every part of the flow that `by` blocks, per protocol (ports merged), `protocol`/`port` being
       * the first. Optional; set by the evaluator.
       */
      blockedParts?: { protocol: FlowProtocol; ports: PortRange[] }[];
    }
  | {
      verdict: 'unknown';
      /**
       * The security rule whose value could not be resolved or whose address could not be compared.
       * Absent when the NSG's rule list itself could not be enumerated (`nsg.rulesUnknown`).
       */
      at?: SecurityRule;
      /** The unresolved value, when the cause is one (`value.range` is where it is written). */
      value?: UnknownValue;
      /** Why, as a clause: "the destination port range is unknown", "… is compared to service tag Storage". */
      reason: string;
    };

export type EvaluateFlow = (nsg: NetworkSecurityGroup | undefined, flow: RequiredFlow, ctx: AddressContext) => FlowVerdict;
