import type { SourceRange } from '../core/position.js';
import type { UnknownValue, Value } from './value.js';

/**
 * The normalized network model: what every loader (ARM, Bicep, Terraform) produces and every
 * rule reads. Field names follow the ARM property names (requirements.md, "What the model must
 * know"). Every value carries its source range; references to other entities are entity keys
 * (see keys.ts) held in a `Value<string>` so an unresolvable reference stays unknown.
 */

/** A list whose items are known one by one; `unknown` is set when (part of) the list could not be enumerated. */
export interface ValueList<T> {
  items: Value<T>[];
  unknown?: UnknownValue;
  /** Range of the list property itself (e.g. the `addressPrefixes` array), when written. */
  range?: SourceRange;
}

export type SourceFormat = 'arm' | 'bicep' | 'terraform';

export interface EntityBase {
  /** Canonical key (keys.ts), e.g. `microsoft.network/virtualnetworks/subnets|vnet1/default`. */
  key: string;
  /** ARM type this entity is (Terraform resources map to the type they create). */
  type: string;
  /** Type as written: the ARM type, or the azurerm resource type (`azurerm_subnet`). */
  sourceType: string;
  /** The entity's own name (last name segment). */
  name: Value<string>;
  /** `type/name` for messages and the finding's `resource` field. */
  display: string;
  /** Range of the whole declaration. */
  range: SourceRange;
  format: SourceFormat;
  /** Deployment scope: root template / module directory this entity was deployed from. */
  scope: string;
  /** Declared as `existing` (Bicep) or a data source (Terraform): known by name, properties unknown. */
  existing?: boolean;
  /** Deployed under a condition that could not be evaluated. */
  conditional?: boolean;
}

export interface VirtualNetwork extends EntityBase {
  kind: 'vnet';
  location?: Value<string>;
  /** `addressSpace.addressPrefixes` (IPv4 and IPv6 CIDR strings). */
  addressPrefixes: ValueList<string>;
  /** `dhcpOptions.dnsServers`; empty = Azure-provided DNS. */
  dnsServers: ValueList<string>;
  /** Keys of its subnets (inline and child resources). */
  subnets: string[];
  /** Set when the `subnets` property is an expression that could not be enumerated. */
  subnetsUnknown?: UnknownValue;
}

export interface Subnet extends EntityBase {
  kind: 'subnet';
  /** Key of the parent VNet. */
  vnet: string;
  /** `addressPrefix` and/or `addressPrefixes` (Terraform `address_prefixes`). */
  addressPrefixes: ValueList<string>;
  /** Which property carried the prefix: ASEv3 needs the string `addressPrefix` (requirements.md). */
  prefixProperty?: 'addressPrefix' | 'addressPrefixes';
  /** Delegation service names, e.g. `Microsoft.Web/serverFarms`. */
  delegations: ValueList<string>;
  /** Referenced NSG key (`networkSecurityGroup.id` or a Terraform association). */
  nsg?: Value<string>;
  /** Referenced route table key. */
  routeTable?: Value<string>;
  /** Service endpoint service names, e.g. `Microsoft.Storage`. */
  serviceEndpoints: ValueList<string>;
  /** Service endpoint policy keys. */
  serviceEndpointPolicies: ValueList<string>;
  natGateway?: Value<string>;
}

export interface SecurityRule extends EntityBase {
  kind: 'securityRule';
  /** Key of the NSG. */
  nsg: string;
  priority?: Value<number>;
  /** `Inbound` | `Outbound` as written. */
  direction?: Value<string>;
  /** `Allow` | `Deny` as written. */
  access?: Value<string>;
  /** `Tcp` | `Udp` | `Icmp` | `Esp` | `Ah` | `*` as written. */
  protocol?: Value<string>;
  /** Singular and plural properties merged. Each item `*`, `n` or `a-b`. */
  sourcePortRanges: ValueList<string>;
  destinationPortRanges: ValueList<string>;
  /** Singular and plural merged: CIDR, IP, `*` or service tag. */
  sourceAddressPrefixes: ValueList<string>;
  destinationAddressPrefixes: ValueList<string>;
  /** Application security group keys; a rule with ASGs matches addresses we can't see (unknown). */
  sourceApplicationSecurityGroups: ValueList<string>;
  destinationApplicationSecurityGroups: ValueList<string>;
}

export interface NetworkSecurityGroup extends EntityBase {
  kind: 'nsg';
  location?: Value<string>;
  /** Inline, child-resource and (Terraform) separate rules, in declaration order. */
  securityRules: SecurityRule[];
  /** Set when the rules property is an expression that could not be enumerated. */
  rulesUnknown?: UnknownValue;
}

export interface Route extends EntityBase {
  kind: 'route';
  routeTable: string;
  addressPrefix?: Value<string>;
  /** `Internet` | `VirtualAppliance` | `VirtualNetworkGateway` | `VnetLocal` | `None` as written. */
  nextHopType?: Value<string>;
  nextHopIpAddress?: Value<string>;
}

export interface RouteTable extends EntityBase {
  kind: 'routeTable';
  location?: Value<string>;
  routes: Route[];
  routesUnknown?: UnknownValue;
  disableBgpRoutePropagation?: Value<boolean>;
}

