import type { EntityBase, Peering, Subnet, VirtualNetwork } from '../entities.js';
import { entityKey } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { at, itemsOf, listValue, mergedList, present, refValue, strValue, unknownOf } from '../rnode-values.js';
import type { SymString } from '../symbolic.js';
import { T, baseOf, parentsOf, bodyOf, childBaseOf, inlineEntities, namesOf, type MapOutput } from './context.js';

/**
 * `Microsoft.Network/virtualNetworks`: location, `addressSpace.addressPrefixes`,
 * `dhcpOptions.dnsServers`, inline `subnets` (each a Subnet entity keyed `[vnet, subnet]`, range =
 * the subnet object) and inline `virtualNetworkPeerings` (requirements.md, "What the model must know").
 */
export function mapVirtualNetwork(r: ResolvedResource, out: MapOutput): void {
  const body = bodyOf(r);
  const props = at(body, 'properties');
  const names = namesOf(r);
  const vnet: VirtualNetwork = {
    ...baseOf(r, T.vnet),
    kind: 'vnet',
    location: strValue(at(body, 'location')),
    addressPrefixes: listValue(at(props, 'addressSpace', 'addressPrefixes'), strValue),
    dnsServers: listValue(at(props, 'dhcpOptions', 'dnsServers'), strValue),
    subnets: [],
  };
  out.entities.push(vnet);

  const subnets = at(props, 'subnets');
  if (present(subnets) && subnets.kind !== 'array') vnet.subnetsUnknown = unknownOf(subnets, 'an array of subnets');
  itemsOf(subnets).forEach((item, i) => {
    if (item.kind !== 'object') {
      if (present(item)) vnet.subnetsUnknown ??= unknownOf(item, 'a subnet object');
      return;
    }
    const { base } = childBaseOf(vnet, names, T.subnet, item, i, 'subnets');
    const s = subnetFrom(base, vnet.key, at(item, 'properties'));
    inlineEntities.add(s);
    out.entities.push(s);
    if (!vnet.subnets.includes(s.key)) vnet.subnets.push(s.key);
  });

  itemsOf(at(props, 'virtualNetworkPeerings')).forEach((item, i) => {
    if (item.kind !== 'object') return;
    const { base } = childBaseOf(vnet, names, T.peering, item, i, 'virtualNetworkPeerings');
    const p: Peering = { ...base, kind: 'peering', vnet: vnet.key, remoteVnet: refValue(at(item, 'properties', 'remoteVirtualNetwork')) };
    inlineEntities.add(p);
    out.entities.push(p);
  });
}

/** `Microsoft.Network/virtualNetworks/subnets` child resource; its key is added to the VNet's `subnets`. */
export function mapSubnetResource(r: ResolvedResource, out: MapOutput): void {
  const names = namesOf(r);
  const vnetKey = entityKey(T.vnet, parentNames(names));
  const s = subnetFrom(baseOf(r, T.subnet), vnetKey, at(bodyOf(r), 'properties'));
  out.entities.push(s);
  out.links.push((index) => {
    for (const e of parentsOf(index, vnetKey, 'vnet', s.scope)) if (!e.subnets.includes(s.key)) e.subnets.push(s.key);
  });
}

/** `Microsoft.Network/virtualNetworks/virtualNetworkPeerings` child resource. */
export function mapPeeringResource(r: ResolvedResource, out: MapOutput): void {
  const names = namesOf(r);
  const p: Peering = {
    ...baseOf(r, T.peering),
    kind: 'peering',
    vnet: entityKey(T.vnet, parentNames(names)),
    remoteVnet: refValue(at(bodyOf(r), 'properties', 'remoteVirtualNetwork')),
  };
  out.entities.push(p);
}

/**
 * Subnet fields from its `properties` object: `addressPrefix` (string) and/or `addressPrefixes`
 * (array), `delegations[].properties.serviceName`, `networkSecurityGroup.id`, `routeTable.id`,
 * `serviceEndpoints[].service`, `serviceEndpointPolicies[].id`, `natGateway.id`.
 */
export function subnetFrom(base: EntityBase, vnetKey: string, props: RNode | undefined): Subnet {
  const single = at(props, 'addressPrefix');
  const plural = at(props, 'addressPrefixes');
  const s: Subnet = {
    ...base,
    kind: 'subnet',
    vnet: vnetKey,
    addressPrefixes: mergedList(single, plural, strValue),
    delegations: listValue(at(props, 'delegations'), (d) => strValue(at(d, 'properties', 'serviceName') ?? at(d, 'serviceName'))),
    nsg: refValue(at(props, 'networkSecurityGroup')),
    routeTable: refValue(at(props, 'routeTable')),
    serviceEndpoints: listValue(at(props, 'serviceEndpoints'), (e) => strValue(at(e, 'service'))),
    serviceEndpointPolicies: listValue(at(props, 'serviceEndpointPolicies'), refValue),
    natGateway: refValue(at(props, 'natGateway')),
  };
  if (props?.kind === 'unknown') {
    // The whole properties object is unknown: so are the prefixes and which property holds them.
    s.addressPrefixes = { items: [], unknown: unknownOf(props, 'an object'), range: props.range };
  } else if (present(single) && !(single.kind === 'scalar' && single.value === '')) s.prefixProperty = 'addressPrefix';
  else if (present(plural)) s.prefixProperty = 'addressPrefixes';
  return s;
}

/** Name segments of the parent (all but the last). */
export function parentNames(names: readonly SymString[]): SymString[] {
  return names.length > 1 ? names.slice(0, -1) : [...names];
}
