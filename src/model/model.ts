import type { Entity, EntityKind, EntityOf, Subnet, VirtualNetwork, NetworkSecurityGroup, RouteTable, EntityBase } from './entities.js';
import type { Value } from './value.js';

/**
 * Facts the templates can't show, from the config file's `assumptions` (design.md, "Config").
 * VNet names match case-insensitively; `true` means every VNet.
 */
export interface Assumptions {
  /** VNets connected to ExpressRoute elsewhere (another template, the portal). */
  expressRoute?: boolean | string[];
  /** VNets that use custom DNS servers not written in the templates. */
  customDns?: boolean | string[];
}

/**
 * The whole network graph of one run: every entity from every loaded file, indexed by kind and
 * key, with lookups that resolve references across files. Reference resolution prefers, in order:
 * the same deployment scope, a non-`existing` declaration, the same source format.
 */
export class NetworkModel {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity[]>();
  private readonly byKind = new Map<EntityKind, Entity[]>();
  private subnetUsersCache?: Map<string, Entity[]>;
  private nsgSubnetsCache?: Map<NetworkSecurityGroup, Subnet[]>;

  constructor(readonly assumptions: Assumptions = {}) {}

  /** Adds an entity (loaders call this through the model builder). */
  add(e: Entity): void {
    this.entities.push(e);
    const k = this.byKey.get(e.key);
    if (k) k.push(e);
    else this.byKey.set(e.key, [e]);
    const l = this.byKind.get(e.kind);
    if (l) l.push(e);
    else this.byKind.set(e.kind, [e]);
    this.subnetUsersCache = undefined;
    this.nsgSubnetsCache = undefined;
  }

  /** All entities of a kind, in load order. */
  all<K extends EntityKind>(kind: K): EntityOf<K>[] {
    return (this.byKind.get(kind) ?? []) as EntityOf<K>[];
  }

  /**
   * The entity of `kind` with `key`, as seen from `from` (scope preference above), or undefined.
   * A key with unknown pieces (`{parameters('vnetName')}`) only resolves within `from`'s own
   * deployment scope: the same unresolved expression in two deployments may stand for different values.
   */
  get<K extends EntityKind>(kind: K, key: string | undefined, from?: EntityBase): EntityOf<K> | undefined {
    if (key === undefined) return undefined;
    let cands = (this.byKey.get(key) ?? []).filter((e) => e.kind === kind) as EntityOf<K>[];
    if (from && key.includes('{')) cands = cands.filter((e) => e.scope === from.scope);
    if (cands.length <= 1) return cands[0];
    const score = (e: EntityBase) =>
      (from && e.scope === from.scope ? 4 : 0) + (e.existing ? 0 : 2) + (from && e.format === from.format ? 1 : 0);
    return cands.reduce((best, e) => (score(e) > score(best) ? e : best));
  }

  /** Resolves a reference value; undefined when absent, unknown or not declared in the model. */
  resolve<K extends EntityKind>(kind: K, ref: Value<string> | undefined, from?: EntityBase): EntityOf<K> | undefined {
    return ref && ref.known ? this.get(kind, ref.value, from) : undefined;
  }

  vnetOf(subnet: Subnet): VirtualNetwork | undefined {
    return this.get('vnet', subnet.vnet, subnet);
  }

  subnetsOf(vnet: VirtualNetwork): Subnet[] {
    const out: Subnet[] = [];
    for (const k of vnet.subnets) {
      const s = this.get('subnet', k, vnet);
      if (s && !out.includes(s)) out.push(s);
    }
    return out;
  }

  nsgOf(subnet: Subnet): NetworkSecurityGroup | undefined {
    return this.resolve('nsg', subnet.nsg, subnet);
  }

  routeTableOf(subnet: Subnet): RouteTable | undefined {
    return this.resolve('routeTable', subnet.routeTable, subnet);
  }

