import type { AddressContext } from './flow.js';
import {
  ALL_ADDRESSES,
  addressSetOf,
  intersectSet,
  isEmptySet,
  NON_PUBLIC_RANGES,
  setContains,
  subtractSet,
  tryPrefix,
  unionSet,
  type AddressSet,
} from './cidr.js';

/**
 * Service tags and the address algebra of NSG rules (requirements.md, "NSG semantics";
 * https://learn.microsoft.com/azure/virtual-network/service-tags-overview). Tags compare
 * case-insensitively; a regional form `Storage.WestUS` lies inside its global tag `Storage`.
 *
 * What we know without the tags' IP lists:
 * - `*` contains everything;
 * - `Internet` contains the public tags (every tag but VirtualNetwork, AzureLoadBalancer and the
 *   AzurePlatform* host addresses) and public CIDRs outside the VNet's space;
 * - `VirtualNetwork` is the VNet's address space, its peered spaces and subnets (the AddressContext);
 *   on-premises spaces behind a gateway are in it too but unseen, so a private CIDR outside the
 *   known space compares `unknown` against it;
 * - `AzureCloud` ("all datacenter public IP addresses") contains the datacenter-hosted service tags
 *   of DATACENTER_TAGS; against other public tags it is `unknown`;
 * - `AzureLoadBalancer` is the host address 168.63.129.16, `AzurePlatformDNS` too,
 *   `AzurePlatformIMDS` 169.254.169.254;
 * - distinct public tags are taken as disjoint; a public tag against a private CIDR (RFC 1918,
 *   100.64.0.0/10, ...) is disjoint, against a public CIDR `unknown` (we don't hold the IP lists).
 */

/** Service tags we recognize, canonical spelling. A name outside this list is an unknown address. */
export const SERVICE_TAGS: readonly string[] = [
  'VirtualNetwork',
  'AzureLoadBalancer',
  'Internet',
  'AzureCloud',
  'AppServiceManagement',
  'AppService',
  'LogicApps',
  'LogicAppsManagement',
  'AzureConnectors',
  'AzureTrafficManager',
  'ApiManagement',
  'AzureActiveDirectory',
  'AzureActiveDirectoryDomainServices',
  'Storage',
  'Sql',
  'SqlManagement',
  'AzureMonitor',
  'EventHub',
  'ServiceBus',
  'AzureKeyVault',
  'AzureCosmosDB',
  'AzureContainerRegistry',
  'MicrosoftContainerRegistry',
  'GatewayManager',
  'AzureFrontDoor.Backend',
  'AzureFrontDoor.Frontend',
  'AzureFrontDoor.FirstParty',
  'AzureResourceManager',
  'AzureBackup',
  'AzureSiteRecovery',
  'AzureDataLake',
  'AzureEventGrid',
  'AzureIoTHub',
  'AzureMachineLearning',
  'AzureSignalR',
  'AzureDevOps',
  'AzureDatabricks',
  'AzureCognitiveSearch',
  'CognitiveServicesManagement',
  'DataFactory',
  'GuestAndHybridManagement',
  'AzureUpdateDelivery',
  'AzureArcInfrastructure',
  'AzureAttestation',
  'AzureBotService',
  'ActionGroup',
  'ApplicationInsightsAvailability',
  'BatchNodeManagement',
  'HDInsight',
  'MicrosoftCloudAppSecurity',
  'PowerPlatformInfra',
  'PowerQueryOnline',
  'StorageSyncService',
  'WindowsVirtualDesktop',
  'AzurePlatformDNS',
  'AzurePlatformIMDS',
  'AzurePlatformLKM',
];

/**
 * Tags hosted in Azure datacenters, hence inside `AzureCloud` ("All datacenter public IP
 * addresses", service-tags overview). Lower-case.
 */
export const DATACENTER_TAGS: ReadonlySet<string> = new Set(
  [
    'AppServiceManagement',
    'AppService',
    'LogicApps',
    'LogicAppsManagement',
    'AzureConnectors',
    'ApiManagement',
    'Storage',
    'Sql',
    'SqlManagement',
    'AzureMonitor',
    'EventHub',
    'ServiceBus',
    'AzureKeyVault',
    'AzureCosmosDB',
    'AzureContainerRegistry',
  ].map((t) => t.toLowerCase()),
);

