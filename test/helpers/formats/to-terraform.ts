import { armText, isExpression, literal, literalId, nameKeys, NoTwin, obj, parseArmExpression, readArm, refKey, resourceIdNames, type ArmAst, type ArmParameter, type Obj } from './arm-source.js';

/** An attribute `[key, hcl]` or a nested block. */
type Item = [string, string] | { block: string; items: Item[] };

/** `"…"` with HCL escapes (`\\`, `\"`, `$${`, `%%{`). */
export function hclString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}
const S = hclString;


/** ARM resource type (lower case) → the azurerm resource type written for it, where it doesn't depend on the resource's properties. */
export const TF_TYPES: Record<string, string> = {
  'microsoft.network/networksecuritygroups': 'azurerm_network_security_group',
  'microsoft.network/routetables': 'azurerm_route_table',
  'microsoft.network/virtualnetworks': 'azurerm_virtual_network',
  'microsoft.network/virtualnetworks/subnets': 'azurerm_subnet',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'azurerm_virtual_network_peering',
  'microsoft.network/virtualnetworkgateways': 'azurerm_virtual_network_gateway',
  'microsoft.network/networkinterfaces': 'azurerm_network_interface',
  'microsoft.network/publicipaddresses': 'azurerm_public_ip',
  'microsoft.network/privateendpoints': 'azurerm_private_endpoint',
  'microsoft.network/serviceendpointpolicies': 'azurerm_subnet_service_endpoint_storage_policy',
  'microsoft.storage/storageaccounts': 'azurerm_storage_account',
  'microsoft.web/serverfarms': 'azurerm_service_plan',
  'microsoft.insights/autoscalesettings': 'azurerm_monitor_autoscale_setting',
  'microsoft.logic/integrationserviceenvironments': 'azurerm_integration_service_environment',
  'microsoft.logic/workflows': 'azurerm_logic_app_workflow',
  'microsoft.logic/integrationaccounts': 'azurerm_logic_app_integration_account',
};

