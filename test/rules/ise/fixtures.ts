import { render, type Format } from '../../helpers/formats/render.js';

/**
 * Template builders for the ISE rule tests: a VNet with four ISE subnets, an optional NSG and
 * route table linked to every subnet, and the ISE. Every option defaults to a template that meets
 * every ISE requirement (only `ise/retired` fires). `iseTemplate` writes ARM
 * (`JSON.stringify(…, null, 2)`); `iseText(format, options)` writes the same options as Bicep or
 * Terraform azurerm 4.x (printed from the ARM template by `test/helpers/formats/to-bicep.ts` and
 * `to-terraform.ts`), so a property is found by its text in each format, e.g.
 * `lineOf(text, '10.0.1.64/28')`.
 */

export interface SecurityRuleSpec {
  name: string;
  priority: number;
  direction?: 'Inbound' | 'Outbound';
  access?: 'Allow' | 'Deny';
  protocol?: string;
  source?: string;
  sourcePort?: string;
  destination?: string;
  /** One port range, or several (written as destinationPortRanges). */
  destinationPort?: string | string[];
}

export interface SubnetSpec {
  name: string;
  prefix: string;
  /** Delegation service name; undefined = none. */
  delegation?: string;
  serviceEndpoints?: string[];
  /** Link the shared NSG (default true when `nsgRules` is given). */
  nsg?: boolean;
  /** Link the shared route table (default true when `routes` is given). */
  routeTable?: boolean;
}

export interface IseTemplateOptions {
  vnetName?: string;
  vnetPrefixes?: string[];
  dnsServers?: string[];
  subnets?: SubnetSpec[];
  /** Security rules of an NSG linked to the ISE subnets; undefined = no NSG. */
  nsgRules?: SecurityRuleSpec[];
  /** Routes of a route table linked to the ISE subnets; undefined = no route table. */
  routes?: { name: string; prefix: string; nextHop: string }[];
  /** Add a GatewaySubnet with an ExpressRoute gateway. */
  expressRoute?: boolean;
  iseName?: string;
  sku?: string;
  /** Access endpoint type; null = property left out. */
  endpoint?: 'Internal' | 'External' | string | null;
  /** Names of the subnets the ISE names (default: every subnet of `subnets`). */
  iseSubnets?: string[];
  /** Raw extra resources (objects) appended to `resources`. */
  extra?: object[];
  /** Leave the ISE out. */
  noIse?: boolean;
}

/** The four valid ISE subnets: /27 each, the first delegated to the ISE. */
export function defaultSubnets(): SubnetSpec[] {
  return [
    { name: 'ise-1', prefix: '10.0.1.0/27', delegation: 'Microsoft.Logic/integrationServiceEnvironments' },
    { name: 'ise-2', prefix: '10.0.1.32/27' },
    { name: 'ise-3', prefix: '10.0.1.64/27' },
    { name: 'ise-4', prefix: '10.0.1.96/27' },
  ];
}

const subnetId = (vnet: string, name: string) => `[resourceId('Microsoft.Network/virtualNetworks/subnets', '${vnet}', '${name}')]`;

/** A security rule object as ARM writes it. */
export function securityRule(r: SecurityRuleSpec): object {
  const ports = r.destinationPort ?? '*';
  return {
    name: r.name,
    properties: {
      priority: r.priority,
      direction: r.direction ?? 'Inbound',
      access: r.access ?? 'Allow',
      protocol: r.protocol ?? '*',
      sourceAddressPrefix: r.source ?? '*',
      sourcePortRange: r.sourcePort ?? '*',
      destinationAddressPrefix: r.destination ?? '*',
      ...(Array.isArray(ports) ? { destinationPortRanges: ports } : { destinationPortRange: ports }),
    },
  };
}