const CANONICAL = new Map(SERVICE_TAGS.map((t) => [t.toLowerCase(), t]));

/** Host addresses of the non-public tags. */
const HOST_TAGS: ReadonlyMap<string, AddressSet> = new Map([
  ['azureloadbalancer', addressSetOf([tryPrefix('168.63.129.16/32')!])],
  ['azureplatformdns', addressSetOf([tryPrefix('168.63.129.16/32')!])],
  ['azureplatformimds', addressSetOf([tryPrefix('169.254.169.254/32')!])],
  ['azureplatformlkm', addressSetOf([tryPrefix('168.63.129.16/32')!, tryPrefix('169.254.169.254/32')!])],
]);

const NON_PUBLIC: AddressSet = addressSetOf([...NON_PUBLIC_RANGES]);

/** A recognized service tag: canonical global name and optional region (lower-case). */
export interface TagRef {
  /** Canonical global tag, e.g. `Storage`. */
  tag: string;
  /** Region of a regional form (`Storage.WestUS` → `westus`). */
  region?: string;
}

/**
 * Recognizes a service tag, case-insensitively: a global tag of SERVICE_TAGS or its regional form
 * `Tag.Region`. Returns undefined for anything else (CIDR, `*`, a misspelled tag).
 */
export function parseServiceTag(text: string): TagRef | undefined {
  const t = String(text).trim();
  const exact = CANONICAL.get(t.toLowerCase());
  if (exact) return { tag: exact };
  const dot = t.indexOf('.');
  if (dot <= 0) return undefined;
  const head = CANONICAL.get(t.slice(0, dot).toLowerCase());
  const region = t.slice(dot + 1).toLowerCase();
  if (!head || !/^[a-z0-9]+$/.test(region) || head.includes('.')) return undefined;
  if (head === 'VirtualNetwork' || head === 'Internet' || HOST_TAGS.has(head.toLowerCase())) return undefined;
  return { tag: head, region };
}

/** True when the text is a recognized service tag (global or regional). */
export function isServiceTag(text: string): boolean {
  return parseServiceTag(text) !== undefined;
}

/** How a rule's address relates to a flow's address. */
export type AddressRelation = 'contains' | 'partial' | 'disjoint' | 'unknown';

/** An address of a rule or flow, parsed. */
export type AddressTerm =
  | { kind: 'any' }
  | { kind: 'set'; set: AddressSet; text: string }
  | { kind: 'tag'; tag: TagRef; text: string }
  | { kind: 'unrecognized'; text: string };

/**
 * Parses an NSG address: `*` (also `0.0.0.0/0`+`::/0` are sets), a CIDR or IP (host bits masked,
 * as NSGs accept them), a service tag, or anything else (`unrecognized`, compares `unknown`).
 */
export function parseAddressTerm(text: string): AddressTerm {
  const t = String(text).trim();
  if (t === '*' || t.toLowerCase() === 'any') return { kind: 'any' };
  const p = tryPrefix(t, { allowHostBits: true });
  if (p) return { kind: 'set', set: addressSetOf([p]), text: t };
  const tag = parseServiceTag(t);
  if (tag) return { kind: 'tag', tag, text: t };
  return { kind: 'unrecognized', text: t };
}

/** The address set `VirtualNetwork` stands for in this context (may be empty = unknown). */
export function virtualNetworkSet(ctx: AddressContext): AddressSet {
  const cached = vnetSetCache.get(ctx);
  if (cached && cached.prefixes === ctx.virtualNetworkPrefixes && cached.count === ctx.virtualNetworkPrefixes.length) return cached.set;
  const set = addressSetOf(ctx.virtualNetworkPrefixes.map((t) => tryPrefix(t, { allowHostBits: true })).filter((p) => p !== undefined));
  vnetSetCache.set(ctx, { prefixes: ctx.virtualNetworkPrefixes, count: ctx.virtualNetworkPrefixes.length, set });
  return set;
}

