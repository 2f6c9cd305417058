/**
 * Hand-built model entities for unit tests of the net/ evaluator and the rule helpers, without a
 * loader. Every value gets a range on its own line of a fake file (`main.json` unless `file` is set),
 * so tests can assert where a finding points. Pass an `UnknownValue` (from `unk(...)`) anywhere a
 * value may be unknown.
 *
 *   const m = modelOf(
 *     vnet('v', ['10.0.0.0/16'], { subnets: ['s'] }),
 *     subnet('v', 's', ['10.0.0.0/27'], { nsg: 'n' }),
 *     nsg('n', [rule({ name: 'DenyAll', priority: 200, direction: 'Inbound', access: 'Deny', line: 12 })]),
 *   );
 */
import type { Report, RuleContext } from '../../src/rules/types.js';
import type { SourceRange } from '../../src/core/position.js';
import type {
  App,
  AppServiceEnvironment,
  AppServicePlan,
  Entity,
  EntityBase,
  IntegrationServiceEnvironment,
  NetworkSecurityGroup,
  Peering,
  Route,
  RouteTable,
  SecurityRule,
  Subnet,
  SubnetOccupant,
  ValueList,
  VirtualNetwork,
} from '../../src/model/entities.js';
import { entityKey } from '../../src/model/keys.js';
import { NetworkModel, type Assumptions } from '../../src/model/model.js';
import { Unknown } from '../../src/model/symbolic.js';
import { known, unknownValue, type UnknownValue, type Value } from '../../src/model/value.js';

export const T = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  rule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  routeTable: 'Microsoft.Network/routeTables',
  route: 'Microsoft.Network/routeTables/routes',
  ise: 'Microsoft.Logic/integrationServiceEnvironments',
  ase: 'Microsoft.Web/hostingEnvironments',
  plan: 'Microsoft.Web/serverfarms',
  app: 'Microsoft.Web/sites',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nic: 'Microsoft.Network/networkInterfaces',
} as const;

let autoLine = 100;

/** A one-line range at `line` (auto-incremented when omitted) of `file`. */
export function at(line?: number, file = 'main.json'): SourceRange {
  const l = line ?? autoLine++;
  return { file, line: l, column: 1, endLine: l, endColumn: 10 };
}

/** An unknown value with canonical expression `expr` (e.g. `parameters('x')`). */
export function unk(expr: string, line?: number, reason = 'parameter without default'): UnknownValue {
  return unknownValue(new Unknown(expr, reason), at(line));
}

/** A value: plain → Known at an auto line; an UnknownValue passes through. */
export function val<T>(v: T | UnknownValue, line?: number): Value<T> {
  if (v && typeof v === 'object' && (v as UnknownValue).known === false && 'unknown' in (v as object)) return v as UnknownValue;
  return known(v as T, at(line));
}

function optVal<T>(v: T | UnknownValue | undefined, line?: number): Value<T> | undefined {
  return v === undefined ? undefined : val(v, line);
}

/** A value list; pass `{ unknown }` via `listUnknown` to mark the list partly unknown. */
export function list<T>(items: readonly (T | UnknownValue)[] = [], listUnknown?: UnknownValue): ValueList<T> {
  return { items: items.map((i) => val(i)), ...(listUnknown ? { unknown: listUnknown } : {}) };
}

function base(type: string, names: string[], line: number | undefined, file: string | undefined): EntityBase {
  const name = names[names.length - 1]!;
  return {
    key: entityKey(type, names),
    type,
    sourceType: type,
    name: known(name, at(line, file)),
    display: `${type}/${name}`,
    range: at(line, file),
    format: 'arm',
    scope: '.',
  };
}

/** Keys for references. */
export const keys = {
  vnet: (v: string) => entityKey(T.vnet, [v]),
  subnet: (v: string, s: string) => entityKey(T.subnet, [v, s]),
  nsg: (n: string) => entityKey(T.nsg, [n]),
  routeTable: (n: string) => entityKey(T.routeTable, [n]),
  ise: (n: string) => entityKey(T.ise, [n]),
  ase: (n: string) => entityKey(T.ase, [n]),
  plan: (n: string) => entityKey(T.plan, [n]),
};

interface Common {
  line?: number;
  file?: string;
}

export function vnet(name: string, prefixes: readonly (string | UnknownValue)[], opts: Common & { subnets?: string[]; dnsServers?: string[]; location?: string } = {}): VirtualNetwork {
  return {
    ...base(T.vnet, [name], opts.line, opts.file),
    kind: 'vnet',
    addressPrefixes: list(prefixes),
    dnsServers: list(opts.dnsServers ?? []),
    subnets: (opts.subnets ?? []).map((s) => keys.subnet(name, s)),
    ...(opts.location ? { location: val(opts.location) } : {}),
  };
}