  /** Subnets whose NSG reference resolves to `nsg` (indexed once per model). */
  subnetsUsingNsg(nsg: NetworkSecurityGroup): Subnet[] {
    if (!this.nsgSubnetsCache) {
      const m = new Map<NetworkSecurityGroup, Subnet[]>();
      for (const s of this.all('subnet')) {
        const n = this.nsgOf(s);
        if (!n) continue;
        const l = m.get(n);
        if (l) l.push(s);
        else m.set(n, [s]);
      }
      this.nsgSubnetsCache = m;
    }
    return this.nsgSubnetsCache.get(nsg) ?? [];
  }

  /**
   * Everything that uses a subnet: ISEs, ASEs, app integrations, gateways, occupants (NICs, private
   * endpoints, ...) whose subnet reference resolves to this subnet entity (`get` with the user's scope
   * preference, so two unrelated templates that name a subnet alike don't share users).
   * Delegations are not users.
   */
  subnetUsers(subnet: Subnet): Entity[] {
    if (!this.subnetUsersCache) {
      const m = new Map<string, Entity[]>();
      const add = (ref: Value<string> | undefined, e: Entity) => {
        if (!ref || !ref.known) return;
        const target = this.get('subnet', ref.value, e);
        if (!target) return;
        const id = entityId(target);
        const l = m.get(id);
        if (!l) m.set(id, [e]);
        else if (!l.includes(e)) l.push(e);
      };
      for (const e of this.entities) {
        switch (e.kind) {
          case 'ise':
            e.subnets.items.forEach((r) => add(r, e));
            break;
          case 'ase':
            add(e.subnet, e);
            break;
          case 'app':
            e.integrations.forEach((r) => add(r, e));
            break;
          case 'vnetGateway':
            e.subnets.forEach((r) => add(r, e));
            break;
          case 'occupant':
            add(e.subnet, e);
            break;
          default:
            break;
        }
      }
      this.subnetUsersCache = m;
    }
    return this.subnetUsersCache.get(entityId(subnet)) ?? [];
  }

  /**
   * Is the VNet connected to ExpressRoute? `yes` when an ExpressRoute gateway sits in one of its
   * subnets, an ExpressRoute connection uses such a gateway, or the config assumes it; else `no`.
   * (requirements.md, "ExpressRoute presence")
   */
  expressRoute(vnet: VirtualNetwork): 'yes' | 'no' {
    if (assumed(this.assumptions.expressRoute, vnet)) return 'yes';
    const subnetKeys = new Set(this.subnetsOf(vnet).map((s) => s.key));
    for (const gw of this.all('vnetGateway')) {
      if (!gw.subnets.some((r) => r.known && subnetKeys.has(r.value))) continue;
      if (gw.gatewayType?.known && gw.gatewayType.value.toLowerCase() === 'expressroute') return 'yes';
      for (const c of this.all('connection')) {
        if (this.resolve('vnetGateway', c.gateway, c) === gw && c.connectionType?.known && c.connectionType.value.toLowerCase() === 'expressroute') return 'yes';
      }
    }
    return 'no';
  }

  /** True when the config assumes custom DNS servers for this VNet. */
  assumesCustomDns(vnet: VirtualNetwork): boolean {
    return assumed(this.assumptions.customDns, vnet);
  }
}

const ids = new WeakMap<EntityBase, string>();
let nextId = 0;
/** A stable identity for one entity object (two declarations may share a key). */
function entityId(e: EntityBase): string {
  let id = ids.get(e);
  if (!id) ids.set(e, (id = `${e.key}#${nextId++}`));
  return id;
}

function assumed(a: boolean | string[] | undefined, vnet: VirtualNetwork): boolean {
  if (a === true) return true;
  if (!Array.isArray(a) || !vnet.name.known) return false;
  const n = vnet.name.value.toLowerCase();
  return a.some((x) => x.toLowerCase() === n);
}
