import type { EntityBase, NetworkSecurityGroup, SecurityRule } from '../entities.js';
import { entityKey } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { at, itemsOf, listValue, mergedList, numValue, present, refValue, strValue, unknownOf } from '../rnode-values.js';
import { T, baseOf, parentsOf, bodyOf, childBaseOf, inlineEntities, namesOf, type MapOutput } from './context.js';
import { parentNames } from './network.js';

/**
 * `Microsoft.Network/networkSecurityGroups` with its inline `securityRules`, in declaration order
 * (requirements.md, "What the model must know": NSG).
 */
export function mapNsg(r: ResolvedResource, out: MapOutput): void {
  const body = bodyOf(r);
  const props = at(body, 'properties');
  const nsg: NetworkSecurityGroup = {
    ...baseOf(r, T.nsg),
    kind: 'nsg',
    location: strValue(at(body, 'location')),
    securityRules: [],
  };
  out.entities.push(nsg);
  const rules = at(props, 'securityRules');
  if (present(rules) && rules.kind !== 'array') nsg.rulesUnknown = unknownOf(rules, 'an array of security rules');
  itemsOf(rules).forEach((item, i) => {
    if (item.kind !== 'object') {
      if (present(item)) nsg.rulesUnknown ??= unknownOf(item, 'a security rule object');
      return;
    }
    const { base } = childBaseOf(nsg, namesOf(r), T.securityRule, item, i, 'securityRules');
    const rule = securityRuleFrom(base, nsg.key, at(item, 'properties'));
    inlineEntities.add(rule);
    out.entities.push(rule);
    nsg.securityRules.push(rule);
  });
}

/**
 * `Microsoft.Network/networkSecurityGroups/securityRules` child resource: appended to its NSG's
 * rules (replacing an inline rule of the same key and scope).
 */
export function mapSecurityRuleResource(r: ResolvedResource, out: MapOutput): void {
  const nsgKey = entityKey(T.nsg, parentNames(namesOf(r)));
  const rule = securityRuleFrom(baseOf(r, T.securityRule), nsgKey, at(bodyOf(r), 'properties'));
  out.entities.push(rule);
  out.links.push((index) => {
    for (const e of parentsOf(index, nsgKey, 'nsg', rule.scope)) {
      const i = e.securityRules.findIndex((x) => x.key === rule.key && x.scope === rule.scope && inlineEntities.has(x));
      if (i >= 0) e.securityRules[i] = rule;
      else if (!e.securityRules.includes(rule)) e.securityRules.push(rule);
    }
  });
}

/**
 * Security rule fields from its `properties`: singular and plural port ranges / address prefixes
 * merged into one list each; application security groups as keys.
 */
export function securityRuleFrom(base: EntityBase, nsgKey: string, props: RNode | undefined): SecurityRule {
  return {
    ...base,
    kind: 'securityRule',
    nsg: nsgKey,
    priority: numValue(at(props, 'priority')),
    direction: strValue(at(props, 'direction')),
    access: strValue(at(props, 'access')),
    protocol: strValue(at(props, 'protocol')),
    sourcePortRanges: mergedList(at(props, 'sourcePortRange'), at(props, 'sourcePortRanges'), strValue),
    destinationPortRanges: mergedList(at(props, 'destinationPortRange'), at(props, 'destinationPortRanges'), strValue),
    sourceAddressPrefixes: mergedList(at(props, 'sourceAddressPrefix'), at(props, 'sourceAddressPrefixes'), strValue),
    destinationAddressPrefixes: mergedList(at(props, 'destinationAddressPrefix'), at(props, 'destinationAddressPrefixes'), strValue),
    sourceApplicationSecurityGroups: listValue(at(props, 'sourceApplicationSecurityGroups'), refValue),
    destinationApplicationSecurityGroups: listValue(at(props, 'destinationApplicationSecurityGroups'), refValue),
  };
}
