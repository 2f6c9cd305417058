import type { FlowProtocol, PortRange, RequiredFlow } from '../../net/flow.js';
import { SEEDS, seedSection } from '../sources.js';
import type { AseVersion } from './ase-site.js';

/**
 * The ASE v1/v2 required-port tables (requirements.md, "ASE v1/v2 inbound" / "outbound"; seed 003
 * `003_805698cdc7b2ca77.txt`), as data rows. Each row cites its seed section. `ASE_SUBNET` stands
 * for the ASE subnet's address prefix and is filled in per ASE by `flowsFor`.
 * Ports are destination ports (source ports are always `*`); protocols: TCP for the service
 * endpoints the seed names by host name and port, TCP and UDP where the seed says "all ports"
 * and for DNS.
 */

/** Placeholder for the ASE subnet's address prefix in a row's source or destination. */
export const ASE_SUBNET = '$aseSubnet';

/** One required flow of an ASE table, before the ASE subnet is filled in. */
export interface AseFlowRow {
  /** Stable id of the row (feeds the finding's data). */
  id: string;
  /** What the flow is for, as the seed names it ("App Service management"). */
  purpose: string;
  direction: 'Inbound' | 'Outbound';
  protocols: FlowProtocol[];
  /** `*`, a service tag, or ASE_SUBNET. */
  from: string;
  /** `*`, a service tag, or ASE_SUBNET. */
  to: string;
  ports: PortRange[] | '*';
  /** ASE generations the row applies to. */
  versions: AseVersion[];
  /** Seed file + section of the requirement. */
  source: string;
}

const DEPENDENCIES = seedSection(SEEDS.ASE_NETWORKING, 'ASE dependencies');
const NSGS = seedSection(SEEDS.ASE_NETWORKING, 'Network Security Groups');
const OVERVIEW = seedSection(SEEDS.ASE_NETWORKING, 'Overview');
const V12: AseVersion[] = [1, 2];
const TCP: FlowProtocol[] = ['Tcp'];
const TCP_UDP: FlowProtocol[] = ['Tcp', 'Udp'];
const p = (from: number, to = from): PortRange => ({ from, to });

/** ASE v1/v2 inbound (seed 003 *ASE dependencies*, inbound table), without the load balancer row. */
export const ASE_INBOUND_ROWS: readonly AseFlowRow[] = [
  { id: 'management', purpose: 'App Service management', direction: 'Inbound', protocols: TCP, from: 'AppServiceManagement', to: ASE_SUBNET, ports: [p(454), p(455)], versions: V12, source: DEPENDENCIES },
  { id: 'internal-in', purpose: 'ASE internal communication', direction: 'Inbound', protocols: TCP_UDP, from: ASE_SUBNET, to: ASE_SUBNET, ports: '*', versions: V12, source: DEPENDENCIES },
];

/** ASE v1/v2 outbound (seed 003 *ASE dependencies*, outbound table). */
export const ASE_OUTBOUND_ROWS: readonly AseFlowRow[] = [
  { id: 'storage', purpose: 'Azure Storage', direction: 'Outbound', protocols: TCP, from: ASE_SUBNET, to: 'Storage', ports: [p(80), p(443)], versions: [2], source: DEPENDENCIES },
  { id: 'storage-v1', purpose: 'Azure Storage (445 is needed by ASEv1)', direction: 'Outbound', protocols: TCP, from: ASE_SUBNET, to: 'Storage', ports: [p(80), p(443), p(445)], versions: [1], source: DEPENDENCIES },
  { id: 'sql', purpose: 'Azure SQL Database', direction: 'Outbound', protocols: TCP, from: ASE_SUBNET, to: 'Sql', ports: [p(1433), p(11000, 11999), p(14000, 14999)], versions: V12, source: DEPENDENCIES },
  {
    id: 'management-443',
    purpose: 'Azure management, Azure AD, App Service management and TLS certificate checks',
    direction: 'Outbound',
    protocols: TCP,
    from: ASE_SUBNET,
    to: 'Internet',
    ports: [p(443)],
    versions: V12,
    source: DEPENDENCIES,
  },
  { id: 'dns', purpose: 'Azure DNS', direction: 'Outbound', protocols: TCP_UDP, from: ASE_SUBNET, to: 'Internet', ports: [p(53)], versions: V12, source: DEPENDENCIES },
  { id: 'internal-out', purpose: 'ASE internal communication', direction: 'Outbound', protocols: TCP_UDP, from: ASE_SUBNET, to: ASE_SUBNET, ports: '*', versions: V12, source: DEPENDENCIES },
];