function renderBlock(header: string, items: Item[], indent = 0): string {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}${header} {`];
  for (const it of items) {
    if (Array.isArray(it)) lines.push(`${pad}  ${it[0]} = ${it[1]}`);
    else lines.push(renderBlock(it.block, it.items, indent + 2));
  }
  lines.push(`${pad}}`);
  return lines.join('\n');
}

const isExpr = isExpression;
const lc = (s: string) => s.toLowerCase();

interface Registered {
  address: string;
}

/** The subnet properties the printer writes (anything else throws {@link NoTwin}). */
const SUBNET_PROPS = ['addressPrefix', 'addressPrefixes', 'serviceEndpoints', 'serviceEndpointPolicies', 'delegations', 'networkSecurityGroup', 'routeTable'];

class Converter {
  private readonly params: Record<string, ArmParameter>;
  private readonly vars: Obj;
  private readonly resources: Obj[];
  private readonly registry = new Map<string, Registered>();
  private readonly usedSyms = new Set<string>();
  private needsRg = false;
  private readonly blocks: string[] = [];
  /** ARM site name key → TF address, for slots, swift connections and plans. */
  private readonly siteAddress = new Map<string, string>();

  constructor(text: string) {
    const t = readArm(text);
    this.params = t.parameters;
    this.vars = t.variables;
    this.resources = t.resources;
  }

  // ---- names and references --------------------------------------------------------------

  private nameKeys(name: unknown): string[] {
    return nameKeys(name);
  }

  private keyOf(type: string, names: string[]): string {
    return refKey(type, names);
  }

  private sym(tfType: string, hint: string): string {
    let s = hint.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(s)) s = `r_${s}`;
    while (this.usedSyms.has(`${tfType}.${s}`)) s += '_2';
    this.usedSyms.add(`${tfType}.${s}`);
    return s;
  }

  private hintOf(name: unknown, fallback: string): string {
    return isExpr(name) ? fallback : String(name).split('/').pop()!;
  }

  // ---- expressions -------------------------------------------------------------------------

  /** A JSON value as an HCL expression: lists and objects on one line, a list one item per line when `multiline`. */
  value(v: unknown, multiline?: { indent: string }): string {
    if (typeof v === 'string') return isExpr(v) ? this.expr(parseArmExpression(v.slice(1, -1))) : S(literal(v));
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) {
      if (!multiline || v.length === 0) return `[${v.map((x) => this.value(x)).join(', ')}]`;
      return `[\n${v.map((x) => `${multiline.indent}  ${this.value(x)},`).join('\n')}\n${multiline.indent}]`;
    }
    if (v === null || v === undefined) return 'null';
    return `{ ${Object.entries(v as Obj).map(([k, x]) => `${k} = ${this.value(x)}`).join(', ')} }`;
  }

  /** A number attribute: ARM sometimes writes counts as strings. */
  numberValue(v: unknown): string {
    return typeof v === 'string' && /^\d+$/.test(v) ? v : this.value(v);
  }

  private expr(e: ArmAst): string {
    switch (e.k) {
      case 'str':
        return S(e.v);
      case 'num':
      case 'bool':
        return String(e.v);
      case 'member':
        if (e.obj.k === 'call' && e.obj.f === 'resourceGroup') {
          this.needsRg = true;
          return `data.azurerm_resource_group.rg.${e.prop}`;
        }
        throw new NoTwin(`member access ${armText(e)}`);
      case 'index':
        throw new NoTwin(`index ${armText(e)}`);
      case 'call':
        return this.call(e);
    }
  }

  private call(e: Extract<ArmAst, { k: 'call' }>): string {
    const f = lc(e.f);
    const a = e.args;
    if ((f === 'parameters' || f === 'variables') && a[0]?.k === 'str') {
      const name = a[0].v;
      if (f === 'variables') return `local.${name}`;
      const p = this.params[name];
      return p && isExpr(p.defaultValue) ? `local.${name}` : `var.${name}`;
    }
    if (f === 'resourceid' && a[0]?.k === 'str') {
      const type = a[0].v;
      const names = resourceIdNames(e);
      const r = this.registry.get(this.keyOf(type, names));
      if (r) return `${r.address}.id`;
      if (a.slice(1).every((x) => x.k === 'str')) return S(literalId(type, names));
      throw new NoTwin(`resourceId of a resource not in the template: ${armText(e)}`);
    }
    if (f === 'concat') {
      return `"${a.map((x) => (x.k === 'str' ? S(x.v).slice(1, -1) : `\${${this.expr(x)}}`)).join('')}"`;
    }
    if (f === 'uniquestring') return `substr(sha1(${a.map((x) => this.expr(x)).join(', ')}), 0, 13)`;
    throw new NoTwin(`function ${e.f}()`);
  }

  // ---- resources ---------------------------------------------------------------------------

  private common(r: Obj, withLocation = true): Item[] {
    const items: Item[] = [['name', this.value(r.name)], ['resource_group_name', S('rg')]];
    if (withLocation && r.location !== undefined) items.push(['location', this.value(r.location)]);
    return items;
  }

  /** First pass: addresses for every resource (and inline subnet) a `resourceId` can name. */
  private register(): void {
    for (const r of this.resources) {
      const type = String(r.type);
      const names = this.nameKeys(r.name);
      const add = (tfType: string, armType: string, keyNames: string[], hint: string) => {
        const address = `${tfType}.${this.sym(tfType, hint)}`;
        this.registry.set(this.keyOf(armType, keyNames), { address });
        return address;
      };
      const t = lc(type);
      const hint = this.hintOf(r.name, t.split('/').pop()!.replace(/s$/, ''));
      const props = (r.properties ?? {}) as Obj;
      if (t === 'microsoft.network/virtualnetworks') {
        add('azurerm_virtual_network', type, names, hint);
        for (const s of (props.subnets ?? []) as Obj[]) add('azurerm_subnet', 'Microsoft.Network/virtualNetworks/subnets', [...names, ...this.nameKeys(s.name)], this.hintOf(s.name, 'subnet'));
      } else if (t === 'microsoft.web/hostingenvironments') add(this.aseType(r), type, names, hint);
      else if (TF_TYPES[t]) add(TF_TYPES[t], type, names, hint);
      else if (t === 'microsoft.web/sites') {
        const tfType = this.siteType(r);
        const address = add(tfType, type, names, hint);
        this.siteAddress.set(names.join('/'), address);
      }
    }
  }

  /** `ASEV3` → `azurerm_app_service_environment_v3`, `ASEV2` → `azurerm_app_service_environment`; no twin for other kinds. */
  private aseType(r: Obj): string {
    const kind = typeof r.kind === 'string' && !isExpr(r.kind) ? r.kind.toUpperCase() : undefined;
    if (kind !== 'ASEV3' && kind !== 'ASEV2') throw new NoTwin(`ASE kind ${String(r.kind)} (azurerm has v2 and v3 only)`);
    return kind === 'ASEV3' ? 'azurerm_app_service_environment_v3' : 'azurerm_app_service_environment';
  }

  private planOsOf(r: Obj): 'Linux' | 'Windows' | 'WindowsContainer' {
    const kind = lc(String(r.kind ?? ''));
    const props = (r.properties ?? {}) as Obj;
    if (kind.includes('linux') || props.reserved === true) return 'Linux';
    if (props.hyperV === true || props.isXenon === true) return 'WindowsContainer';
    const planKey = this.nameKeys(r.name).join('/');
    // A plan is Linux when a Linux site runs on it.
    for (const s of this.resources) {
      if (lc(String(s.type)) !== 'microsoft.web/sites') continue;
      const sp = (s.properties ?? {}) as Obj;
      if (this.planKeyOfSite(sp) === planKey && lc(String(s.kind ?? '')).includes('linux')) return 'Linux';
    }
    return 'Windows';
  }

  private planKeyOfSite(sp: Obj): string | undefined {
    const id = sp.serverFarmId;
    if (!isExpr(id)) return undefined;
    const e = parseArmExpression(String(id).slice(1, -1));
    if (e.k !== 'call' || lc(e.f) !== 'resourceid') return undefined;
    return resourceIdNames(e).join('/');
  }

  private siteType(r: Obj): string {
    const kind = lc(String(r.kind ?? 'app'));
    if (kind.includes('workflowapp')) return 'azurerm_logic_app_standard';
    const props = (r.properties ?? {}) as Obj;
    const planKey = this.planKeyOfSite(props);
    const plan = this.resources.find((p) => lc(String(p.type)) === 'microsoft.web/serverfarms' && this.nameKeys(p.name).join('/') === planKey);
    const sku = plan ? lc(String(((plan.sku ?? {}) as Obj).name ?? '')) : '';
    if (kind.includes('functionapp') && sku === 'fc1') return 'azurerm_function_app_flex_consumption';
    const linux = kind.includes('linux') || (plan !== undefined && lc(String(plan.kind ?? '')).includes('linux'));
    return `azurerm_${linux ? 'linux' : 'windows'}_${kind.includes('functionapp') ? 'function' : 'web'}_app`;
  }

  private addressOf(armType: string, name: unknown): string {
    const r = this.registry.get(this.keyOf(armType, this.nameKeys(name)));
    if (!r) throw new NoTwin(`no address for ${armType} ${String(name)}`);
    return r.address;
  }

  private emit(address: string, items: Item[]): void {
    const [type, sym] = address.split('.');
    this.blocks.push(renderBlock(`resource "${type}" "${sym}"`, items));
  }

  private resource(r: Obj): void {
    const type = String(r.type);
    const t = lc(type);
    const props = (r.properties ?? {}) as Obj;
    switch (t) {
      case 'microsoft.network/networksecuritygroups':
        this.emit(this.addressOf(type, r.name), [...this.common(r), ...((props.securityRules ?? []) as Obj[]).map((s) => ({ block: 'security_rule', items: this.securityRule(s) }))]);
        return;
      case 'microsoft.network/routetables':
        this.emit(this.addressOf(type, r.name), [...this.common(r), ...((props.routes ?? []) as Obj[]).map((x) => ({ block: 'route', items: this.route(x) }))]);
        return;
      case 'microsoft.network/virtualnetworks': {
        const address = this.addressOf(type, r.name);
        const space = ((props.addressSpace ?? {}) as Obj).addressPrefixes ?? [];
        const items: Item[] = [...this.common(r), ['address_space', this.value(space)]];
        const dns = ((props.dhcpOptions ?? {}) as Obj).dnsServers;
        if (dns !== undefined) items.push(['dns_servers', this.value(dns)]);
        this.emit(address, items);
        for (const s of (props.subnets ?? []) as Obj[]) {
          const sa = this.registry.get(this.keyOf('Microsoft.Network/virtualNetworks/subnets', [...this.nameKeys(r.name), ...this.nameKeys(s.name)]))!.address;
          this.subnet(sa, this.value(s.name), `${address}.name`, (s.properties ?? {}) as Obj);
        }
        return;
      }
      case 'microsoft.network/virtualnetworks/subnets': {
        const names = this.nameKeys(r.name);
        if (names.length !== 2) throw new NoTwin(`subnet name ${String(r.name)}`);
        const vnet = this.registry.get(this.keyOf('Microsoft.Network/virtualNetworks', [names[0]!]));
        this.subnet(this.addressOf(type, r.name), S(names[1]!), vnet ? `${vnet.address}.name` : S(names[0]!), props);
        return;
      }
      case 'microsoft.network/virtualnetworkgateways': {
        const sku = obj(props.sku).name ?? obj(r.sku).name;
        const items: Item[] = [...this.common(r), ['type', this.value(props.gatewayType)]];
        if (sku !== undefined) items.push(['sku', this.value(sku)]);
        for (const c of (props.ipConfigurations ?? []) as Obj[]) {
          const cp = obj(c.properties);
          const ip: Item[] = [['name', this.value(c.name)], ['subnet_id', this.value(obj(cp.subnet).id)]];
          if (cp.publicIPAddress !== undefined) ip.push(['public_ip_address_id', this.value(obj(cp.publicIPAddress).id)]);
          items.push({ block: 'ip_configuration', items: ip });
        }
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.network/publicipaddresses': {
        const items: Item[] = [...this.common(r), ['allocation_method', this.value(props.publicIPAllocationMethod ?? 'Static')]];
        if (obj(r.sku).name !== undefined) items.push(['sku', this.value(obj(r.sku).name)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.network/virtualnetworks/virtualnetworkpeerings': {
        const names = this.nameKeys(r.name);
        if (names.length !== 2) throw new NoTwin(`peering name ${String(r.name)}`);
        const vnet = this.registry.get(this.keyOf('Microsoft.Network/virtualNetworks', [names[0]!]));
        const items: Item[] = [
          ['name', S(names[1]!)],
          ['resource_group_name', S('rg')],
          ['virtual_network_name', vnet ? `${vnet.address}.name` : S(names[0]!)],
          ['remote_virtual_network_id', this.value(obj(props.remoteVirtualNetwork).id)],
        ];
        if (props.allowVirtualNetworkAccess !== undefined) items.push(['allow_virtual_network_access', this.value(props.allowVirtualNetworkAccess)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.logic/integrationserviceenvironments': {
        const sku = obj(r.sku);
        const net = obj(props.networkConfiguration);
        const items: Item[] = [...this.common(r), ['sku_name', S(`${String(sku.name ?? 'Premium')}_${String(sku.capacity ?? 0)}`)]];
        const endpoint = obj(net.accessEndpoint).type;
        if (endpoint !== undefined) items.push(['access_endpoint_type', this.value(endpoint)]);
        const subnets = net.subnets;
        items.push(['virtual_network_subnet_ids', Array.isArray(subnets) ? this.value(subnets.map((x) => obj(x).id ?? null), { indent: '  ' }) : this.value(subnets)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.logic/workflows': {
        const items: Item[] = [...this.common(r)];
        if (props.integrationServiceEnvironment !== undefined) items.push(['integration_service_environment_id', this.value(obj(props.integrationServiceEnvironment).id)]);
        if (props.integrationAccount !== undefined) items.push(['logic_app_integration_account_id', this.value(obj(props.integrationAccount).id)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.logic/integrationaccounts': {
        const items: Item[] = [...this.common(r), ['sku_name', this.value(obj(r.sku).name ?? 'Standard')]];
        if (props.integrationServiceEnvironment !== undefined) items.push(['integration_service_environment_id', this.value(obj(props.integrationServiceEnvironment).id)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.network/networkinterfaces': {
        const items: Item[] = [...this.common(r)];
        for (const c of (props.ipConfigurations ?? []) as Obj[]) {
          const cp = (c.properties ?? {}) as Obj;
          items.push({
            block: 'ip_configuration',
            items: [['name', this.value(c.name)], ['subnet_id', this.value(((cp.subnet ?? {}) as Obj).id)], ['private_ip_address_allocation', this.value(cp.privateIPAllocationMethod ?? 'Dynamic')]],
          });
        }
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.network/privateendpoints': {
        const items: Item[] = [...this.common(r), ['subnet_id', this.value(((props.subnet ?? {}) as Obj).id)]];
        for (const c of (props.privateLinkServiceConnections ?? []) as Obj[]) {
          const cp = (c.properties ?? {}) as Obj;
          items.push({
            block: 'private_service_connection',
            items: [['name', this.value(c.name)], ['private_connection_resource_id', this.value(cp.privateLinkServiceId)], ['subresource_names', this.value(cp.groupIds ?? [])], ['is_manual_connection', 'false']],
          });
        }
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.network/serviceendpointpolicies':
        this.emit(this.addressOf(type, r.name), this.common(r));
        return;
      case 'microsoft.storage/storageaccounts': {
        const items: Item[] = [...this.common(r), ['account_tier', S('Standard')], ['account_replication_type', S('LRS')]];
        if (props.publicNetworkAccess === 'Disabled') items.push(['public_network_access_enabled', 'false']);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.web/serverfarms': {
        const sku = (r.sku ?? {}) as Obj;
        const items: Item[] = [...this.common(r), ['os_type', S(this.planOsOf(r))], ['sku_name', this.value(sku.name)]];
        if (sku.capacity !== undefined) items.push(['worker_count', this.numberValue(sku.capacity)]);
        if (props.maximumElasticWorkerCount !== undefined) items.push(['maximum_elastic_worker_count', this.numberValue(props.maximumElasticWorkerCount)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.web/sites':
        this.site(this.addressOf(type, r.name), r);
        return;
      case 'microsoft.web/sites/slots': {
        const [site, slot] = this.nameKeys(r.name);
        const parent = this.siteAddress.get(site ?? '');
        if (!parent || slot === undefined) throw new NoTwin(`slot ${String(r.name)}`);
        const ptype = parent.split('.')[0]!;
        if (!/^azurerm_(linux|windows)_(web|function)_app$/.test(ptype)) throw new NoTwin(`slot of ${ptype}`);
        const items: Item[] = [['name', S(slot)], [ptype.includes('function') ? 'function_app_id' : 'app_service_id', `${parent}.id`]];
        if (props.virtualNetworkSubnetId !== undefined) items.push(['virtual_network_subnet_id', this.value(props.virtualNetworkSubnetId)]);
        items.push({ block: 'site_config', items: [] });
        this.emit(`${ptype}_slot.${this.sym(`${ptype}_slot`, slot)}`, items);
        return;
      }
      case 'microsoft.web/sites/networkconfig': {
        const [site] = this.nameKeys(r.name);
        const parent = this.siteAddress.get(site ?? '');
        if (!parent) throw new NoTwin(`networkConfig ${String(r.name)}`);
        this.emit(`azurerm_app_service_virtual_network_swift_connection.${this.sym('azurerm_app_service_virtual_network_swift_connection', site!)}`, [
          ['app_service_id', `${parent}.id`],
          ['subnet_id', this.value(props.subnetResourceId)],
        ]);
        return;
      }
      case 'microsoft.web/hostingenvironments': {
        const items: Item[] = [...this.common(r, false), ['subnet_id', this.value(((props.virtualNetwork ?? {}) as Obj).id)]];
        if (props.internalLoadBalancingMode !== undefined) items.push(['internal_load_balancing_mode', this.value(props.internalLoadBalancingMode)]);
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      case 'microsoft.insights/autoscalesettings': {
        const items: Item[] = [...this.common(r), ['target_resource_id', this.value(props.targetResourceUri)]];
        if (props.enabled !== undefined) items.push(['enabled', this.value(props.enabled)]);
        for (const p of (props.profiles ?? []) as Obj[]) {
          const c = (p.capacity ?? {}) as Obj;
          items.push({
            block: 'profile',
            items: [['name', this.value(p.name)], { block: 'capacity', items: (['default', 'minimum', 'maximum'] as const).map((k): Item => [k, this.numberValue(c[k])]) }],
          });
        }
        this.emit(this.addressOf(type, r.name), items);
        return;
      }
      default:
        throw new NoTwin(`no azurerm mapping for ${type}`);
    }
  }

  private securityRule(s: Obj): Item[] {
    const p = (s.properties ?? {}) as Obj;
    const items: Item[] = [['name', this.value(s.name)]];
    const map: [string, string][] = [
      ['description', 'description'],
      ['priority', 'priority'],
      ['direction', 'direction'],
      ['access', 'access'],
      ['protocol', 'protocol'],
      ['sourcePortRange', 'source_port_range'],
      ['sourcePortRanges', 'source_port_ranges'],
      ['destinationPortRange', 'destination_port_range'],
      ['destinationPortRanges', 'destination_port_ranges'],
      ['sourceAddressPrefix', 'source_address_prefix'],
      ['sourceAddressPrefixes', 'source_address_prefixes'],
      ['destinationAddressPrefix', 'destination_address_prefix'],
      ['destinationAddressPrefixes', 'destination_address_prefixes'],
    ];
    for (const k of Object.keys(p)) if (!map.some(([arm]) => arm === k)) throw new NoTwin(`security rule property ${k}`);
    for (const [arm, tf] of map) if (p[arm] !== undefined) items.push([tf, this.value(p[arm])]);
    return items;
  }

  private route(x: Obj): Item[] {
    const p = (x.properties ?? {}) as Obj;
    const items: Item[] = [['name', this.value(x.name)], ['address_prefix', this.value(p.addressPrefix)], ['next_hop_type', this.value(p.nextHopType)]];
    if (p.nextHopIpAddress !== undefined) items.push(['next_hop_in_ip_address', this.value(p.nextHopIpAddress)]);
    return items;
  }

  private subnet(address: string, name: string, vnetName: string, p: Obj): void {
    const items: Item[] = [['name', name], ['resource_group_name', S('rg')], ['virtual_network_name', vnetName]];
    const prefixes = p.addressPrefixes ?? (p.addressPrefix !== undefined ? [p.addressPrefix] : undefined);
    if (prefixes !== undefined) items.push(['address_prefixes', this.value(prefixes)]);
    const unsupported = Object.keys(p).filter((k) => !SUBNET_PROPS.includes(k));
    if (unsupported.length > 0) throw new NoTwin(`subnet property ${unsupported.join(', ')}`);
    const endpoints = p.serviceEndpoints;
    if (endpoints !== undefined) items.push(['service_endpoints', Array.isArray(endpoints) ? this.value(endpoints.map((e) => obj(e).service)) : this.value(endpoints)]);
    const policies = p.serviceEndpointPolicies as Obj[] | undefined;
    if (policies) items.push(['service_endpoint_policy_ids', this.value(policies.map((e) => e.id))]);
    for (const d of (p.delegations ?? []) as Obj[]) {
      const dp = (d.properties ?? {}) as Obj;
      items.push({ block: 'delegation', items: [['name', this.value(d.name)], { block: 'service_delegation', items: [['name', this.value(dp.serviceName)]] }] });
    }
    this.emit(address, items);
    const sym = address.split('.')[1]!;
    const nsg = ((p.networkSecurityGroup ?? {}) as Obj).id;
    if (nsg !== undefined) {
      this.emit(`azurerm_subnet_network_security_group_association.${this.sym('azurerm_subnet_network_security_group_association', sym)}`, [
        ['subnet_id', `${address}.id`],
        ['network_security_group_id', this.value(nsg)],
      ]);
    }
    const rt = ((p.routeTable ?? {}) as Obj).id;
    if (rt !== undefined) {
      this.emit(`azurerm_subnet_route_table_association.${this.sym('azurerm_subnet_route_table_association', sym)}`, [
        ['subnet_id', `${address}.id`],
        ['route_table_id', this.value(rt)],
      ]);
    }
  }

  private site(address: string, r: Obj): void {
    const tfType = address.split('.')[0]!;
    const p = (r.properties ?? {}) as Obj;
    const sc = (p.siteConfig ?? {}) as Obj;
    const items: Item[] = [...this.common(r)];
    items.push([tfType === 'azurerm_logic_app_standard' ? 'app_service_plan_id' : 'service_plan_id', this.value(p.serverFarmId)]);
    if (p.virtualNetworkSubnetId !== undefined) items.push(['virtual_network_subnet_id', this.value(p.virtualNetworkSubnetId)]);
    if (p.vnetImagePullEnabled !== undefined) items.push(['vnet_image_pull_enabled', this.value(p.vnetImagePullEnabled)]);
    const settings: [string, string][] = ((sc.appSettings ?? []) as Obj[]).map((s) => [String(s.name), this.value(s.value)]);
    if (p.vnetContentShareEnabled === true) settings.push(['WEBSITE_CONTENTOVERVNET', S('1')]);
    if (settings.length > 0) items.push(['app_settings', `{\n${settings.map(([k, v]) => `    ${k} = ${v}`).join('\n')}\n  }`]);
    const config: Item[] = [];
    const routeAll = p.vnetRouteAllEnabled ?? sc.vnetRouteAllEnabled;
    if (routeAll !== undefined) config.push(['vnet_route_all_enabled', this.value(routeAll)]);
    const fx = String(sc.linuxFxVersion ?? sc.windowsFxVersion ?? '');
    if (fx.toUpperCase().startsWith('DOCKER|')) {
      const image = fx.slice('DOCKER|'.length);
      const slash = image.indexOf('/');
      config.push({ block: 'application_stack', items: [['docker_image_name', S(image.slice(slash + 1))], ['docker_registry_url', S(`https://${image.slice(0, slash)}`)]] });
    }
    const unsupported = Object.keys(sc).filter((k) => !['appSettings', 'vnetRouteAllEnabled', 'linuxFxVersion', 'windowsFxVersion'].includes(k));
    if (unsupported.length > 0) throw new NoTwin(`siteConfig.${unsupported.join(', ')}`);
    if (tfType !== 'azurerm_logic_app_standard') items.push({ block: 'site_config', items: config });
    this.emit(address, items);
  }

  // ---- output ------------------------------------------------------------------------------

  render(): string {
    this.register();
    for (const r of this.resources) this.resource(r);
    const head: string[] = [];
    const locals: [string, string][] = [];
    for (const [name, p] of Object.entries(this.params)) {
      const type = lc(String(p.type ?? 'string'));
      const tfType = type === 'int' ? 'number' : type === 'bool' ? 'bool' : type === 'array' ? 'list(any)' : type === 'object' ? 'any' : 'string';
      if (isExpr(p.defaultValue)) locals.push([name, this.value(p.defaultValue)]);
      else if (p.defaultValue === undefined) head.push(renderBlock(`variable "${name}"`, [['type', tfType]]));
      else head.push(renderBlock(`variable "${name}"`, [['type', tfType], ['default', this.value(p.defaultValue)]]));
    }
    for (const [name, v] of Object.entries(this.vars)) locals.push([name, this.value(v)]);
    if (locals.length > 0) head.push(renderBlock('locals', locals));
    if (this.needsRg) head.push(renderBlock('data "azurerm_resource_group" "rg"', [['name', S('rg')]]));
    return [...head, ...this.blocks].join('\n\n') + '\n';
  }
}