/** The template text (pretty JSON) for the options. */
export function iseTemplate(o: IseTemplateOptions = {}): string {
  const vnet = o.vnetName ?? 'ise-vnet';
  const subnets = o.subnets ?? defaultSubnets();
  const resources: object[] = [];
  if (o.nsgRules) {
    resources.push({
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-04-01',
      name: 'ise-nsg',
      location: 'westeurope',
      properties: { securityRules: o.nsgRules.map(securityRule) },
    });
  }
  if (o.routes) {
    resources.push({
      type: 'Microsoft.Network/routeTables',
      apiVersion: '2023-04-01',
      name: 'ise-routes',
      location: 'westeurope',
      properties: { routes: o.routes.map((r) => ({ name: r.name, properties: { addressPrefix: r.prefix, nextHopType: r.nextHop } })) },
    });
  }
  const subnetObjs: object[] = subnets.map((s) => ({
    name: s.name,
    properties: {
      addressPrefix: s.prefix,
      ...(s.delegation ? { delegations: [{ name: 'delegation', properties: { serviceName: s.delegation } }] } : {}),
      ...(s.serviceEndpoints ? { serviceEndpoints: s.serviceEndpoints.map((x) => ({ service: x })) } : {}),
      ...(o.nsgRules && s.nsg !== false ? { networkSecurityGroup: { id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'ise-nsg')]" } } : {}),
      ...(o.routes && s.routeTable !== false ? { routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'ise-routes')]" } } : {}),
    },
  }));
  if (o.expressRoute) subnetObjs.push({ name: 'GatewaySubnet', properties: { addressPrefix: '10.0.3.0/27' } });
  resources.push({
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2023-04-01',
    name: vnet,
    location: 'westeurope',
    properties: {
      addressSpace: { addressPrefixes: o.vnetPrefixes ?? ['10.0.0.0/22'] },
      ...(o.dnsServers ? { dhcpOptions: { dnsServers: o.dnsServers } } : {}),
      subnets: subnetObjs,
    },
  });
  if (o.expressRoute) {
    resources.push({
      type: 'Microsoft.Network/virtualNetworkGateways',
      apiVersion: '2023-04-01',
      name: 'er-gateway',
      location: 'westeurope',
      properties: {
        gatewayType: 'ExpressRoute',
        sku: { name: 'Standard', tier: 'Standard' },
        ipConfigurations: [{ name: 'default', properties: { subnet: { id: subnetId(vnet, 'GatewaySubnet') } } }],
      },
    });
  }
  if (!o.noIse) {
    const names = o.iseSubnets ?? subnets.map((s) => s.name);
    resources.push({
      type: 'Microsoft.Logic/integrationServiceEnvironments',
      apiVersion: '2019-05-01',
      name: o.iseName ?? 'my-ise',
      location: 'westeurope',
      sku: { name: o.sku ?? 'Premium', capacity: 0 },
      properties: {
        networkConfiguration: {
          ...(o.endpoint === null ? {} : { accessEndpoint: { type: o.endpoint ?? 'Internal' } }),
          subnets: names.map((n) => ({ id: subnetId(vnet, n) })),
        },
      },
    });
  }
  resources.push(...(o.extra ?? []));
  return JSON.stringify(
    { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources },
    null,
    2,
  );
}

/** The template for the options in `format` (ARM JSON, Bicep or Terraform). */
export function iseText(format: Format, o: IseTemplateOptions = {}): string {
  return render(format, iseTemplate(o));
}

/** 1-based line of the `nth` (0-based) occurrence of `marker` in `text`; throws when absent. */
export function lineOf(text: string, marker: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker not found (${nth}): ${marker}`);
  }
  return text.slice(0, at).split('\n').length;
}

/**
 * NSG rules that meet every ISE requirement explicitly (protocol `*`), in front of a deny-all pair:
 * inbound from the VNet, the four management tags, Traffic Manager and API Management, outbound to
 * the VNet, Internet and the dependency tags.
 */
export function openIseRules(): SecurityRuleSpec[] {
  return [
    { name: 'vnet-in', priority: 100, source: 'VirtualNetwork', destination: 'VirtualNetwork' },
    { name: 'logicapps-mgmt-in', priority: 110, source: 'LogicAppsManagement', destination: 'VirtualNetwork', destinationPort: '454' },
    { name: 'logicapps-in', priority: 120, source: 'LogicApps', destination: 'VirtualNetwork', destinationPort: '454' },
    { name: 'connectors-in', priority: 130, source: 'AzureConnectors', destination: 'VirtualNetwork', destinationPort: '454' },
    { name: 'appsvc-mgmt-in', priority: 140, source: 'AppServiceManagement', destination: 'VirtualNetwork', destinationPort: '454-455' },
    { name: 'tm-in', priority: 150, source: 'AzureTrafficManager', destination: 'VirtualNetwork', destinationPort: ['443', '454'] },
    { name: 'apim-in', priority: 160, source: 'ApiManagement', destination: 'VirtualNetwork', destinationPort: '3443' },
    { name: 'deny-in', priority: 4096, access: 'Deny' },
    { name: 'vnet-out', priority: 100, direction: 'Outbound', source: 'VirtualNetwork', destination: 'VirtualNetwork' },
    { name: 'internet-out', priority: 110, direction: 'Outbound', source: 'VirtualNetwork', destination: 'Internet', destinationPort: ['80', '443', '445', '1433', '1886', '5672'] },
    { name: 'deny-out', priority: 4096, direction: 'Outbound', access: 'Deny' },
  ];
}

/** openIseRules() with the named rules changed (`null` removes the rule). */
export function openIseRulesWith(changes: Record<string, Partial<SecurityRuleSpec> | null>, extra: SecurityRuleSpec[] = []): SecurityRuleSpec[] {
  const out: SecurityRuleSpec[] = [];
  for (const r of openIseRules()) {
    const c = changes[r.name];
    if (c === null) continue;
    out.push({ ...r, ...(c ?? {}) });
  }
  return [...out, ...extra];
}
