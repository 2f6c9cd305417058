import type { RObject } from '../../../model/resolved-resource.js';
import { rget } from '../../../model/resolved-resource.js';
import { symOf } from '../../../model/rnode-values.js';
import { parseResourceId } from '../../../model/keys.js';
import { Unknown, type SymString } from '../../../model/symbolic.js';

/**
 * The ARM resource an azurerm resource creates: its ARM type and name segments, taken from the
 * attributes that name it (`name`, `virtual_network_name`, ...). Gives Terraform resources the same
 * entity keys and resource ids as ARM and Bicep, so references like `azurerm_subnet.x.id` resolve.
 * Types: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs (3.x and 4.x names).
 */
export interface ArmIdentity {
  armType: string;
  names: SymString[];
}

/** azurerm type → ARM type and the attributes holding the parent names (outermost first), then `name`. */
const IDENTITIES: Record<string, { armType: string; parents?: string[]; parentId?: string }> = {
  azurerm_virtual_network: { armType: 'Microsoft.Network/virtualNetworks' },
  azurerm_subnet: { armType: 'Microsoft.Network/virtualNetworks/subnets', parents: ['virtual_network_name'] },
  azurerm_network_security_group: { armType: 'Microsoft.Network/networkSecurityGroups' },
  azurerm_network_security_rule: { armType: 'Microsoft.Network/networkSecurityGroups/securityRules', parents: ['network_security_group_name'] },
  azurerm_route_table: { armType: 'Microsoft.Network/routeTables' },
  azurerm_route: { armType: 'Microsoft.Network/routeTables/routes', parents: ['route_table_name'] },
  azurerm_virtual_network_gateway: { armType: 'Microsoft.Network/virtualNetworkGateways' },
  azurerm_virtual_network_gateway_connection: { armType: 'Microsoft.Network/connections' },
  azurerm_express_route_circuit: { armType: 'Microsoft.Network/expressRouteCircuits' },
  azurerm_express_route_gateway: { armType: 'Microsoft.Network/expressRouteGateways' },
  azurerm_virtual_network_peering: { armType: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', parents: ['virtual_network_name'] },
  azurerm_integration_service_environment: { armType: 'Microsoft.Logic/integrationServiceEnvironments' },
  azurerm_logic_app_workflow: { armType: 'Microsoft.Logic/workflows' },
  azurerm_logic_app_integration_account: { armType: 'Microsoft.Logic/integrationAccounts' },
  azurerm_app_service_environment: { armType: 'Microsoft.Web/hostingEnvironments' },
  azurerm_app_service_environment_v3: { armType: 'Microsoft.Web/hostingEnvironments' },
  azurerm_service_plan: { armType: 'Microsoft.Web/serverfarms' },
  azurerm_app_service_plan: { armType: 'Microsoft.Web/serverfarms' },
  azurerm_linux_web_app: { armType: 'Microsoft.Web/sites' },
  azurerm_windows_web_app: { armType: 'Microsoft.Web/sites' },
  azurerm_linux_function_app: { armType: 'Microsoft.Web/sites' },
  azurerm_windows_function_app: { armType: 'Microsoft.Web/sites' },
  azurerm_function_app_flex_consumption: { armType: 'Microsoft.Web/sites' },
  azurerm_logic_app_standard: { armType: 'Microsoft.Web/sites' },
  azurerm_app_service: { armType: 'Microsoft.Web/sites' },
  azurerm_function_app: { armType: 'Microsoft.Web/sites' },
  azurerm_linux_web_app_slot: { armType: 'Microsoft.Web/sites/slots', parentId: 'app_service_id' },
  azurerm_windows_web_app_slot: { armType: 'Microsoft.Web/sites/slots', parentId: 'app_service_id' },
  azurerm_linux_function_app_slot: { armType: 'Microsoft.Web/sites/slots', parentId: 'function_app_id' },
  azurerm_windows_function_app_slot: { armType: 'Microsoft.Web/sites/slots', parentId: 'function_app_id' },
  azurerm_app_service_slot: { armType: 'Microsoft.Web/sites/slots', parents: ['app_service_name'] },
  azurerm_function_app_slot: { armType: 'Microsoft.Web/sites/slots', parents: ['function_app_name'] },
  azurerm_monitor_autoscale_setting: { armType: 'Microsoft.Insights/autoscalesettings' },
  azurerm_network_interface: { armType: 'Microsoft.Network/networkInterfaces' },
  azurerm_private_endpoint: { armType: 'Microsoft.Network/privateEndpoints' },
  azurerm_nat_gateway: { armType: 'Microsoft.Network/natGateways' },
  azurerm_subnet_service_endpoint_storage_policy: { armType: 'Microsoft.Network/serviceEndpointPolicies' },
  azurerm_application_security_group: { armType: 'Microsoft.Network/applicationSecurityGroups' },
  azurerm_public_ip: { armType: 'Microsoft.Network/publicIPAddresses' },
};

/** Resource types whose `id` is the id of the subnet they attach to (Terraform association resources). */
const SUBNET_ID_TYPES = new Set(['azurerm_subnet_network_security_group_association', 'azurerm_subnet_route_table_association', 'azurerm_subnet_nat_gateway_association']);

/** The ARM type an azurerm resource type creates, if this project maps it. */
export function armTypeOf(tfType: string): string | undefined {
  return IDENTITIES[tfType]?.armType;
}

/** ARM identity of a resource instance, or undefined when its type doesn't map to one. */
export function resourceIdentity(tfType: string, body: RObject): ArmIdentity | undefined {
  if (SUBNET_ID_TYPES.has(tfType)) {
    const id = symOf(rget(body, 'subnet_id'));
    const parsed = id === undefined ? undefined : parseResourceId(id);
    return parsed ? { armType: parsed.type, names: parsed.names } : undefined;
  }
  const spec = IDENTITIES[tfType];
  if (!spec) return undefined;
  const name = symOf(rget(body, 'name')) ?? new Unknown(`${tfType}.name`, 'name not known');
  if (spec.parentId) {
    const pid = symOf(rget(body, spec.parentId));
    const parsed = pid === undefined ? undefined : parseResourceId(pid);
    const parent = parsed?.names[parsed.names.length - 1] ?? new Unknown(`${tfType}.${spec.parentId}`, 'parent not known');
    return { armType: spec.armType, names: [parent, name] };
  }
  const parents = (spec.parents ?? []).map((p) => symOf(rget(body, p)) ?? new Unknown(`${tfType}.${p}`, 'parent name not known'));
  return { armType: spec.armType, names: [...parents, name] };
}
