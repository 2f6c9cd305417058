import type { PortRange } from '../../net/flow.js';
import { SEEDS, seedSection } from '../sources.js';

/**
 * The ISE's required NSG flows as data (requirements.md, "ISE inbound" / "ISE outbound"; seed 000,
 * *Network ports used by your ISE*, tables *Inbound security rules* and *Outbound security rules*).
 *
 * Addresses are written as in NSG rules (`*`, a service tag) or as one of the placeholders below,
 * which the rules expand per ISE subnet:
 * - `ISE_SUBNET`: the ISE subnet whose NSG is checked (its address prefix) — the table's
 *   `VirtualNetwork` destination of inbound flows and source of outbound flows, narrowed to the
 *   subnet the NSG protects, so a rule written for the subnet's own CIDR counts;
 * - `VNET_SPACE`: "Address space for the virtual network with ISE subnets", one flow per prefix;
 * - `DNS_SERVER`: each custom DNS server of the VNet (`dhcpOptions.dnsServers`).
 *
 * Every row needs both TCP and UDP: "you need to use *both* the TCP and UDP protocols, or you can
 * select Any" (seed 000, *Enable access for ISE*). Source ports are always `*` (seed 000, IMPORTANT
 * box of *Network ports used by your ISE*).
 */

/** Placeholder: the ISE subnet whose NSG is evaluated. */
export const ISE_SUBNET = '<ISE subnet>';
/** Placeholder: each address prefix of the VNet that holds the ISE subnets. */
export const VNET_SPACE = '<VNet address space>';
/** Placeholder: each custom DNS server IP of the VNet. */
export const DNS_SERVER = '<custom DNS server>';

/**
 * When a row applies: always; only for an ISE with an internal or an external access endpoint
 * (seed 002, *ISE endpoint access*); only when the VNet uses custom DNS servers.
 */
export type IsePortWhen = 'always' | 'internal' | 'external' | 'custom-dns';

/** One required flow of the ISE tables. */
export interface IsePortRow {
  /** Short purpose, as the seed's Purpose column says it (used in messages). */
  purpose: string;
  direction: 'Inbound' | 'Outbound';
  /** Destination ports; `'*'` = every port. */
  ports: PortRange[] | '*';
  /** Source address: `*`, a service tag, or a placeholder. */
  source: string;
  /** Destination address: `*`, a service tag, or a placeholder. */
  destination: string;
  when: IsePortWhen;
  /** Needed over both TCP and UDP (or Any). True for every ISE row (seed 000, *Enable access for ISE*). */
  bothProtocols: boolean;
  /**
   * The seed lets the caller's specific IP addresses replace the source tag ("Rather than use the
   * Internet service tag, you can specify the source IP address..."): an Allow rule from literal
   * public addresses on these ports satisfies the row.
   */
  orSpecificSources?: boolean;
  /** Seed file + section slug. */
  citation: string;
}

const p = (...ports: (number | [number, number])[]): PortRange[] =>
  ports.map((x) => (typeof x === 'number' ? { from: x, to: x } : { from: x[0], to: x[1] }));

const INBOUND = seedSection(SEEDS.ISE_2022, 'Inbound security rules');
const OUTBOUND = seedSection(SEEDS.ISE_2022, 'Outbound security rules');

/** Inbound rows (seed 000, *Inbound security rules*). */
export const ISE_INBOUND: readonly IsePortRow[] = [
  { purpose: 'intersubnet communication', direction: 'Inbound', ports: '*', source: VNET_SPACE, destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
  { purpose: 'calls to logic apps and run history of an internal ISE', direction: 'Inbound', ports: p(443), source: 'VirtualNetwork', destination: ISE_SUBNET, when: 'internal', bothProtocols: true, citation: INBOUND },
  { purpose: 'calls to logic apps and run history of an external ISE', direction: 'Inbound', ports: p(443), source: 'Internet', destination: ISE_SUBNET, when: 'external', bothProtocols: true, orSpecificSources: true, citation: INBOUND },
  { purpose: 'Logic Apps designer dynamic properties', direction: 'Inbound', ports: p(454), source: 'LogicAppsManagement', destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
  { purpose: 'network health check', direction: 'Inbound', ports: p(454), source: 'LogicApps', destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
  { purpose: 'connector deployment', direction: 'Inbound', ports: p(454), source: 'AzureConnectors', destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
  { purpose: 'App Service management', direction: 'Inbound', ports: p(454, 455), source: 'AppServiceManagement', destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
  { purpose: 'Azure Traffic Manager probes of an internal ISE', direction: 'Inbound', ports: p(454), source: 'AzureTrafficManager', destination: ISE_SUBNET, when: 'internal', bothProtocols: true, citation: INBOUND },
  { purpose: 'Azure Traffic Manager probes of an external ISE', direction: 'Inbound', ports: p(443), source: 'AzureTrafficManager', destination: ISE_SUBNET, when: 'external', bothProtocols: true, citation: INBOUND },
  { purpose: 'API Management management endpoint and connector policy deployment', direction: 'Inbound', ports: p(3443), source: 'ApiManagement', destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
  { purpose: 'Azure Cache for Redis between role instances', direction: 'Inbound', ports: p([6379, 6383]), source: 'VirtualNetwork', destination: ISE_SUBNET, when: 'always', bothProtocols: true, citation: INBOUND },
];

/** Outbound rows (seed 000, *Outbound security rules*). */
export const ISE_OUTBOUND: readonly IsePortRow[] = [
  { purpose: 'intersubnet communication', direction: 'Outbound', ports: '*', source: ISE_SUBNET, destination: VNET_SPACE, when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'logic app outbound and TLS certificate verification', direction: 'Outbound', ports: p(80, 443), source: ISE_SUBNET, destination: 'Internet', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'Azure Active Directory', direction: 'Outbound', ports: p(80, 443), source: ISE_SUBNET, destination: 'AzureActiveDirectory', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'Azure Storage dependency', direction: 'Outbound', ports: p(80, 443, 445), source: ISE_SUBNET, destination: 'Storage', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'connection management', direction: 'Outbound', ports: p(443), source: ISE_SUBNET, destination: 'AppService', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'diagnostic logs and metrics', direction: 'Outbound', ports: p(443), source: ISE_SUBNET, destination: 'AzureMonitor', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'Azure SQL dependency', direction: 'Outbound', ports: p(1433), source: ISE_SUBNET, destination: 'Sql', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'Azure Resource Health', direction: 'Outbound', ports: p(1886), source: ISE_SUBNET, destination: 'AzureMonitor', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'Event Hubs for the log policy and monitoring agent', direction: 'Outbound', ports: p(5672), source: ISE_SUBNET, destination: 'EventHub', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'Azure Cache for Redis between role instances', direction: 'Outbound', ports: p([6379, 6383]), source: ISE_SUBNET, destination: 'VirtualNetwork', when: 'always', bothProtocols: true, citation: OUTBOUND },
  { purpose: 'DNS name resolution on custom DNS servers', direction: 'Outbound', ports: p(53), source: ISE_SUBNET, destination: DNS_SERVER, when: 'custom-dns', bothProtocols: true, citation: OUTBOUND },
];