export function subnet(
  vnetName: string,
  name: string,
  prefixes: readonly (string | UnknownValue)[],
  opts: Common & {
    /** NSG name (→ key) or an unknown reference. */
    nsg?: string | UnknownValue;
    routeTable?: string | UnknownValue;
    delegations?: (string | UnknownValue)[];
    serviceEndpoints?: string[];
    serviceEndpointPolicies?: string[];
    prefixProperty?: 'addressPrefix' | 'addressPrefixes';
  } = {},
): Subnet {
  const ref = (v: string | UnknownValue | undefined, k: (n: string) => string) => (v === undefined ? undefined : typeof v === 'string' ? val(k(v)) : v);
  const nsgRef = ref(opts.nsg, keys.nsg);
  const rtRef = ref(opts.routeTable, keys.routeTable);
  return {
    ...base(T.subnet, [vnetName, name], opts.line, opts.file),
    kind: 'subnet',
    vnet: keys.vnet(vnetName),
    addressPrefixes: list(prefixes),
    prefixProperty: opts.prefixProperty ?? 'addressPrefix',
    delegations: list(opts.delegations ?? []),
    serviceEndpoints: list(opts.serviceEndpoints ?? []),
    serviceEndpointPolicies: list(opts.serviceEndpointPolicies ?? []),
    ...(nsgRef ? { nsg: nsgRef } : {}),
    ...(rtRef ? { routeTable: rtRef } : {}),
  };
}

/** A security rule spec: plain values or unknowns; address/port fields take a string or a list. */
export interface RuleSpec extends Common {
  name: string;
  priority?: number | UnknownValue;
  direction?: 'Inbound' | 'Outbound' | string | UnknownValue;
  access?: 'Allow' | 'Deny' | string | UnknownValue;
  protocol?: string | UnknownValue;
  source?: string | (string | UnknownValue)[] | UnknownValue;
  destination?: string | (string | UnknownValue)[] | UnknownValue;
  sourcePorts?: string | (string | UnknownValue)[] | UnknownValue;
  ports?: string | (string | UnknownValue)[] | UnknownValue;
  sourceAsgs?: string[];
  destinationAsgs?: string[];
}

function listOf(v: string | (string | UnknownValue)[] | UnknownValue | undefined, dflt: string): ValueList<string> {
  if (v === undefined) return list([dflt]);
  if (typeof v === 'string') return list([v]);
  if (Array.isArray(v)) return list(v);
  return { items: [], unknown: v };
}

/** A security rule (defaults: Inbound Allow `*` protocol, `*` addresses and ports). NSG set by `nsg()`. */
export function rule(spec: RuleSpec): Omit<SecurityRule, 'nsg' | 'key'> & { nsg?: string; key?: string } {
  const b = base(T.rule, ['?', spec.name], spec.line, spec.file);
  return {
    ...b,
    kind: 'securityRule',
    priority: optVal(spec.priority, spec.line),
    direction: optVal(spec.direction ?? 'Inbound', spec.line),
    access: optVal(spec.access ?? 'Allow', spec.line),
    protocol: optVal(spec.protocol ?? '*', spec.line),
    sourcePortRanges: listOf(spec.sourcePorts, '*'),
    destinationPortRanges: listOf(spec.ports, '*'),
    sourceAddressPrefixes: listOf(spec.source, '*'),
    destinationAddressPrefixes: listOf(spec.destination, '*'),
    sourceApplicationSecurityGroups: list(spec.sourceAsgs ?? []),
    destinationApplicationSecurityGroups: list(spec.destinationAsgs ?? []),
  };
}

export function nsg(name: string, rules: ReturnType<typeof rule>[], opts: Common & { rulesUnknown?: UnknownValue } = {}): NetworkSecurityGroup {
  const b = base(T.nsg, [name], opts.line, opts.file);
  return {
    ...b,
    kind: 'nsg',
    securityRules: rules.map((r) => {
      const rn = r.name.known ? r.name.value : 'x';
      return { ...r, nsg: b.key, key: entityKey(T.rule, [name, rn]), display: `${T.rule}/${name}/${rn}` } as SecurityRule;
    }),
    ...(opts.rulesUnknown ? { rulesUnknown: opts.rulesUnknown } : {}),
  };
}

export function route(name: string, addressPrefix: string | UnknownValue | undefined, nextHopType: string | UnknownValue | undefined, opts: Common = {}): Omit<Route, 'routeTable'> {
  const b = base(T.route, ['?', name], opts.line, opts.file);
  return { ...b, kind: 'route', addressPrefix: optVal(addressPrefix, opts.line), nextHopType: optVal(nextHopType, opts.line) } as Omit<Route, 'routeTable'>;
}

