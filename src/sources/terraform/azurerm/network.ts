import type { Connection, Entity, NetworkSecurityGroup, Peering, Route, RouteTable, SecurityRule, Subnet, VirtualNetwork, VirtualNetworkGateway, ValueList } from '../../../model/entities.js';
import { entityKey } from '../../../model/keys.js';
import { at, boolValue, itemsOf, listValue, mergedList, numValue, refValue, strValue, symOf } from '../../../model/rnode-values.js';
import type { RNode, RObject } from '../../../model/resolved-resource.js';
import { Unknown } from '../../../model/symbolic.js';
import { known, type Value } from '../../../model/value.js';
import type { TfResourceInstance } from '../instance.js';
import { childBase, entityBase } from './base.js';

/**
 * azurerm network resources → model entities (provider 3.x and 4.x attribute names):
 * azurerm_virtual_network (inline `subnet` blocks), azurerm_subnet, azurerm_virtual_network_peering,
 * azurerm_network_security_group (inline `security_rule`), azurerm_network_security_rule,
 * azurerm_route_table (inline `route`), azurerm_route, azurerm_virtual_network_gateway,
 * azurerm_virtual_network_gateway_connection.
 */
export function mapNetwork(inst: TfResourceInstance): Entity[] {
  const base = entityBase(inst);
  if (!base) return [];
  const b = inst.body;
  switch (inst.type) {
    case 'azurerm_virtual_network': {
      const vnet: VirtualNetwork = {
        ...base,
        kind: 'vnet',
        location: strValue(at(b, 'location')),
        addressPrefixes: listValue(at(b, 'address_space'), strValue),
        dnsServers: listValue(at(b, 'dns_servers'), strValue),
        subnets: [],
      };
      const out: Entity[] = [vnet];
      const vnetName = symOf(at(b, 'name')) ?? new Unknown(`${inst.address}.name`);
      for (const s of itemsOf(at(b, 'subnet'))) {
        if (s.kind !== 'object') continue;
        const name = symOf(at(s, 'name')) ?? new Unknown(`${inst.address}.subnet.name`, 'name not known');
        const sub: Subnet = {
          ...childBase(inst, 'Microsoft.Network/virtualNetworks/subnets', [vnetName, name], s),
          kind: 'subnet',
          vnet: vnet.key,
          ...subnetFields(s),
          nsg: refValue(at(s, 'security_group')),
          routeTable: refValue(at(s, 'route_table_id')),
        };
        vnet.subnets.push(sub.key);
        out.push(sub);
      }
      return out;
    }
    case 'azurerm_subnet': {
      const vnetName = symOf(at(b, 'virtual_network_name')) ?? new Unknown(`${inst.address}.virtual_network_name`, 'not known');
      const sub: Subnet = { ...base, kind: 'subnet', vnet: entityKey('Microsoft.Network/virtualNetworks', [vnetName]), ...subnetFields(b) };
      return [sub];
    }
    case 'azurerm_virtual_network_peering': {
      const vnetName = symOf(at(b, 'virtual_network_name')) ?? new Unknown(`${inst.address}.virtual_network_name`, 'not known');
      const p: Peering = { ...base, kind: 'peering', vnet: entityKey('Microsoft.Network/virtualNetworks', [vnetName]), remoteVnet: refValue(at(b, 'remote_virtual_network_id')) };
      return [p];
    }
    case 'azurerm_network_security_group': {
      const nsg: NetworkSecurityGroup = { ...base, kind: 'nsg', location: strValue(at(b, 'location')), securityRules: [] };
      const nsgName = symOf(at(b, 'name')) ?? new Unknown(`${inst.address}.name`);
      const rules = at(b, 'security_rule');
      if (rules && rules.kind === 'unknown') nsg.rulesUnknown = { known: false, unknown: rules.value, range: rules.range };
      for (const r of itemsOf(rules)) {
        if (r.kind !== 'object') continue;
        const name = symOf(at(r, 'name')) ?? new Unknown(`${inst.address}.security_rule.name`, 'name not known');
        nsg.securityRules.push(securityRule(childBase(inst, 'Microsoft.Network/networkSecurityGroups/securityRules', [nsgName, name], r), nsg.key, r));
      }
      return [nsg, ...nsg.securityRules];
    }
    case 'azurerm_network_security_rule': {
      const nsgName = symOf(at(b, 'network_security_group_name')) ?? new Unknown(`${inst.address}.network_security_group_name`);
      return [securityRule(base, entityKey('Microsoft.Network/networkSecurityGroups', [nsgName]), b)];
    }
    case 'azurerm_route_table': {
      const rt: RouteTable = { ...base, kind: 'routeTable', location: strValue(at(b, 'location')), routes: [], disableBgpRoutePropagation: bgpDisabled(b) };
      const rtName = symOf(at(b, 'name')) ?? new Unknown(`${inst.address}.name`);
      const routes = at(b, 'route');
      if (routes && routes.kind === 'unknown') rt.routesUnknown = { known: false, unknown: routes.value, range: routes.range };
      for (const r of itemsOf(routes)) {
        if (r.kind !== 'object') continue;
        const name = symOf(at(r, 'name')) ?? new Unknown(`${inst.address}.route.name`, 'name not known');
        rt.routes.push(route(childBase(inst, 'Microsoft.Network/routeTables/routes', [rtName, name], r), rt.key, r));
      }
      return [rt, ...rt.routes];
    }
    case 'azurerm_route': {
      const rtName = symOf(at(b, 'route_table_name')) ?? new Unknown(`${inst.address}.route_table_name`);
      return [route(base, entityKey('Microsoft.Network/routeTables', [rtName]), b)];
    }
    case 'azurerm_virtual_network_gateway': {
      const gw: VirtualNetworkGateway = {
        ...base,
        kind: 'vnetGateway',
        gatewayType: strValue(at(b, 'type')),
        subnets: itemsOf(at(b, 'ip_configuration')).map((c) => refValue(at(c, 'subnet_id'))).filter((v): v is Value<string> => !!v),
      };
      return [gw];
    }
    case 'azurerm_virtual_network_gateway_connection': {
      const c: Connection = { ...base, kind: 'connection', connectionType: strValue(at(b, 'type')), gateway: refValue(at(b, 'virtual_network_gateway_id')) };
      return [c];
    }
    default:
      return [];
  }
}

