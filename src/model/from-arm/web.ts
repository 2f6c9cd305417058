import type { AppServiceEnvironment, AppServicePlan, AutoscaleSetting } from '../entities.js';
import { entityKey, parseResourceId } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { anyTrue, at, boolValue, itemsOf, numValue, present, refValue, strValue, symOf, unknownOf } from '../rnode-values.js';
import { Unknown, symSplit, type SymString } from '../symbolic.js';
import { known, unknownValue, type Value } from '../value.js';
import { T, baseOf, bodyOf, type MapOutput } from './context.js';

/** Old numeric forms of `internalLoadBalancingMode` (ARM enum order). */
const ILB_MODES = ['None', 'Web', 'Publishing', 'Web, Publishing'] as const;

/**
 * `Microsoft.Web/hostingEnvironments`: `kind` (ASEV1/ASEV2/ASEV3), the subnet key and
 * `internalLoadBalancingMode` (seed 003; ASEv3 networking doc for v3).
 * Subnet: v1/v2 write `virtualNetwork.id` = the VNet id and `virtualNetwork.subnet` = the subnet
 * name; v3 writes `virtualNetwork.id` = the subnet id. The id's own type decides which form it is.
 * The oldest v1 form writes `vnetName` + `vnetSubnetName`; a subnet name written `vnet/subnet`
 * counts by its last segment. An omitted `kind` stays absent (Azure then creates an ASEv1; the
 * rules read it that way).
 */
export function mapAse(r: ResolvedResource, out: MapOutput): void {
  const body = bodyOf(r);
  const props = at(body, 'properties');
  const vnetNode = at(props, 'virtualNetwork');
  const ase: AppServiceEnvironment = {
    ...baseOf(r, T.ase),
    kind: 'ase',
    location: strValue(at(body, 'location')),
    aseKind: strValue(at(body, 'kind')),
    subnet: aseSubnet(vnetNode) ?? legacyAseSubnet(props),
    internalLoadBalancingMode: ilbMode(at(props, 'internalLoadBalancingMode')),
  };
  out.entities.push(ase);
}

function aseSubnet(vnet: RNode | undefined): Value<string> | undefined {
  if (!present(vnet)) return undefined;
  if (vnet.kind === 'unknown') return unknownOf(vnet, 'an object');
  const idNode = at(vnet, 'id');
  const subNode = at(vnet, 'subnet');
  if (!present(idNode)) return present(subNode) ? unknownValue(new Unknown('virtualnetwork.id', 'ASE subnet name without its VNet id'), subNode.range) : undefined;
  const sym = symOf(idNode);
  const parsed = sym === undefined ? undefined : parseResourceId(sym);
  if (!parsed) return refValue(idNode);
  const t = parsed.type.toLowerCase();
  if (t === T.vnet.toLowerCase()) {
    const sub = lastSegment(symOf(subNode));
    if (sub !== undefined) return known(entityKey(T.subnet, [...parsed.names, sub]), subNode!.range);
    if (present(subNode)) return unknownOf(subNode, 'a subnet name');
    return unknownValue(new Unknown('virtualnetwork.subnet', 'ASE VNet id without a subnet name'), idNode.range);
  }
  return known(entityKey(parsed.type, parsed.names), idNode.range);
}

/** The oldest ASEv1 form: `properties.vnetName` + `vnetSubnetName` (the VNet in `vnetResourceGroupName`). */
function legacyAseSubnet(props: RNode | undefined): Value<string> | undefined {
  if (props?.kind !== 'object') return undefined;
  const vnetNode = at(props, 'vnetName');
  const subNode = at(props, 'vnetSubnetName');
  const vnet = symOf(vnetNode);
  const sub = lastSegment(symOf(subNode));
  if (vnet === undefined || sub === undefined) return undefined;
  return known(entityKey(T.subnet, [vnet, sub]), subNode!.range);
}

/** A subnet name written as `vnet/subnet` (a subnet resource's full name) → `subnet`. */
function lastSegment(s: SymString | undefined): SymString | undefined {
  if (s === undefined) return undefined;
  const segs = symSplit(s, '/').filter((x) => x !== '');
  return segs[segs.length - 1] ?? s;
}

function ilbMode(node: RNode | undefined): Value<string> | undefined {
  if (!present(node) || node.kind !== 'scalar') return strValue(node);
  const v = node.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d\s*$/.test(v) ? Number(v) : undefined;
  if (n !== undefined && ILB_MODES[n] !== undefined) return known(ILB_MODES[n], node.range);
  return strValue(node);
}

/**
 * `Microsoft.Web/serverfarms`: location, kind, SKU name/tier/capacity,
 * `maximumElasticWorkerCount`, Windows containers (`hyperV`, `isXenon` or kind `xenon`) and the
 * ASE it runs in (`hostingEnvironmentProfile.id`) (seed 004 *Subnet requirements*).
 */
export function mapPlan(r: ResolvedResource, out: MapOutput): void {
  const body = bodyOf(r);
  const props = at(body, 'properties');
  const kindNode = at(body, 'kind');
  const planKind = strValue(kindNode);
  const xenonKind = planKind?.known && /xenon/i.test(planKind.value) ? known(true, planKind.range) : undefined;
  const plan: AppServicePlan = {
    ...baseOf(r, T.plan),
    kind: 'plan',
    location: strValue(at(body, 'location')),
    planKind,
    skuName: strValue(at(body, 'sku', 'name')),
    skuTier: strValue(at(body, 'sku', 'tier')),
    skuCapacity: numValue(at(body, 'sku', 'capacity')),
    maximumElasticWorkerCount: numValue(at(props, 'maximumElasticWorkerCount')),
    hyperV: anyTrue([boolValue(at(props, 'hyperV')), boolValue(at(props, 'isXenon')), xenonKind]),
    ase: refValue(at(props, 'hostingEnvironmentProfile')),
  };
  out.entities.push(plan);
}

/**
 * `Microsoft.Insights/autoscalesettings`: the target (`targetResourceUri`, a plan key), the
 * largest `profiles[].capacity.maximum` (ARM writes these as strings) and `enabled`.
 * One unknown maximum makes the largest unknown.
 */
export function mapAutoscale(r: ResolvedResource, out: MapOutput): void {
  const props = at(bodyOf(r), 'properties');
  const profiles = at(props, 'profiles');
  let max: Value<number> | undefined;
  if (present(profiles) && profiles.kind !== 'array') max = unknownOf(profiles, 'an array of profiles');
  else {
    for (const p of itemsOf(profiles)) {
      const m = numValue(at(p, 'capacity', 'maximum'));
      if (!m) continue;
      if (!m.known) {
        max = m;
        break;
      }
      if (!max || (max.known && m.value > max.value)) max = m;
    }
  }
  const a: AutoscaleSetting = {
    ...baseOf(r, T.autoscale),
    kind: 'autoscale',
    target: refValue(at(props, 'targetResourceUri')),
    maxCapacity: max,
    enabled: boolValue(at(props, 'enabled')),
  };
  out.entities.push(a);
}
