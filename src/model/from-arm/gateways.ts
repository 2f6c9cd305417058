import type { Connection, VirtualNetworkGateway } from '../entities.js';
import type { ResolvedResource } from '../resolved-resource.js';
import { at, itemsOf, present, refValue, strValue, unknownOf } from '../rnode-values.js';
import type { Value } from '../value.js';
import { T, baseOf, bodyOf, type MapOutput } from './context.js';

/**
 * `Microsoft.Network/virtualNetworkGateways`: `gatewayType` and the subnet keys of
 * `ipConfigurations[].properties.subnet.id` (requirements.md, "ExpressRoute presence").
 */
export function mapVnetGateway(r: ResolvedResource, out: MapOutput): void {
  const props = at(bodyOf(r), 'properties');
  const subnets: Value<string>[] = [];
  const configs = at(props, 'ipConfigurations');
  if (present(configs) && configs.kind !== 'array') subnets.push(unknownOf(configs, 'an array of IP configurations'));
  for (const c of itemsOf(configs)) {
    const v = refValue(at(c, 'properties', 'subnet'));
    if (v) subnets.push(v);
  }
  const gw: VirtualNetworkGateway = { ...baseOf(r, T.vnetGateway), kind: 'vnetGateway', gatewayType: strValue(at(props, 'gatewayType')), subnets };
  out.entities.push(gw);
}

/** `Microsoft.Network/connections`: `connectionType` and `virtualNetworkGateway1.id`. */
export function mapConnection(r: ResolvedResource, out: MapOutput): void {
  const props = at(bodyOf(r), 'properties');
  const c: Connection = {
    ...baseOf(r, T.connection),
    kind: 'connection',
    connectionType: strValue(at(props, 'connectionType')),
    gateway: refValue(at(props, 'virtualNetworkGateway1')),
  };
  out.entities.push(c);
}