type SubnetFields = Pick<Subnet, 'addressPrefixes' | 'prefixProperty' | 'delegations' | 'serviceEndpoints' | 'serviceEndpointPolicies'>;

function subnetFields(s: RObject | RNode): SubnetFields {
  const singular = at(s, 'address_prefix');
  const plural = at(s, 'address_prefixes');
  const delegations: ValueList<string> = { items: [] };
  for (const d of itemsOf(at(s, 'delegation'))) {
    for (const sd of itemsOf(at(d, 'service_delegation'))) {
      const v = strValue(at(sd, 'name'));
      if (v) delegations.items.push(v);
    }
  }
  const del = at(s, 'delegation');
  if (del && del.kind === 'unknown') delegations.unknown = { known: false, unknown: del.value, range: del.range };
  return {
    addressPrefixes: mergedList(singular, plural, strValue),
    prefixProperty: plural ? 'addressPrefixes' : singular ? 'addressPrefix' : undefined,
    delegations,
    serviceEndpoints: listValue(at(s, 'service_endpoints'), strValue),
    serviceEndpointPolicies: listValue(at(s, 'service_endpoint_policy_ids'), refValue),
  };
}

function securityRule(base: ReturnType<typeof childBase>, nsgKey: string, r: RNode): SecurityRule {
  return {
    ...base,
    kind: 'securityRule',
    nsg: nsgKey,
    priority: numValue(at(r, 'priority')),
    direction: strValue(at(r, 'direction')),
    access: strValue(at(r, 'access')),
    protocol: strValue(at(r, 'protocol')),
    sourcePortRanges: mergedList(at(r, 'source_port_range'), at(r, 'source_port_ranges'), strValue),
    destinationPortRanges: mergedList(at(r, 'destination_port_range'), at(r, 'destination_port_ranges'), strValue),
    sourceAddressPrefixes: mergedList(at(r, 'source_address_prefix'), at(r, 'source_address_prefixes'), strValue),
    destinationAddressPrefixes: mergedList(at(r, 'destination_address_prefix'), at(r, 'destination_address_prefixes'), strValue),
    sourceApplicationSecurityGroups: listValue(at(r, 'source_application_security_group_ids'), refValue),
    destinationApplicationSecurityGroups: listValue(at(r, 'destination_application_security_group_ids'), refValue),
  };
}

function route(base: ReturnType<typeof childBase>, rtKey: string, r: RNode): Route {
  return {
    ...base,
    kind: 'route',
    routeTable: rtKey,
    addressPrefix: strValue(at(r, 'address_prefix')),
    nextHopType: strValue(at(r, 'next_hop_type')),
    nextHopIpAddress: strValue(at(r, 'next_hop_in_ip_address')),
  };
}

/** 3.x `disable_bgp_route_propagation`, 4.x `bgp_route_propagation_enabled` (inverted). */
function bgpDisabled(b: RObject): Value<boolean> | undefined {
  const v3 = boolValue(at(b, 'disable_bgp_route_propagation'));
  if (v3) return v3;
  const v4 = boolValue(at(b, 'bgp_route_propagation_enabled'));
  if (v4 && v4.known) return known(!v4.value, v4.range);
  return v4;
}