export function routeTable(name: string, routes: Omit<Route, 'routeTable'>[], opts: Common & { routesUnknown?: UnknownValue } = {}): RouteTable {
  const b = base(T.routeTable, [name], opts.line, opts.file);
  return {
    ...b,
    kind: 'routeTable',
    routes: routes.map((r) => ({ ...r, routeTable: b.key, key: entityKey(T.route, [name, r.name.known ? r.name.value : 'x']) }) as Route),
    ...(opts.routesUnknown ? { routesUnknown: opts.routesUnknown } : {}),
  };
}

export function ise(name: string, subnets: [vnet: string, subnet: string][], opts: Common & { sku?: string; accessEndpoint?: string } = {}): IntegrationServiceEnvironment {
  return {
    ...base(T.ise, [name], opts.line, opts.file),
    kind: 'ise',
    subnets: list(subnets.map(([v, s]) => keys.subnet(v, s))),
    ...(opts.sku ? { sku: val(opts.sku) } : {}),
    ...(opts.accessEndpoint ? { accessEndpoint: val(opts.accessEndpoint) } : {}),
  };
}

export function ase(name: string, sub: [vnet: string, subnet: string] | UnknownValue, opts: Common & { aseKind?: string; ilbMode?: string } = {}): AppServiceEnvironment {
  return {
    ...base(T.ase, [name], opts.line, opts.file),
    kind: 'ase',
    subnet: Array.isArray(sub) ? val(keys.subnet(sub[0], sub[1])) : sub,
    ...(opts.aseKind ? { aseKind: val(opts.aseKind) } : {}),
    ...(opts.ilbMode ? { internalLoadBalancingMode: val(opts.ilbMode) } : {}),
  };
}

export function plan(name: string, opts: Common & { skuName?: string; skuTier?: string; capacity?: number; kind?: string } = {}): AppServicePlan {
  return {
    ...base(T.plan, [name], opts.line, opts.file),
    kind: 'plan',
    ...(opts.skuName ? { skuName: val(opts.skuName) } : {}),
    ...(opts.skuTier ? { skuTier: val(opts.skuTier) } : {}),
    ...(opts.capacity !== undefined ? { skuCapacity: val(opts.capacity) } : {}),
    ...(opts.kind ? { planKind: val(opts.kind) } : {}),
  };
}

export function app(name: string, opts: Common & { plan?: string; integrations?: [vnet: string, subnet: string][]; routeAll?: boolean; contentShare?: boolean; location?: string } = {}): App {
  return {
    ...base(T.app, [name], opts.line, opts.file),
    kind: 'app',
    isSlot: false,
    integrations: (opts.integrations ?? []).map(([v, s]) => val(keys.subnet(v, s))),
    ...(opts.plan ? { plan: val(keys.plan(opts.plan)) } : {}),
    ...(opts.routeAll !== undefined ? { routeAll: val(opts.routeAll) } : {}),
    ...(opts.contentShare !== undefined ? { contentShare: val(opts.contentShare) } : {}),
    ...(opts.location ? { location: val(opts.location) } : {}),
  };
}

export function occupant(name: string, sub: [vnet: string, subnet: string], opts: Common & { type?: string } = {}): SubnetOccupant {
  return { ...base(opts.type ?? T.nic, [name], opts.line, opts.file), kind: 'occupant', subnet: val(keys.subnet(sub[0], sub[1])) };
}

export function peering(fromVnet: string, name: string, remoteVnet: string, opts: Common = {}): Peering {
  return { ...base(T.peering, [fromVnet, name], opts.line, opts.file), kind: 'peering', vnet: keys.vnet(fromVnet), remoteVnet: val(keys.vnet(remoteVnet)) };
}

/** A model holding the entities (security rules and routes come inside their NSG / route table). */
export function modelOf(...entities: Entity[]): NetworkModel {
  return modelWith({}, ...entities);
}

export function modelWith(assumptions: Assumptions, ...entities: Entity[]): NetworkModel {
  const m = new NetworkModel(assumptions);
  for (const e of entities) {
    m.add(e);
    if (e.kind === 'nsg') e.securityRules.forEach((r) => m.add(r));
    if (e.kind === 'routeTable') e.routes.forEach((r) => m.add(r));
  }
  return m;
}

/** A RuleContext that records what a rule reports. */
export class RecordingContext implements RuleContext {
  readonly reports: Report[] = [];
  readonly unknowns: { value: UnknownValue; entity: EntityBase; purpose: string }[] = [];
  report(r: Report): void {
    this.reports.push(r);
  }
  couldNotVerify(value: UnknownValue, entity: EntityBase, purpose: string): void {
    this.unknowns.push({ value, entity, purpose });
  }
}
