/**
 * Small ARM template builders for the ASE and network rule tests. Templates are built as objects
 * and printed with `JSON.stringify(…, null, 2)`, so every property sits on its own line and a test
 * finds the expected line by searching for a marker (`lineOf(text, '"priority": 100')`).
 */

type Json = Record<string, unknown>;

/** 1-based line of the `nth` (1-based) occurrence of `marker` in `text`, searching from the line of `after` when given. */
export function lineOf(text: string, marker: string, opts: { nth?: number; after?: string } = {}): number {
  let from = 0;
  if (opts.after !== undefined) {
    from = text.indexOf(opts.after);
    if (from < 0) throw new Error(`marker not found: ${opts.after}`);
  }
  let at = -1;
  for (let i = 0; i < (opts.nth ?? 1); i++) {
    at = text.indexOf(marker, from);
    if (at < 0) throw new Error(`marker not found: ${marker}`);
    from = at + marker.length;
  }
  return text.slice(0, at).split('\n').length;
}

/** An ARM deployment template with these resources (and optional parameters). */
export function template(resources: Json[], parameters: Json = {}): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters,
      resources,
    },
    null,
    2,
  );
}

export interface SecRuleSpec {
  name: string;
  priority: number | string;
  direction?: 'Inbound' | 'Outbound';
  access?: 'Allow' | 'Deny';
  protocol?: string;
  from?: string;
  to?: string;
  ports?: string | string[];
  sourcePorts?: string | string[];
}

/** An inline security rule. */
export function secRule(s: SecRuleSpec): Json {
  const props: Json = {
    priority: s.priority,
    direction: s.direction ?? 'Inbound',
    access: s.access ?? 'Allow',
    protocol: s.protocol ?? '*',
  };
  if (Array.isArray(s.sourcePorts)) props.sourcePortRanges = s.sourcePorts;
  else props.sourcePortRange = s.sourcePorts ?? '*';
  if (Array.isArray(s.ports)) props.destinationPortRanges = s.ports;
  else props.destinationPortRange = s.ports ?? '*';
  props.sourceAddressPrefix = s.from ?? '*';
  props.destinationAddressPrefix = s.to ?? '*';
  return { name: s.name, properties: props };
}

export function nsg(name: string, rules: Json[]): Json {
  return { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name, location: 'westeurope', properties: { securityRules: rules } };
}

export const nsgId = (name: string) => `[resourceId('Microsoft.Network/networkSecurityGroups', '${name}')]`;
export const routeTableId = (name: string) => `[resourceId('Microsoft.Network/routeTables', '${name}')]`;
export const subnetId = (vnet: string, subnet: string) => `[resourceId('Microsoft.Network/virtualNetworks/subnets', '${vnet}', '${subnet}')]`;
export const vnetId = (vnet: string) => `[resourceId('Microsoft.Network/virtualNetworks', '${vnet}')]`;

export interface SubnetSpec {
  name: string;
  /** Written as `addressPrefix` unless `prefixes` is set. */
  prefix?: string;
  prefixes?: string[];
  nsg?: string;
  routeTable?: string;
  delegation?: string;
}

/** An inline subnet of a VNet. */
export function subnet(s: SubnetSpec): Json {
  const props: Json = {};
  if (s.prefixes) props.addressPrefixes = s.prefixes;
  else if (s.prefix !== undefined) props.addressPrefix = s.prefix;
  if (s.nsg) props.networkSecurityGroup = { id: nsgId(s.nsg) };
  if (s.routeTable) props.routeTable = { id: routeTableId(s.routeTable) };
  if (s.delegation) props.delegations = [{ name: 'delegation', properties: { serviceName: s.delegation } }];
  return { name: s.name, properties: props };
}

export interface VnetSpec {
  name: string;
  prefixes: string[];
  subnets: Json[];
  dnsServers?: string[];
  dependsOn?: string[];
}

export function vnet(v: VnetSpec): Json {
  const props: Json = { addressSpace: { addressPrefixes: v.prefixes } };
  if (v.dnsServers) props.dhcpOptions = { dnsServers: v.dnsServers };
  props.subnets = v.subnets;
  const r: Json = { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: v.name, location: 'westeurope' };
  if (v.dependsOn) r.dependsOn = v.dependsOn;
  r.properties = props;
  return r;
}

export interface AseSpec {
  name?: string;
  /** ARM `kind`; `null` leaves it out. */
  kind?: string | null;
  vnet?: string;
  subnet?: string;
  /** `internalLoadBalancingMode`; default `None` for v1/v2 (External), `Web, Publishing` for v3. */
  ilb?: string;
}

export function ase(a: AseSpec = {}): Json {
  const kind = a.kind === undefined ? 'ASEV3' : a.kind;
  const r: Json = { type: 'Microsoft.Web/hostingEnvironments', apiVersion: '2022-03-01', name: a.name ?? 'ase1', location: 'westeurope' };
  if (kind !== null) r.kind = kind;
  r.properties = {
    virtualNetwork: { id: subnetId(a.vnet ?? 'vnet', a.subnet ?? 'ase-subnet') },
    internalLoadBalancingMode: a.ilb ?? (kind === 'ASEV3' ? 'Web, Publishing' : 'None'),
  };
  return r;
}