const vnetSetCache = new WeakMap<AddressContext, { prefixes: string[]; count: number; set: AddressSet }>();

/**
 * How `ruleAddress` (as written in a security rule) relates to `flowAddress` (of a required flow):
 * `contains` — every address of the flow is matched by the rule; `partial` — some are;
 * `disjoint` — none; `unknown` — we can't tell (tag vs public CIDR, unrecognized text, no VNet
 * prefixes for `VirtualNetwork`). See the module comment for the algebra. Never throws.
 */
export function compareAddress(ruleAddress: string, flowAddress: string, ctx: AddressContext): AddressRelation {
  return compareTerms([parseAddressTerm(ruleAddress)], flowTerm(parseAddressTerm(flowAddress), ctx), ctx);
}

/**
 * Like compareAddress for a rule's address list (singular and plural properties merged): CIDR
 * items are united before comparing; then `contains` if any item contains, else `unknown` if any is
 * unknown, else `partial` if any overlaps, else `disjoint`.
 */
export function compareAddresses(ruleAddresses: readonly string[], flowAddress: string, ctx: AddressContext): AddressRelation {
  return compareTerms(ruleAddresses.map(parseAddressTerm), flowTerm(parseAddressTerm(flowAddress), ctx), ctx);
}

/**
 * The term the evaluator tracks for a flow address: `VirtualNetwork` becomes the set of the
 * context's prefixes when there are any (a required flow's VirtualNetwork means this VNet's space).
 */
export function flowTerm(term: AddressTerm, ctx: AddressContext): AddressTerm {
  if (term.kind === 'tag' && term.tag.tag === 'VirtualNetwork' && !term.tag.region) {
    const set = virtualNetworkSet(ctx);
    if (!isEmptySet(set)) return { kind: 'set', set, text: term.text };
  }
  return term;
}

/** compareAddresses on parsed terms (rule items vs one flow term). */
export function compareTerms(ruleTerms: readonly AddressTerm[], flow: AddressTerm, ctx: AddressContext): AddressRelation {
  const sets = ruleTerms.filter((t): t is Extract<AddressTerm, { kind: 'set' }> => t.kind === 'set');
  const rels: AddressRelation[] = [];
  if (sets.length > 0) {
    const union = sets.reduce<AddressSet>((acc, s) => unionSet(acc, s.set), []);
    rels.push(compareOne({ kind: 'set', set: union, text: sets.map((s) => s.text).join(',') }, flow, ctx));
  }
  for (const t of ruleTerms) if (t.kind !== 'set') rels.push(compareOne(t, flow, ctx));
  if (rels.includes('contains')) return 'contains';
  if (rels.includes('unknown')) return 'unknown';
  if (rels.includes('partial')) return 'partial';
  return 'disjoint';
}

/** Set relation of `rule` against `flow`. */
function setRelation(rule: AddressSet, flow: AddressSet): 'contains' | 'partial' | 'disjoint' {
  if (isEmptySet(flow)) return 'disjoint';
  if (setContains(rule, flow)) return 'contains';
  return isEmptySet(intersectSet(rule, flow)) ? 'disjoint' : 'partial';
}

function publicnessOf(set: AddressSet): 'private' | 'public' | 'mixed' {
  if (setContains(NON_PUBLIC, set)) return 'private';
  return isEmptySet(intersectSet(NON_PUBLIC, set)) ? 'public' : 'mixed';
}

type TagClass = 'internet' | 'vnet' | 'host' | 'public';

function tagClass(t: TagRef): TagClass {
  const k = t.tag.toLowerCase();
  if (k === 'internet') return 'internet';
  if (k === 'virtualnetwork') return 'vnet';
  if (HOST_TAGS.has(k)) return 'host';
  return 'public';
}