/**
 * `AzureLoadBalancer` → ASE subnet (seed 003 *ASE dependencies* and *Network Security Groups*):
 * all ports for an External ASE; at least 454, 455 and 16001 (keep-alive) for an ILB ASE.
 */
export const ASE_LOAD_BALANCER_ROWS: { external: AseFlowRow; ilb: AseFlowRow } = {
  external: { id: 'load-balancer', purpose: 'Azure load balancer (the VIP)', direction: 'Inbound', protocols: TCP, from: 'AzureLoadBalancer', to: ASE_SUBNET, ports: '*', versions: V12, source: NSGS },
  ilb: { id: 'load-balancer', purpose: 'Azure load balancer keep-alive and management (ILB ASE)', direction: 'Inbound', protocols: TCP, from: 'AzureLoadBalancer', to: ASE_SUBNET, ports: [p(454), p(455), p(16001)], versions: V12, source: DEPENDENCIES },
};

/** External ASE app access ports (seed 003 *Overview*, "The normal app access ports"), each a feature the apps may use. */
export const ASE_APP_PORT_ROWS: readonly AseFlowRow[] = [
  { id: 'http', purpose: 'HTTP/HTTPS app access', direction: 'Inbound', protocols: TCP, from: 'Internet', to: ASE_SUBNET, ports: [p(80), p(443)], versions: V12, source: OVERVIEW },
  { id: 'ftp', purpose: 'FTP/FTPS publishing (if the apps use it)', direction: 'Inbound', protocols: TCP, from: 'Internet', to: ASE_SUBNET, ports: [p(21), p(990), p(10001, 10020)], versions: V12, source: OVERVIEW },
  {
    id: 'remote-debugging',
    purpose: 'Visual Studio remote debugging (if the apps use it)',
    direction: 'Inbound',
    protocols: TCP,
    from: 'Internet',
    to: ASE_SUBNET,
    ports: [p(4016), p(4018), p(4020), p(4022)],
    versions: V12,
    source: OVERVIEW,
  },
];

/** The seed section of the custom DNS requirement (seed 003 *Customer DNS*). */
export const CUSTOMER_DNS_SOURCE = seedSection(SEEDS.ASE_NETWORKING, 'Customer DNS');

/** Outbound TCP and UDP 53 from the ASE subnet to a custom DNS server (seed 003 *Customer DNS*: "must be reachable from the subnet that contains the ASE"). */
export function customDnsRow(server: string): AseFlowRow {
  return {
    id: `custom-dns-${server}`,
    purpose: `DNS to the custom DNS server ${server}`,
    direction: 'Outbound',
    protocols: TCP_UDP,
    from: ASE_SUBNET,
    to: server,
    ports: [p(53)],
    versions: V12,
    source: CUSTOMER_DNS_SOURCE,
  };
}

/** The rows of `rows` that apply to `version`, as required flows with ASE_SUBNET replaced by `subnetPrefix`. */
export function flowsFor(rows: readonly AseFlowRow[], version: AseVersion, subnetPrefix: string): { row: AseFlowRow; flow: RequiredFlow }[] {
  const fill = (a: string) => (a === ASE_SUBNET ? subnetPrefix : a);
  return rows
    .filter((r) => r.versions.includes(version))
    .map((row) => ({
      row,
      flow: { direction: row.direction, protocols: row.protocols, source: fill(row.from), destination: fill(row.to), ports: row.ports },
    }));
}
