/**
 * ARM template builder for the vnet-integration rule tests: a VNet with an integration subnet, an
 * App Service plan and a site whose `virtualNetworkSubnetId` names the subnet, plus whatever a case
 * adds (NSG, route table, more plans and apps, occupants). Output is `JSON.stringify(…, null, 2)`,
 * so each property sits on its own line and tests find expected lines with `lineOf(text, marker)`.
 */

type Json = Record<string, unknown>;

export interface FixtureOptions {
  /** VNet name expression (default `vnet1`). */
  vnetName?: string;
  /** Subnet name expression (default `integration`). */
  subnetName?: string;
  vnetLocation?: string;
  appLocation?: string;
  /** VNet address prefixes (default `['10.0.0.0/16']`). */
  vnetPrefixes?: string[];
  /** Integration subnet prefix (default `10.0.1.0/26`). */
  subnetPrefix?: string;
  /** Delegation service name; `null` = no delegation (default `Microsoft.Web/serverFarms`). */
  delegation?: string | null;
  /** Extra properties of the integration subnet. */
  subnetProps?: Json;
  /** Security rules of an NSG `nsg1` attached to the integration subnet. */
  nsgRules?: Json[];
  /** Routes of a route table `rt1` attached to the integration subnet. */
  routes?: Json[];
  /** Plan sku (default `{ name: 'P1v3', tier: 'PremiumV3', capacity: 1 }`). */
  planSku?: Json;
  planKind?: string;
  planProps?: Json;
  /** Site kind (default `app`). */
  siteKind?: string;
  /** Extra site properties (merged into `properties`). */
  siteProps?: Json;
  /** Site `siteConfig`. */
  siteConfig?: Json;
  /** Leave out the site's `virtualNetworkSubnetId`. */
  noIntegration?: boolean;
  /** More resources appended after the site. */
  extra?: Json[];
  /** Extra variables. */
  variables?: Json;
  /** Extra parameters (beside `location`). */
  parameters?: Json;
}

/** `[resourceId('Microsoft.Network/virtualNetworks/subnets', vnet, subnet)]` with name expressions (literal or `variables('x')`). */
export function subnetId(vnet: string, subnet: string): string {
  return `[resourceId('Microsoft.Network/virtualNetworks/subnets', ${arg(vnet)}, ${arg(subnet)})]`;
}

/** A name as a template-expression argument: `'lit'`, or the inner expression of `[...]`. */
function arg(name: string): string {
  return name.startsWith('[') ? name.slice(1, -1) : `'${name}'`;
}

/** An NSG security rule. */
export function secRule(name: string, priority: number, direction: 'Inbound' | 'Outbound', access: 'Allow' | 'Deny', props: Json = {}): Json {
  return {
    name,
    properties: {
      priority,
      direction,
      access,
      protocol: '*',
      sourcePortRange: '*',
      destinationPortRange: '*',
      sourceAddressPrefix: '*',
      destinationAddressPrefix: '*',
      ...props,
    },
  };
}

/** A plan resource. */
export function planResource(name: string, sku: Json, extra: { kind?: string; properties?: Json } = {}): Json {
  return {
    type: 'Microsoft.Web/serverfarms',
    apiVersion: '2022-09-01',
    name,
    location: "[parameters('location')]",
    ...(extra.kind ? { kind: extra.kind } : {}),
    sku,
    properties: extra.properties ?? {},
  };
}

/** A site resource integrated with `subnetIdExpr` (or not, when undefined). */
export function siteResource(name: string, plan: string, subnetIdExpr: string | undefined, extra: { kind?: string; location?: string; properties?: Json; siteConfig?: Json } = {}): Json {
  return {
    type: 'Microsoft.Web/sites',
    apiVersion: '2022-09-01',
    name,
    location: extra.location ?? "[parameters('location')]",
    kind: extra.kind ?? 'app',
    properties: {
      serverFarmId: `[resourceId('Microsoft.Web/serverfarms', ${arg(plan)})]`,
      ...(subnetIdExpr ? { virtualNetworkSubnetId: subnetIdExpr } : {}),
      ...(extra.siteConfig ? { siteConfig: extra.siteConfig } : {}),
      ...(extra.properties ?? {}),
    },
  };
}