function compareOne(rule: AddressTerm, flow: AddressTerm, ctx: AddressContext): AddressRelation {
  if (rule.kind === 'any') return 'contains';
  if (rule.kind === 'unrecognized' || flow.kind === 'unrecognized') return 'unknown';
  if (flow.kind === 'any') {
    if (rule.kind === 'set') return setContains(rule.set, ALL_ADDRESSES) ? 'contains' : 'partial';
    return 'partial';
  }
  if (rule.kind === 'set' && flow.kind === 'set') return setRelation(rule.set, flow.set);
  if (rule.kind === 'tag' && flow.kind === 'tag') return tagVsTag(rule.tag, flow.tag);
  if (rule.kind === 'tag' && flow.kind === 'set') return tagVsSet(rule.tag, flow.set, ctx);
  if (rule.kind === 'set' && flow.kind === 'tag') return setVsTag(rule.set, flow.tag, ctx);
  return 'unknown';
}

/** Rule tag vs flow tag. */
function tagVsTag(r: TagRef, f: TagRef): AddressRelation {
  const rc = tagClass(r);
  const fc = tagClass(f);
  const rk = r.tag.toLowerCase();
  const fk = f.tag.toLowerCase();
  if (rk === fk) {
    if (!r.region) return 'contains';
    if (!f.region) return 'partial';
    return r.region === f.region ? 'contains' : 'disjoint';
  }
  if (rc === 'internet') return fc === 'public' ? 'contains' : 'disjoint';
  if (fc === 'internet') return rc === 'public' ? 'partial' : 'disjoint';
  if (rc === 'host' && fc === 'host') {
    const a = HOST_TAGS.get(rk)!;
    const b = HOST_TAGS.get(fk)!;
    return setRelation(a, b);
  }
  if (rc !== 'public' || fc !== 'public') return 'disjoint';
  // both public, different tags
  if (rk === 'azurecloud' || fk === 'azurecloud') {
    const other = rk === 'azurecloud' ? fk : rk;
    if (!DATACENTER_TAGS.has(other)) return 'unknown';
    if (rk === 'azurecloud') {
      if (!r.region) return 'contains';
      if (!f.region) return 'partial';
      return r.region === f.region ? 'contains' : 'disjoint';
    }
    // rule is a datacenter tag, flow is AzureCloud: the rule covers part of it
    if (r.region && f.region && r.region !== f.region) return 'disjoint';
    return 'partial';
  }
  return 'disjoint';
}

/** Rule tag vs a flow address set. */
function tagVsSet(r: TagRef, flow: AddressSet, ctx: AddressContext): AddressRelation {
  const rc = tagClass(r);
  const vnet = virtualNetworkSet(ctx);
  if (rc === 'host') return setRelation(HOST_TAGS.get(r.tag.toLowerCase())!, flow);
  if (rc === 'vnet') {
    if (r.region) return 'unknown';
    const rel = setRelation(vnet, flow);
    if (rel !== 'disjoint') return rel;
    // outside the known VNet space: public addresses aren't VirtualNetwork; private ones may be on-premises
    return publicnessOf(flow) === 'public' ? 'disjoint' : 'unknown';
  }
  const pub = publicnessOf(flow);
  if (rc === 'internet') {
    const outside = subtractSet(flow, vnet);
    if (isEmptySet(outside)) return 'disjoint';
    if (pub === 'private') return 'disjoint';
    if (pub === 'public') return isEmptySet(intersectSet(flow, vnet)) ? 'contains' : 'partial';
    return 'partial';
  }
  // public tag
  if (pub === 'private') return 'disjoint';
  return 'unknown';
}

/** Rule address set vs a flow tag. */
function setVsTag(rule: AddressSet, f: TagRef, ctx: AddressContext): AddressRelation {
  const fc = tagClass(f);
  if (fc === 'host') return setRelation(rule, HOST_TAGS.get(f.tag.toLowerCase())!);
  if (fc === 'vnet') {
    const vnet = virtualNetworkSet(ctx);
    if (isEmptySet(vnet) || f.region) return setContains(rule, ALL_ADDRESSES) ? 'contains' : 'unknown';
    return setRelation(rule, vnet);
  }
  const ipv4All = addressSetOf([tryPrefix('0.0.0.0/0')!]);
  if (setContains(rule, ipv4All)) return 'contains';
  const pub = publicnessOf(rule);
  if (pub === 'private') return 'disjoint';
  if (fc === 'internet') return 'partial';
  return 'unknown';
}