export function routeTable(name: string, routes: { name: string; prefix: string; hop: string }[]): Json {
  return {
    type: 'Microsoft.Network/routeTables',
    apiVersion: '2023-09-01',
    name,
    location: 'westeurope',
    properties: { routes: routes.map((r) => ({ name: r.name, properties: { addressPrefix: r.prefix, nextHopType: r.hop } })) },
  };
}

/** An ExpressRoute gateway in the VNet's GatewaySubnet. */
export function expressRouteGateway(vnetName = 'vnet'): Json {
  return {
    type: 'Microsoft.Network/virtualNetworkGateways',
    apiVersion: '2023-09-01',
    name: 'er-gateway',
    location: 'westeurope',
    properties: {
      gatewayType: 'ExpressRoute',
      sku: { name: 'Standard', tier: 'Standard' },
      ipConfigurations: [{ name: 'gw-ip', properties: { subnet: { id: subnetId(vnetName, 'GatewaySubnet') } } }],
    },
  };
}

/** The security rules an ASEv1/v2 subnet NSG needs (seed 003 *ASE dependencies*), ASE subnet = `subnetPrefix`. */
export function aseV2Rules(subnetPrefix: string): Json[] {
  return [
    secRule({ name: 'allow-management', priority: 100, protocol: 'Tcp', from: 'AppServiceManagement', ports: ['454', '455'] }),
    secRule({ name: 'allow-ase-internal-in', priority: 110, from: subnetPrefix, to: subnetPrefix }),
    secRule({ name: 'allow-load-balancer', priority: 120, from: 'AzureLoadBalancer' }),
    secRule({ name: 'allow-http', priority: 130, protocol: 'Tcp', from: 'Internet', ports: ['80', '443'] }),
    secRule({ name: 'deny-all-in', priority: 4000, access: 'Deny' }),
    secRule({ name: 'allow-storage', priority: 100, direction: 'Outbound', protocol: 'Tcp', from: subnetPrefix, to: 'Storage', ports: ['80', '443'] }),
    secRule({ name: 'allow-sql', priority: 110, direction: 'Outbound', protocol: 'Tcp', from: subnetPrefix, to: 'Sql', ports: ['1433', '11000-11999', '14000-14999'] }),
    secRule({ name: 'allow-https-out', priority: 120, direction: 'Outbound', protocol: 'Tcp', from: subnetPrefix, to: 'Internet', ports: '443' }),
    secRule({ name: 'allow-dns', priority: 130, direction: 'Outbound', from: subnetPrefix, to: 'Internet', ports: '53' }),
    secRule({ name: 'allow-ase-internal-out', priority: 140, direction: 'Outbound', from: subnetPrefix, to: subnetPrefix }),
    secRule({ name: 'deny-all-out', priority: 4000, direction: 'Outbound', access: 'Deny' }),
  ];
}

export interface AseFixture {
  kind?: string | null;
  subnetPrefix?: string;
  /** Write the ASE subnet with `addressPrefixes: [prefix]`. */
  asArray?: boolean;
  /** ASE subnet delegation; default `Microsoft.Web/hostingEnvironments` for v3, none for v1/v2; `null` = none. */
  delegation?: string | null;
  /** NSG rules for the ASE subnet (`ase-nsg`); `null` = no NSG. Default: none for v3, aseV2Rules for v1/v2. */
  nsgRules?: Json[] | null;
  ilb?: string;
  routeTable?: Json;
  dnsServers?: string[];
  /** Extra subnets of the VNet. */
  subnets?: Json[];
  /** Extra resources. */
  resources?: Json[];
  vnetPrefixes?: string[];
}

/** A VNet `vnet` (10.0.0.0/16) with subnet `ase-subnet`, its NSG `ase-nsg` and an ASE `ase1`. */
export function aseTemplate(f: AseFixture = {}): string {
  const kind = f.kind === undefined ? 'ASEV3' : f.kind;
  const v3 = typeof kind === 'string' && kind.toUpperCase() === 'ASEV3';
  const prefix = f.subnetPrefix ?? (v3 ? '10.0.0.0/24' : '10.0.1.0/25');
  const rules = f.nsgRules === undefined ? (v3 ? null : aseV2Rules(prefix)) : f.nsgRules;
  const delegation = f.delegation === undefined ? (v3 ? 'Microsoft.Web/hostingEnvironments' : undefined) : (f.delegation ?? undefined);
  const rt = f.routeTable;
  const resources: Json[] = [];
  if (rules) resources.push(nsg('ase-nsg', rules));
  if (rt) resources.push(rt);
  resources.push(
    vnet({
      name: 'vnet',
      prefixes: f.vnetPrefixes ?? ['10.0.0.0/16'],
      dnsServers: f.dnsServers,
      subnets: [
        subnet({
          name: 'ase-subnet',
          prefix: f.asArray ? undefined : prefix,
          prefixes: f.asArray ? [prefix] : undefined,
          nsg: rules ? 'ase-nsg' : undefined,
          routeTable: rt ? String(rt.name) : undefined,
          delegation,
        }),
        ...(f.subnets ?? []),
      ],
    }),
  );
  resources.push(ase({ kind, ilb: f.ilb }));
  resources.push(...(f.resources ?? []));
  return template(resources);
}
