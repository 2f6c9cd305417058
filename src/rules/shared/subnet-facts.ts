import type { Entity, EntityBase, NetworkSecurityGroup, RouteTable, Subnet, VirtualNetwork } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import type { Known, UnknownValue, Value } from '../../model/value.js';
import type { AddressContext } from '../../net/flow.js';
import { parsePrefix, prefixSizeText, tryPrefix, type Prefix } from '../../net/cidr.js';

/** Small, pure facts about subnets that the ISE, ASE and VNet-integration rules share. */

/** The subnet's IPv4 address prefix, as far as the templates tell. */
export type SubnetPrefix =
  | { kind: 'known'; prefix: Prefix; value: Known<string> }
  | { kind: 'unknown'; value: UnknownValue }
  | { kind: 'invalid'; value: Known<string>; reason: string }
  | { kind: 'absent' };

/**
 * The subnet's IPv4 prefix: the first known IPv4 item of `addressPrefixes` (strictly parsed:
 * host bits set → `invalid`). When no known item is IPv4: `unknown` if an item (or the list) is
 * unknown, `invalid` if a known item is not a CIDR at all, else `absent` (no prefix, or IPv6 only).
 */
export function subnetPrefix(subnet: Subnet): SubnetPrefix {
  let invalid: SubnetPrefix | undefined;
  let unknown: UnknownValue | undefined = subnet.addressPrefixes.unknown;
  for (const item of subnet.addressPrefixes.items) {
    if (!item.known) {
      unknown ??= item;
      continue;
    }
    const lenient = tryPrefix(item.value, { allowHostBits: true });
    if (lenient?.family === 6) continue;
    const strict = parsePrefix(item.value);
    if (strict.ok) return { kind: 'known', prefix: strict.prefix, value: item };
    if (lenient) return { kind: 'invalid', value: item, reason: strict.reason };
    invalid ??= { kind: 'invalid', value: item, reason: strict.reason };
  }
  if (unknown) return { kind: 'unknown', value: unknown };
  return invalid ?? { kind: 'absent' };
}

/** Every known item of a prefix list that parses (host bits masked), with its value. */
export function knownPrefixes(list: { items: Value<string>[] }): { prefix: Prefix; value: Known<string> }[] {
  const out: { prefix: Prefix; value: Known<string> }[] = [];
  for (const item of list.items) {
    if (!item.known) continue;
    const p = tryPrefix(item.value, { allowHostBits: true });
    if (p) out.push({ prefix: p, value: item });
  }
  return out;
}

/** VNets peered with `vnet` in the model (either side declared the peering). */
export function peeredVnets(model: NetworkModel, vnet: VirtualNetwork): VirtualNetwork[] {
  const out: VirtualNetwork[] = [];
  for (const p of model.all('peering')) {
    let other: VirtualNetwork | undefined;
    if (p.vnet === vnet.key) other = model.resolve('vnet', p.remoteVnet, p);
    else if (p.remoteVnet?.known && p.remoteVnet.value === vnet.key) other = model.get('vnet', p.vnet, p);
    if (other && other !== vnet && !out.includes(other)) out.push(other);
  }
  return out;
}

/**
 * What `VirtualNetwork` means for flows of this subnet: the VNet's address space, the address
 * spaces of peered VNets, and the prefixes of the VNet's subnets (and this subnet's own, in case the
 * VNet isn't in the model). Known items only, as written.
 */
export function addressContext(model: NetworkModel, subnet: Subnet): AddressContext {
  const out: string[] = [];
  const add = (v: Value<string>) => {
    if (v.known && !out.includes(v.value)) out.push(v.value);
  };
  const vnet = model.vnetOf(subnet);
  if (vnet) {
    vnet.addressPrefixes.items.forEach(add);
    for (const peer of peeredVnets(model, vnet)) peer.addressPrefixes.items.forEach(add);
    for (const s of model.subnetsOf(vnet)) s.addressPrefixes.items.forEach(add);
  }
  subnet.addressPrefixes.items.forEach(add);
  return { virtualNetworkPrefixes: out };
}

/** "/28 (16 addresses)": an IPv4 prefix length with its address count. */
export function sizeText(length: number): string {
  return prefixSizeText(length, 4);
}

/** Every entity using the subnet (ISEs, ASEs, integrated apps, gateways, NICs, private endpoints, ...); delegations are not users. */
export function subnetOccupants(model: NetworkModel, subnet: Subnet): Entity[] {
  return model.subnetUsers(subnet);
}

/** Known delegation service names of the subnet, as written. */
export function delegationNames(subnet: Subnet): string[] {
  return subnet.delegations.items.filter((d) => d.known).map((d) => (d as Known<string>).value);
}

/**
 * Is the subnet delegated to `serviceName` (e.g. `Microsoft.Web/serverFarms`), case-insensitively?
 * `unknown` (with the unresolved value) when no known delegation matches and some are unknown.
 */
export function delegationStatus(subnet: Subnet, serviceName: string): { status: 'yes' | 'no' } | { status: 'unknown'; value: UnknownValue } {
  const want = serviceName.toLowerCase();
  if (subnet.delegations.items.some((d) => d.known && d.value.toLowerCase() === want)) return { status: 'yes' };
  const unk = subnet.delegations.unknown ?? subnet.delegations.items.find((d): d is UnknownValue => !d.known);
  return unk ? { status: 'unknown', value: unk } : { status: 'no' };
}

/** True when a known delegation of the subnet names `serviceName` (case-insensitive). */
export function hasDelegation(subnet: Subnet, serviceName: string): boolean {
  return delegationStatus(subnet, serviceName).status === 'yes';
}

/**
 * The subnet's NSG: `none` (no NSG: everything allowed), `nsg`, `unknown` (the reference is an
 * unresolved value), or `unresolved` (a known id whose NSG isn't declared in the checked files).
 */
export type SubnetNsg =
  | { kind: 'none' }
  | { kind: 'nsg'; nsg: NetworkSecurityGroup }
  | { kind: 'unknown'; value: UnknownValue }
  | { kind: 'unresolved'; value: Known<string> };

export function subnetNsg(model: NetworkModel, subnet: Subnet): SubnetNsg {
  const ref = subnet.nsg;
  if (!ref) return { kind: 'none' };
  if (!ref.known) return { kind: 'unknown', value: ref };
  const nsg = model.nsgOf(subnet);
  return nsg ? { kind: 'nsg', nsg } : { kind: 'unresolved', value: ref };
}

/** The subnet's route table, like subnetNsg. */
export type SubnetRouteTable =
  | { kind: 'none' }
  | { kind: 'table'; table: RouteTable }
  | { kind: 'unknown'; value: UnknownValue }
  | { kind: 'unresolved'; value: Known<string> };

export function subnetRouteTable(model: NetworkModel, subnet: Subnet): SubnetRouteTable {
  const ref = subnet.routeTable;
  if (!ref) return { kind: 'none' };
  if (!ref.known) return { kind: 'unknown', value: ref };
  const table = model.routeTableOf(subnet);
  return table ? { kind: 'table', table } : { kind: 'unresolved', value: ref };
}

/** An entity's name for messages: the known name, or `{expr}` of the unknown one. */
export function nameOf(e: EntityBase): string {
  return e.name.known ? e.name.value : `{${e.name.unknown.expr}}`;
}

/** Known service endpoint service names of the subnet (e.g. `Microsoft.Storage`), as written. */
export function serviceEndpointNames(subnet: Subnet): string[] {
  return subnet.serviceEndpoints.items.filter((d) => d.known).map((d) => (d as Known<string>).value);
}
