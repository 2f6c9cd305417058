import type { Rule } from '../types.js';
import { aseRetired } from './retired.js';
import { aseSubnetDedicated } from './subnet-dedicated.js';
import { aseSubnetSize } from './subnet-size.js';
import { aseSubnetDelegation } from './subnet-delegation.js';
import { aseSubnetPrefixString } from './subnet-prefix-string.js';
import { aseNsgNotAssociated } from './nsg-not-associated.js';
import { aseExpressRouteRoute } from './expressroute-route.js';
import { aseNsgInbound } from './nsg-inbound.js';
import { aseNsgOutbound } from './nsg-outbound.js';
import { aseNsgLoadBalancer } from './nsg-load-balancer.js';
import { aseNsgAppPorts } from './nsg-app-ports.js';
import { aseCustomDns } from './custom-dns.js';

/** The App Service Environment rules (requirements.md, "App Service Environment"), one module each. */
export const aseRules: Rule[] = [
  aseRetired,
  aseSubnetDedicated,
  aseSubnetSize,
  aseSubnetDelegation,
  aseSubnetPrefixString,
  aseNsgInbound,
  aseNsgOutbound,
  aseNsgLoadBalancer,
  aseNsgAppPorts,
  aseNsgNotAssociated,
  aseExpressRouteRoute,
  aseCustomDns,
];
