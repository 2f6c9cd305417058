import type { SourceFormat } from '../../model/entities.js';

/**
 * ARM property names used in the ISE rules' fix hints, and how Terraform azurerm 4.x writes the
 * same setting (Bicep keeps the ARM names). Sources: the azurerm provider documentation of
 * azurerm_subnet, azurerm_route_table, azurerm_network_security_group and
 * azurerm_integration_service_environment (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs).
 */
const TERRAFORM: Record<string, string> = {
  addressPrefix: 'address_prefixes',
  'route addressPrefix': 'address_prefix',
  nextHopType: 'next_hop_type',
  serviceEndpoints: 'service_endpoints',
  serviceName: 'service_delegation name',
  sourcePortRange: 'source_port_range',
  'networkConfiguration.subnets': 'virtual_network_subnet_ids',
  'networkConfiguration.accessEndpoint.type': 'access_endpoint_type',
};

/**
 * The name of the property `arm` (a key of the table above; `route addressPrefix` is a route's
 * prefix) as the entity's source format writes it: the Terraform attribute for Terraform, else the
 * ARM name (the ARM name without the `route ` qualifier).
 */
export function propertyName(format: SourceFormat | undefined, arm: string): string {
  if (format === 'terraform' && TERRAFORM[arm]) return TERRAFORM[arm]!;
  return arm.replace(/^route /, '');
}

/** A string literal as the entity's format writes it: `"x"` in Terraform, `'x'` in ARM and Bicep messages. */
export function literal(format: SourceFormat | undefined, s: string): string {
  return format === 'terraform' ? `"${s}"` : `'${s}'`;
}
