import type { SourceRange } from '../../core/position.js';
import type { SubnetOccupant } from '../entities.js';
import { idToKey, keyType } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { at, symOf } from '../rnode-values.js';
import { symConcat, type SymString } from '../symbolic.js';
import { known, unknownValue, type Value } from '../value.js';
import { T, baseOf, type MapOutput } from './context.js';

/**
 * Anything else that sits in a subnet (requirements.md, "anything else that occupies a subnet":
 * needed by the dedicated/empty-subnet rules). The resource's `properties` are searched for subnet
 * references in the shapes Azure resources write them:
 * - `…subnet: { id }` objects (NIC, load balancer, application gateway, firewall, bastion,
 *   private endpoint, DNS resolver `ipConfigurations[].properties.subnet`, `gatewayIPConfigurations`,
 *   `frontendIPConfigurations`),
 * - `{ id }` items of arrays named like `subnetIds` (container groups),
 * - string properties whose name holds `subnet` and ends in `Id`/`Ids` (AKS `vnetSubnetID`,
 *   SQL MI `subnetId`, API Management `subnetResourceId`, Container Apps `infrastructureSubnetId`,
 *   flexible servers `delegatedSubnetResourceId`),
 * - Databricks `parameters.customVirtualNetworkId` + `customPublicSubnetName` / `customPrivateSubnetName`.
 * A reference only counts when it names a subnet (`Microsoft.Network/virtualNetworks/subnets`);
 * an unparseable (unknown) reference gives an occupant whose subnet is unknown.
 * Not occupants: service endpoint / firewall VNet rules (`virtualNetworkRules`, `networkAcls`,
 * `networkRuleSet`), App Service access restrictions (`ipSecurityRestrictions`), and resources
 * modelled on their own (VNets, gateways, ISEs, ASEs, apps), or nested deployments.
 */

/** Property names whose content references subnets without occupying them. */
const SKIP_PROPS = new Set([
  'virtualnetworkrules',
  'networkacls',
  'networkruleset',
  'networkrulesets',
  'ipsecurityrestrictions',
  'scmipsecurityrestrictions',
  'iprules',
  'tags',
  'template',
  'parameters',
]);

/** Resource types that never get an occupant (modelled elsewhere, or not in a subnet). */
const SKIP_TYPES = new Set(
  [
    T.vnet,
    T.subnet,
    T.peering,
    T.nsg,
    T.securityRule,
    T.routeTable,
    T.route,
    T.vnetGateway,
    T.connection,
    T.ise,
    T.workflow,
    T.integrationAccount,
    T.ase,
    T.plan,
    T.site,
    T.slot,
    T.autoscale,
    'Microsoft.Resources/deployments',
    'Microsoft.Network/natGateways',
    'Microsoft.Network/serviceEndpointPolicies',
    'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  ].map((t) => t.toLowerCase()),
);

const SUBNET_TYPE = T.subnet.toLowerCase();

type AddRef = (sym: SymString | undefined, range: SourceRange, strict: boolean) => void;

function skipType(lower: string): boolean {
  return (
    SKIP_TYPES.has(lower) ||
    lower.startsWith('microsoft.web/sites/') ||
    lower.startsWith('microsoft.web/hostingenvironments/') ||
    lower.startsWith('microsoft.web/serverfarms/') ||
    lower.startsWith('microsoft.network/virtualnetworks/') ||
    lower.startsWith('microsoft.network/networksecuritygroups/') ||
    lower.startsWith('microsoft.network/routetables/') ||
    lower.endsWith('/virtualnetworkrules') ||
    lower.endsWith('/networkrulesets')
  );
}

/** A string property that holds a subnet id by its name: `subnetId`, `vnetSubnetID`, `subnetResourceIds`, `subnet`. */
function idishName(lname: string): boolean {
  return lname.includes('subnet') && (/ids?$/.test(lname) || lname === 'subnet');
}

/** Occupants of one resource (one per referenced subnet); nothing for types modelled elsewhere. */
export function mapOccupants(r: ResolvedResource, out: MapOutput): void {
  if (r.existing) return;
  const lower = typeof r.type === 'string' ? r.type.toLowerCase() : '';
  if (!lower || skipType(lower)) return;
  const props = at(r.body, 'properties');
  if (!props || props.kind === 'unknown') return;
  const found: { value: Value<string>; range: SourceRange }[] = [];
  const seen = new Set<string>();
  const add = (sym: SymString | undefined, range: SourceRange, strict: boolean) => {
    if (sym === undefined) return;
    const key = idToKey(sym);
    let v: Value<string>;
    if (key !== undefined) {
      if (keyType(key) !== SUBNET_TYPE) return;
      v = known(key, range);
    } else if (typeof sym !== 'string' && strict) {
      v = unknownValue(sym, range);
    } else return;
    const dedupe = v.known ? v.value : `?${v.unknown.expr}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    found.push({ value: v, range });
  };
  walk(props, '', add, 0);
  if (lower === 'microsoft.databricks/workspaces') databricks(props, add);
  for (const f of found) {
    const o: SubnetOccupant = { ...baseOf(r, r.type), kind: 'occupant', subnet: f.value, range: f.range };
    out.entities.push(o);
  }
}

function walk(node: RNode, lname: string, add: AddRef, depth: number): void {
  if (depth > 40) return;
  switch (node.kind) {
    case 'object':
      for (const [k, { node: child }] of node.props) {
        if (SKIP_PROPS.has(k)) continue;
        if (k === 'id' && lname.includes('subnet')) add(symOf(child), child.range, true);
        else walk(child, k, add, depth + 1);
      }
      return;
    case 'array':
      for (const it of node.items) walk(it, lname, add, depth + 1);
      return;
    default:
      if (idishName(lname)) add(symOf(node), node.range, true);
  }
}

/** Databricks VNet injection: the workspace's two subnets, named beside the VNet id. */
function databricks(props: RNode, add: AddRef): void {
  const p = at(props, 'parameters');
  const vnet = symOf(at(p, 'customVirtualNetworkId', 'value'));
  if (vnet === undefined) return;
  for (const which of ['customPublicSubnetName', 'customPrivateSubnetName']) {
    const n = at(p, which, 'value');
    const name = symOf(n);
    if (name !== undefined && n) add(symConcat([vnet, '/subnets/', name]), n.range, false);
  }
}
