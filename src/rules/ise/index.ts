import type { Rule } from '../types.js';
import { retired } from './retired.js';
import { subnetCount } from './subnet-count.js';
import { subnetSize } from './subnet-size.js';
import { subnetEmpty } from './subnet-empty.js';
import { subnetDelegation } from './subnet-delegation.js';
import { subnetName } from './subnet-name.js';
import { reservedAddressSpace } from './reserved-address-space.js';
import { expressrouteRoute } from './expressroute-route.js';
import { nsgInbound } from './nsg-inbound.js';
import { nsgOutbound } from './nsg-outbound.js';
import { nsgProtocol } from './nsg-protocol.js';
import { nsgSourcePort } from './nsg-source-port.js';
import { externalConnectorInbound } from './external-connector-inbound.js';
import { forcedTunneling } from './forced-tunneling.js';
import { customDns } from './custom-dns.js';
import { sameEnvironment } from './same-environment.js';

/**
 * The ISE rules (requirements.md, "Integration service environment"; seeds 000, 001, 002), one
 * module each, in catalogue order. Deferred (they need the change under review):
 * `ise/subnet-immutable` and the restart half of `ise/custom-dns`.
 */
export const iseRules: Rule[] = [
  retired,
  subnetCount,
  subnetSize,
  subnetEmpty,
  subnetDelegation,
  subnetName,
  reservedAddressSpace,
  expressrouteRoute,
  nsgInbound,
  nsgOutbound,
  nsgProtocol,
  nsgSourcePort,
  externalConnectorInbound,
  forcedTunneling,
  customDns,
  sameEnvironment,
];