/** The template text. */
export function armTemplate(o: FixtureOptions = {}): string {
  const vnet = o.vnetName ?? 'vnet1';
  const sub = o.subnetName ?? 'integration';
  const subnetProps: Json = {
    addressPrefix: o.subnetPrefix ?? '10.0.1.0/26',
    ...(o.delegation === null ? {} : { delegations: [{ name: 'delegation', properties: { serviceName: o.delegation ?? 'Microsoft.Web/serverFarms' } }] }),
    ...(o.nsgRules ? { networkSecurityGroup: { id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg1')]" } } : {}),
    ...(o.routes ? { routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt1')]" } } : {}),
    ...(o.subnetProps ?? {}),
  };
  const resources: Json[] = [];
  if (o.nsgRules) {
    resources.push({
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-04-01',
      name: 'nsg1',
      location: "[parameters('location')]",
      properties: { securityRules: o.nsgRules },
    });
  }
  if (o.routes) {
    resources.push({
      type: 'Microsoft.Network/routeTables',
      apiVersion: '2023-04-01',
      name: 'rt1',
      location: "[parameters('location')]",
      properties: { routes: o.routes },
    });
  }
  resources.push({
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2023-04-01',
    name: vnet,
    location: o.vnetLocation ?? "[parameters('location')]",
    properties: {
      addressSpace: { addressPrefixes: o.vnetPrefixes ?? ['10.0.0.0/16'] },
      subnets: [{ name: sub, properties: subnetProps }],
    },
  });
  resources.push(planResource('plan1', o.planSku ?? { name: 'P1v3', tier: 'PremiumV3', capacity: 1 }, { ...(o.planKind ? { kind: o.planKind } : {}), ...(o.planProps ? { properties: o.planProps } : {}) }));
  resources.push(
    siteResource('app1', 'plan1', o.noIntegration ? undefined : subnetId(vnet, sub), {
      ...(o.siteKind ? { kind: o.siteKind } : {}),
      ...(o.appLocation ? { location: o.appLocation } : {}),
      ...(o.siteProps ? { properties: o.siteProps } : {}),
      ...(o.siteConfig ? { siteConfig: o.siteConfig } : {}),
    }),
  );
  resources.push(...(o.extra ?? []));
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string', defaultValue: '[resourceGroup().location]' }, ...(o.parameters ?? {}) },
    variables: o.variables ?? {},
    resources,
  };
  return JSON.stringify(template, null, 2) + '\n';
}

/** 1-based line of the `nth` (1-based) occurrence of `marker` in `text`; throws when absent. */
export function lineOf(text: string, marker: string, nth = 1): number {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(marker, i + 1);
    if (i < 0) throw new Error(`marker not found (occurrence ${nth}): ${marker}`);
  }
  return text.slice(0, i).split('\n').length;
}

/** `{ 'azuredeploy.json': text }`. */
export function files(text: string): Record<string, string> {
  return { 'azuredeploy.json': text };
}

/** A child subnet `vnet1/<name>` delegated to Microsoft.Web/serverFarms. */
export function childSubnet(name: string, prefix: string, vnet = 'vnet1'): Record<string, unknown> {
  return {
    type: 'Microsoft.Network/virtualNetworks/subnets',
    apiVersion: '2023-04-01',
    name: `${vnet}/${name}`,
    dependsOn: [`[resourceId('Microsoft.Network/virtualNetworks', '${vnet}')]`],
    properties: { addressPrefix: prefix, delegations: [{ name: 'delegation', properties: { serviceName: 'Microsoft.Web/serverFarms' } }] },
  };
}

/** A `sites/networkConfig` child integrating `app` with `subnetIdExpr`. */
export function networkConfig(app: string, subnetIdExpr: string): Record<string, unknown> {
  return {
    type: 'Microsoft.Web/sites/networkConfig',
    apiVersion: '2022-09-01',
    name: `${app}/virtualNetwork`,
    dependsOn: [`[resourceId('Microsoft.Web/sites', '${app}')]`],
    properties: { subnetResourceId: subnetIdExpr, swiftSupported: true },
  };
}

/**
 * Line of a security rule (or route) named `name` as findings point at it: its range starts at the
 * object's opening brace, the line above its `"name"` property in this builder's output.
 */
export function itemLine(text: string, name: string): number {
  return lineOf(text, `"name": "${name}"`) - 1;
}
