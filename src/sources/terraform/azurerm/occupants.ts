import type { SubnetOccupant } from '../../../model/entities.js';
import { entityKey } from '../../../model/keys.js';
import { at, itemsOf, nameValue, refValue, symOf } from '../../../model/rnode-values.js';
import type { RNode, RObject } from '../../../model/resolved-resource.js';
import type { TfResourceInstance } from '../instance.js';
import { childBase } from './base.js';
import { armTypeOf } from './identity.js';

/**
 * Resources that place something in a subnet (NICs, private endpoints, gateways, application
 * gateways, firewalls, bastion hosts, load balancers, container groups, AKS node pools, APIM,
 * Container Apps environments, flexible servers with a delegated subnet, ...): one occupant per
 * subnet reference. Service-endpoint VNet rules (`*_virtual_network_rule`, `network_rules`,
 * `network_acls`) and App Service access restrictions only name a subnet; they don't occupy it.
 */
const SKIP_TYPES = /virtual_network_rule|network_rule|_association$|swift_connection|^azurerm_subnet$|^azurerm_virtual_network|_web_app|_function_app|^azurerm_app_service|^azurerm_logic_app|^azurerm_integration_service_environment$|network_security|route|^azurerm_private_dns/;
const SKIP_BLOCKS = new Set(['network_rules', 'network_rulesets', 'network_acls', 'virtual_network_rule', 'ip_restriction', 'scm_ip_restriction', 'site_config']);
/** Attributes whose value is the id of a subnet the resource is deployed into. */
const SUBNET_ATTRS = ['subnet_id', 'vnet_subnet_id', 'delegated_subnet_id', 'infrastructure_subnet_id', 'pod_subnet_id', 'subnet_ids'];

export function mapOccupants(inst: TfResourceInstance): SubnetOccupant[] {
  if (!inst.type.startsWith('azurerm_') || SKIP_TYPES.test(inst.type) || inst.mode === 'data') return [];
  const out: SubnetOccupant[] = [];
  const seen = new Set<string>();
  const armType = armTypeOf(inst.type) ?? inst.type;
  const visit = (n: RNode, depth: number) => {
    if (n.kind !== 'object' || depth > 3) return;
    for (const [k, { node }] of (n as RObject).props) {
      if (SUBNET_ATTRS.includes(k)) {
        const refs = node.kind === 'array' ? node.items : [node];
        for (const r of refs) {
          const v = refValue(r);
          if (!v || (v.known && seen.has(v.value))) continue;
          if (v.known) seen.add(v.value);
          // Named like the resource (`name`), keyed by its address and the reference's index.
          const nameNode = at(inst.body, 'name');
          const name = symOf(nameNode) ?? inst.name;
          out.push({
            ...childBase(inst, armType, [name], inst.body),
            key: entityKey(armType, [inst.address, String(out.length)]),
            name: nameValue(name, nameNode?.range ?? inst.range),
            kind: 'occupant',
            subnet: v,
            range: r.range,
          });
        }
      } else if (node.kind === 'array' && !SKIP_BLOCKS.has(k)) {
        for (const item of itemsOf(node)) visit(item, depth + 1);
      }
    }
  };
  visit(inst.body, 0);
  return out;
}