export interface VirtualNetworkGateway extends EntityBase {
  kind: 'vnetGateway';
  /** `Vpn` | `ExpressRoute` | `LocalGateway`. */
  gatewayType?: Value<string>;
  /** Subnet keys of its IP configurations (the VNet's GatewaySubnet). */
  subnets: Value<string>[];
}

export interface Connection extends EntityBase {
  kind: 'connection';
  /** `ExpressRoute` | `IPsec` | `Vnet2Vnet` | `VPNClient`. */
  connectionType?: Value<string>;
  /** `virtualNetworkGateway1` key. */
  gateway?: Value<string>;
}

export interface IntegrationServiceEnvironment extends EntityBase {
  kind: 'ise';
  location?: Value<string>;
  /** `Developer` | `Premium`. */
  sku?: Value<string>;
  /** `networkConfiguration.accessEndpoint.type`: `Internal` | `External`. */
  accessEndpoint?: Value<string>;
  /** `networkConfiguration.subnets[].id` keys. */
  subnets: ValueList<string>;
}

/** A Consumption logic app (`Microsoft.Logic/workflows`). */
export interface LogicApp extends EntityBase {
  kind: 'logicApp';
  ise?: Value<string>;
  integrationAccount?: Value<string>;
}

export interface IntegrationAccount extends EntityBase {
  kind: 'integrationAccount';
  ise?: Value<string>;
}

export interface AppServiceEnvironment extends EntityBase {
  kind: 'ase';
  location?: Value<string>;
  /** `ASEV1` | `ASEV2` | `ASEV3` (ARM `kind`; Terraform: v2 resource → ASEV2, `_v3` → ASEV3). */
  aseKind?: Value<string>;
  /** Subnet key. */
  subnet?: Value<string>;
  /** `None` (External) | `Web` | `Publishing` | `Web, Publishing` (ILB). */
  internalLoadBalancingMode?: Value<string>;
}

export interface AppServicePlan extends EntityBase {
  kind: 'plan';
  location?: Value<string>;
  /** ARM `kind`, e.g. `linux`, `windows`, `elastic`, `functionapp`, `xenon`. */
  planKind?: Value<string>;
  skuName?: Value<string>;
  skuTier?: Value<string>;
  skuCapacity?: Value<number>;
  maximumElasticWorkerCount?: Value<number>;
  /** Windows containers (`hyperV` / kind `xenon` / Terraform `os_type = "WindowsContainer"`). */
  hyperV?: Value<boolean>;
  /** The ASE it runs in (`hostingEnvironmentProfile.id`). */
  ase?: Value<string>;
}

/** A web app, function app or Standard logic app, or one of their slots. */
export interface App extends EntityBase {
  kind: 'app';
  location?: Value<string>;
  /** ARM `kind`, e.g. `app`, `functionapp,linux`, `functionapp,workflowapp`. */
  appKind?: Value<string>;
  isSlot: boolean;
  /** Plan key (`serverFarmId`). */
  plan?: Value<string>;
  /**
   * Regional VNet integrations, each a subnet key: `virtualNetworkSubnetId`, a
   * `sites/networkConfig` child, a Terraform swift connection. Range = where declared.
   */
  integrations: Value<string>[];
  /** `vnetRouteAllEnabled` or app setting `WEBSITE_VNET_ROUTE_ALL`. */
  routeAll?: Value<boolean>;
  /** `vnetContentShareEnabled` or `WEBSITE_CONTENTOVERVNET`. */
  contentShare?: Value<boolean>;
  /** `vnetImagePullEnabled` or `WEBSITE_PULL_IMAGE_OVER_VNET`. */
  imagePull?: Value<boolean>;
  /** Windows container app (`windowsFxVersion` set). */
  windowsContainer?: Value<boolean>;
  /**
   * `siteConfig.vnetPrivatePortsCount`: number of private ports (App Service private ports
   * feature, seed 004 *Network routing*); absent or 0 = not used. Read by `vnet-integration/private-ports`.
   */
  privatePorts?: Value<number>;
}

export interface AutoscaleSetting extends EntityBase {
  kind: 'autoscale';
  /** `targetResourceUri` key (a plan). */
  target?: Value<string>;
  /** Largest `capacity.maximum` over the profiles. */
  maxCapacity?: Value<number>;
  enabled?: Value<boolean>;
}

export interface Peering extends EntityBase {
  kind: 'peering';
  vnet: string;
  remoteVnet?: Value<string>;
}

/**
 * Anything else that occupies a subnet (NIC, private endpoint, gateway, application gateway,
 * firewall, bastion, load balancer frontend, container group, AKS pool, SQL MI, ...).
 */
export interface SubnetOccupant extends EntityBase {
  kind: 'occupant';
  subnet: Value<string>;
}

export type Entity =
  | VirtualNetwork
  | Subnet
  | NetworkSecurityGroup
  | SecurityRule
  | RouteTable
  | Route
  | VirtualNetworkGateway
  | Connection
  | IntegrationServiceEnvironment
  | LogicApp
  | IntegrationAccount
  | AppServiceEnvironment
  | AppServicePlan
  | App
  | AutoscaleSetting
  | Peering
  | SubnetOccupant;

export type EntityKind = Entity['kind'];
export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>;
