import type { Rule } from '../types.js';
import { subnetDelegation } from './subnet-delegation.js';
import { subnetSize } from './subnet-size.js';
import { multiPlanSubnet } from './multi-plan-subnet.js';
import { subnetCapacity } from './subnet-capacity.js';
import { subnetDedicated } from './subnet-dedicated.js';
import { ipv6AddressSpace } from './ipv6-address-space.js';
import { serviceEndpointPolicies } from './service-endpoint-policies.js';
import { sameRegion } from './same-region.js';
import { planLimit } from './plan-limit.js';
import { planTierRule } from './plan-tier.js';
import { networkingUnits } from './networking-units.js';
import { contentSharePorts } from './content-share-ports.js';
import { routeAllDependencies } from './route-all-dependencies.js';
import { imagePull } from './image-pull.js';
import { privatePorts } from './private-ports.js';
import { healthCheck } from './health-check.js';
import { inboundRulesIneffective } from './inbound-rules-ineffective.js';

/**
 * The vnet-integration rules (one module each), in catalogue order (requirements.md, "App Service
 * regional VNet integration (seed 004)"). `dangling-delegation` and `vnet-in-use` need the change
 * under review and are deferred.
 */
export const vnetIntegrationRules: Rule[] = [
  subnetDelegation,
  subnetSize,
  multiPlanSubnet,
  subnetCapacity,
  subnetDedicated,
  ipv6AddressSpace,
  serviceEndpointPolicies,
  sameRegion,
  planLimit,
  planTierRule,
  networkingUnits,
  contentSharePorts,
  routeAllDependencies,
  imagePull,
  privatePorts,
  healthCheck,
  inboundRulesIneffective,
];