/**
 * Prints a fixture ARM template (see `arm-source.ts`) as Terraform (azurerm provider 4.x)
 * the way an author would write it, with the same resources and values:
 * - VNet → `azurerm_virtual_network`, each inline subnet → its own `azurerm_subnet`
 *   (`address_prefixes`, `delegation { service_delegation { name } }`, `service_endpoints`,
 *   `service_endpoint_policy_ids`) with `azurerm_subnet_network_security_group_association` /
 *   `azurerm_subnet_route_table_association` for its NSG and route table;
 * - NSG → `azurerm_network_security_group` with inline `security_rule`; route table → inline `route`;
 * - plan → `azurerm_service_plan` (`sku_name`, `os_type`, `worker_count`,
 *   `maximum_elastic_worker_count`); site → `azurerm_(linux|windows)_(web|function)_app` or
 *   `azurerm_logic_app_standard` (`virtual_network_subnet_id`, `site_config { vnet_route_all_enabled }`,
 *   `app_settings`, docker `application_stack`); slot → `*_slot`; `sites/networkConfig` →
 *   `azurerm_app_service_virtual_network_swift_connection`;
 * - ASE `ASEV3` → `azurerm_app_service_environment_v3`, `ASEV2` → `azurerm_app_service_environment`;
 * - NIC, private endpoint, VNet gateway (`ip_configuration` with `public_ip_address_id`), public IP,
 *   VNet peering, service endpoint policy, storage account, autoscale setting;
 * - ISE → `azurerm_integration_service_environment` (`sku_name = "<sku>_<capacity>"`,
 *   `access_endpoint_type`, `virtual_network_subnet_ids` one id per line); Logic App workflow and
 *   integration account → `azurerm_logic_app_workflow` / `azurerm_logic_app_integration_account`.
 * Parameters without default → `variable` without default; literal defaults → `variable` defaults;
 * expression defaults and variables → `locals`; `resourceGroup()` → `data.azurerm_resource_group.rg`;
 * `resourceId(…)` → the address of the resource with that type and name (`azurerm_subnet.x.id`), or
 * a literal id when the resource is not in the template.
 * Every block attribute sits on its own line and `name` is the first line of each block, so the
 * line above a `name = "x"` line is the block's header, as the `{` line is in the ARM text.
 * Throws {@link NoTwin} for what azurerm cannot express (ASEv1, an ASE kind from a parameter,
 * a security rule or subnet property it has no attribute for, an unknown resource type, ...).
 */
export function armToTerraform(armText: string): string {
  return new Converter(armText).render();
}
