import type { IntegrationServiceEnvironment, Subnet, VirtualNetwork } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import { Unknown } from '../../model/symbolic.js';
import { unknownValue, type UnknownValue } from '../../model/value.js';
import { propertyName } from './property-names.js';

/**
 * Which subnets an ISE uses, as the ISE rules read them.
 *
 * `networkConfiguration.subnets[].id` of a `Microsoft.Logic/integrationServiceEnvironments`
 * (seed 000, *Create your ISE*, "Subnets"). A reference that can't be resolved statically is
 * reported as "could not verify" by `ise/subnet-count` only; the other ISE rules skip it, so one
 * unknown subnet id gives one note, not one per rule.
 */
export interface IseSubnets {
  /** Subnets declared in the model, deduplicated, in the ISE's order. */
  subnets: Subnet[];
  /** Known references whose subnet is not declared in the model (e.g. a VNet from another template). */
  undeclared: number;
  /** Unknown references (unresolvable ids). */
  unknown: UnknownValue[];
}

/** The ISE's subnets (see IseSubnets). */
export function iseSubnets(model: NetworkModel, ise: IntegrationServiceEnvironment): IseSubnets {
  const out: IseSubnets = { subnets: [], undeclared: 0, unknown: [] };
  const seen = new Set<string>();
  for (const ref of ise.subnets.items) {
    if (!ref.known) {
      out.unknown.push(ref);
      continue;
    }
    if (seen.has(ref.value)) continue;
    seen.add(ref.value);
    const s = model.get('subnet', ref.value, ise);
    if (s) out.subnets.push(s);
    else out.undeclared++;
  }
  return out;
}

/**
 * Every subnet used by some ISE of the model, once each (a subnet named by two ISEs is checked
 * once), with the first ISE that names it. Subnets declared `existing` (properties unknown) are
 * left out when `withProperties` is set.
 */
export function allIseSubnets(
  model: NetworkModel,
  withProperties = true,
): { subnet: Subnet; ise: IntegrationServiceEnvironment }[] {
  const out: { subnet: Subnet; ise: IntegrationServiceEnvironment }[] = [];
  const seen = new Set<Subnet>();
  for (const ise of model.all('ise')) {
    for (const s of iseSubnets(model, ise).subnets) {
      if (seen.has(s) || (withProperties && s.existing)) continue;
      seen.add(s);
      out.push({ subnet: s, ise });
    }
  }
  return out;
}

/** Every VNet that holds an ISE subnet, once each, with the ISE subnets it holds. */
export function allIseVnets(model: NetworkModel): { vnet: VirtualNetwork; subnets: Subnet[]; ise: IntegrationServiceEnvironment }[] {
  const out: { vnet: VirtualNetwork; subnets: Subnet[]; ise: IntegrationServiceEnvironment }[] = [];
  for (const { subnet, ise } of allIseSubnets(model, false)) {
    const vnet = model.vnetOf(subnet);
    if (!vnet) continue;
    const entry = out.find((e) => e.vnet === vnet);
    if (entry) entry.subnets.push(subnet);
    else out.push({ vnet, subnets: [subnet], ise });
  }
  return out;
}

/** An entity's name for messages (re-exported from subnet-facts for the ISE rules). */
export { nameOf } from '../shared/subnet-facts.js';

/** `Internal` | `External` (seed 002, *ISE endpoint access*), or the unknown value to report. */
export type AccessEndpoint = { kind: 'Internal' | 'External' } | { kind: 'unknown'; value: UnknownValue };

/**
 * The ISE's access endpoint (`networkConfiguration.accessEndpoint.type`). Unset or any other
 * text counts as unknown (Azure requires the property; we never guess which one was meant).
 */
export function accessEndpointOf(ise: IntegrationServiceEnvironment): AccessEndpoint {
  const v = ise.accessEndpoint;
  if (v === undefined) {
    return { kind: 'unknown', value: unknownValue(new Unknown(propertyName(ise.format, 'networkConfiguration.accessEndpoint.type'), 'not set'), ise.range) };
  }
  if (!v.known) return { kind: 'unknown', value: v };
  const t = v.value.trim().toLowerCase();
  if (t === 'internal') return { kind: 'Internal' };
  if (t === 'external') return { kind: 'External' };
  return { kind: 'unknown', value: unknownValue(new Unknown(`'${v.value}'`, 'not Internal or External'), v.range) };
}
