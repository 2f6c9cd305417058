import type { App, Entity, Subnet } from '../../../model/entities.js';
import { entityKey } from '../../../model/keys.js';
import { at, refValue } from '../../../model/rnode-values.js';
import type { TfResourceInstance } from '../instance.js';
import { mapNetwork } from './network.js';
import { mapOccupants } from './occupants.js';
import { mapWeb } from './web.js';

/**
 * Maps the resource instances of one root module (and its local modules) to model entities, then
 * applies what Terraform writes as separate resources: subnet ↔ NSG and route table associations,
 * `azurerm_app_service_virtual_network_swift_connection`, subnets declared apart from their VNet,
 * slots without their own plan. Data sources map to no entity; a reference to one gives its `id`
 * when its arguments name the resource, its arguments as written, and Unknown for what it reads.
 */
export function mapInstances(instances: TfResourceInstance[]): Entity[] {
  const entities: Entity[] = [];
  for (const inst of instances) {
    if (inst.mode === 'data') continue;
    entities.push(...mapNetwork(inst), ...mapWeb(inst), ...mapOccupants(inst));
  }
  const byKey = new Map<string, Entity[]>();
  for (const e of entities) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const find = <K extends Entity['kind']>(kind: K, key: string | undefined) =>
    key === undefined ? undefined : (byKey.get(key)?.find((e) => e.kind === kind) as Extract<Entity, { kind: K }> | undefined);

  for (const inst of instances) {
    if (inst.mode === 'data') continue;
    switch (inst.type) {
      case 'azurerm_subnet_network_security_group_association':
      case 'azurerm_subnet_route_table_association':
      case 'azurerm_subnet_nat_gateway_association': {
        const subnetRef = refValue(at(inst.body, 'subnet_id'));
        const subnet = find('subnet', subnetRef?.known ? subnetRef.value : undefined) as Subnet | undefined;
        if (!subnet) break;
        if (inst.type.includes('security_group')) subnet.nsg = refValue(at(inst.body, 'network_security_group_id'));
        else if (inst.type.includes('route_table')) subnet.routeTable = refValue(at(inst.body, 'route_table_id'));
        else subnet.natGateway = refValue(at(inst.body, 'nat_gateway_id'));
        break;
      }
      case 'azurerm_app_service_virtual_network_swift_connection':
      case 'azurerm_app_service_slot_virtual_network_swift_connection': {
        const appRef = refValue(at(inst.body, 'app_service_id'));
        const subnetRef = refValue(at(inst.body, 'subnet_id'));
        const app = find('app', appRef?.known ? appRef.value : undefined) as App | undefined;
        if (app && subnetRef) app.integrations.push(subnetRef);
        break;
      }
      default:
        break;
    }
  }
  // Subnets, security rules and routes declared as their own resources join their parent's list;
  // slots without a plan use their app's.
  for (const e of entities) {
    if (e.kind === 'securityRule') {
      const nsg = find('nsg', e.nsg);
      if (nsg && !nsg.securityRules.includes(e)) nsg.securityRules.push(e);
    } else if (e.kind === 'route') {
      const rt = find('routeTable', e.routeTable);
      if (rt && !rt.routes.includes(e)) rt.routes.push(e);
    } else if (e.kind === 'subnet') {
      const vnet = find('vnet', e.vnet);
      if (vnet && !vnet.subnets.includes(e.key)) vnet.subnets.push(e.key);
    } else if (e.kind === 'app' && e.isSlot && !e.plan) {
      const parentKey = entityKey('Microsoft.Web/sites', [e.key.slice(e.key.indexOf('|') + 1).split('/')[0]!]);
      const parent = find('app', parentKey);
      if (parent?.plan) e.plan = parent.plan;
    }
  }
  return entities;
}
