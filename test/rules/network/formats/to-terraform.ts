import { armExpr, literalId, nameParts, readArm, type ArmResource, type ArmTemplate, type Json, type JsonObject } from './arm-ast.js';

/**
 * Prints a fixture ARM template (see `arm-ast.ts`) as the Terraform an author would write for it
 * with the azurerm provider 4.x: inline ARM subnets become `azurerm_subnet` resources
 * (`address_prefixes`, `delegation`/`service_delegation`, `service_endpoints`) with
 * `azurerm_subnet_network_security_group_association` / `azurerm_subnet_route_table_association`
 * resources for their NSG and route table; NSG rules and routes stay inline blocks; the ISE is an
 * `azurerm_integration_service_environment` with `sku_name = "<sku>_<capacity>"`,
 * `access_endpoint_type` and `virtual_network_subnet_ids`; ARM parameters become `variable`
 * blocks (no default when the ARM parameter has none) read as `var.<name>`; `resourceId()` of a
 * declared resource becomes `<type>.<label>.id`, of an undeclared one its literal id.
 * Every block's first attribute is `name` where the resource has one, so a block's first line is
 * the line before its `name = "…"` line. Throws on an ARM type it does not know.
 */
export function armToTerraform(armText: string): string {
  return new TfPrinter(readArm(armText)).print();
}

/** ARM resource type (lower case) → azurerm resource type written for it. */
export const TF_TYPES: Record<string, string> = {
  'microsoft.network/networksecuritygroups': 'azurerm_network_security_group',
  'microsoft.network/routetables': 'azurerm_route_table',
  'microsoft.network/virtualnetworks': 'azurerm_virtual_network',
  'microsoft.network/virtualnetworks/subnets': 'azurerm_subnet',
  'microsoft.network/virtualnetworks/virtualnetworkpeerings': 'azurerm_virtual_network_peering',
  'microsoft.network/virtualnetworkgateways': 'azurerm_virtual_network_gateway',
  'microsoft.network/networkinterfaces': 'azurerm_network_interface',
  'microsoft.network/publicipaddresses': 'azurerm_public_ip',
  'microsoft.logic/integrationserviceenvironments': 'azurerm_integration_service_environment',
  'microsoft.logic/workflows': 'azurerm_logic_app_workflow',
  'microsoft.logic/integrationaccounts': 'azurerm_logic_app_integration_account',
};

const RULE_ATTRS: Record<string, string> = {
  description: 'description',
  priority: 'priority',
  direction: 'direction',
  access: 'access',
  protocol: 'protocol',
  sourceAddressPrefix: 'source_address_prefix',
  sourceAddressPrefixes: 'source_address_prefixes',
  sourcePortRange: 'source_port_range',
  sourcePortRanges: 'source_port_ranges',
  destinationAddressPrefix: 'destination_address_prefix',
  destinationAddressPrefixes: 'destination_address_prefixes',
  destinationPortRange: 'destination_port_range',
  destinationPortRanges: 'destination_port_ranges',
};

/** `"…"` with HCL escapes. */
export function hclString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
}

function label(name: string): string {
  const l = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(l) ? l : `_${l}`;
}

type Attr = [string, string] | Block;
interface Block {
  header: string;
  body: Attr[];
}

function printBlock(b: Block, indent: string): string[] {
  const out = [`${indent}${b.header} {`];
  for (const a of b.body) {
    if (Array.isArray(a)) out.push(`${indent}  ${a[0]} = ${a[1]}`);
    else out.push(...printBlock(a, `${indent}  `));
  }
  out.push(`${indent}}`);
  return out;
}

const obj = (v: Json | undefined): JsonObject => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

class TfPrinter {
  /** `type|name/child` (lower-case type) → `azurerm_x.label` */
  private readonly refs = new Map<string, string>();
  private readonly labels = new Map<string, Set<string>>();

  constructor(private readonly t: ArmTemplate) {
    for (const r of t.resources) {
      const tfType = TF_TYPES[r.type.toLowerCase()];
      if (!tfType) throw new Error(`no Terraform twin for ARM type ${r.type}`);
      this.refs.set(`${r.type.toLowerCase()}|${r.name}`, `${tfType}.${this.newLabel(tfType, nameParts(r).at(-1)!)}`);
      if (r.type.toLowerCase() === 'microsoft.network/virtualnetworks') {
        for (const s of (obj(r.properties).subnets ?? []) as JsonObject[]) {
          const n = String(s.name);
          this.refs.set(`microsoft.network/virtualnetworks/subnets|${r.name}/${n}`, `azurerm_subnet.${this.newLabel('azurerm_subnet', n)}`);
        }
      }
    }
  }

  private newLabel(tfType: string, name: string): string {
    const used = this.labels.get(tfType) ?? new Set<string>();
    this.labels.set(tfType, used);
    const base = label(name);
    let l = base;
    for (let i = 2; used.has(l); i++) l = `${base}_${i}`;
    used.add(l);
    return l;
  }

  print(): string {
    const out: string[] = [];
    for (const [name, p] of Object.entries(this.t.parameters)) {
      const body: Attr[] = [['type', tfType(p.type)]];
      if (p.defaultValue !== undefined) body.push(['default', this.value(p.defaultValue, '  ')]);
      out.push(...printBlock({ header: `variable ${hclString(name)}`, body }, ''), '');
    }
    for (const r of this.t.resources) {
      for (const b of this.resource(r)) out.push(...printBlock(b, ''), '');
    }
    return out.join('\n');
  }

  private ref(type: string, names: string[]): string | undefined {
    return this.refs.get(`${type.toLowerCase()}|${names.join('/')}`);
  }

  private header(r: ArmResource, name = r.name): string {
    const ref = this.ref(r.type, name.split('/'))!;
    const [tfType, l] = ref.split('.');
    return `resource ${hclString(tfType!)} ${hclString(l!)}`;
  }

  /** An ARM value as an HCL expression: lists on one line unless `multiline`. */
  private value(v: Json | undefined, indent: string, multiline = false): string {
    if (v === undefined || v === null) return 'null';
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      const e = armExpr(v);
      if (!e) return hclString(v);
      if (e.kind === 'parameter') return `var.${e.name}`;
      if (e.kind === 'rgLocation') return '"westeurope"';
      return this.ref(e.type, e.names) ? `${this.ref(e.type, e.names)}.id` : hclString(literalId(e.type, e.names));
    }
    if (Array.isArray(v)) {
      if (!multiline || v.length === 0) return `[${v.map((x) => this.value(x, indent)).join(', ')}]`;
      return `[\n${v.map((x) => `${indent}  ${this.value(x, `${indent}  `)},`).join('\n')}\n${indent}]`;
    }
    return `{ ${Object.entries(v).map(([k, x]) => `${k} = ${this.value(x, indent)}`).join(', ')} }`;
  }

  /** A list-valued ARM property: a list stays a list, a single expression (e.g. a parameter) is written as is. */
  private list(v: Json | undefined, indent: string, multiline = false): string {
    return this.value(v, indent, multiline);
  }

  private common(r: ArmResource, name: string): Attr[] {
    return [
      ['name', hclString(name)],
      ['location', this.value(r.location ?? 'westeurope', '  ')],
      ['resource_group_name', '"rg"'],
    ];
  }

  private resource(r: ArmResource): Block[] {
    const p = obj(r.properties);
    const type = r.type.toLowerCase();
    const name = nameParts(r).at(-1)!;
    switch (type) {
      case 'microsoft.network/networksecuritygroups': {
        const rules = (p.securityRules ?? []) as JsonObject[];
        return [{ header: this.header(r), body: [...this.common(r, name), ...rules.map((x) => this.securityRule(x))] }];
      }
      case 'microsoft.network/routetables': {
        const routes = (p.routes ?? []) as JsonObject[];
        return [
          {
            header: this.header(r),
            body: [
              ...this.common(r, name),
              ...routes.map((x): Block => {
                const rp = obj(x.properties);
                const body: Attr[] = [['name', hclString(String(x.name))]];
                if (rp.addressPrefix !== undefined) body.push(['address_prefix', this.value(rp.addressPrefix, '    ')]);
                if (rp.nextHopType !== undefined) body.push(['next_hop_type', this.value(rp.nextHopType, '    ')]);
                if (rp.nextHopIpAddress !== undefined) body.push(['next_hop_in_ip_address', this.value(rp.nextHopIpAddress, '    ')]);
                return { header: 'route', body };
              }),
            ],
          },
        ];
      }
      case 'microsoft.network/virtualnetworks': {
        const body: Attr[] = [...this.common(r, name), ['address_space', this.list(obj(p.addressSpace).addressPrefixes, '  ')]];
        const dhcp = obj(p.dhcpOptions);
        if (dhcp.dnsServers !== undefined) body.push(['dns_servers', this.list(dhcp.dnsServers, '  ')]);
        const vnetRef = this.ref(r.type, [r.name])!;
        const out: Block[] = [{ header: this.header(r), body }];
        for (const s of (p.subnets ?? []) as JsonObject[]) out.push(...this.subnet(`${r.name}/${String(s.name)}`, String(s.name), `${vnetRef}.name`, obj(s.properties)));
        return out;
      }
      case 'microsoft.network/virtualnetworks/subnets': {
        const [vnet, sub] = nameParts(r) as [string, string];
        const vnetRef = this.ref('Microsoft.Network/virtualNetworks', [vnet]);
        return this.subnet(r.name, sub, vnetRef ? `${vnetRef}.name` : hclString(vnet), p);
      }
      case 'microsoft.network/virtualnetworks/virtualnetworkpeerings': {
        const [vnet] = nameParts(r) as [string, string];
        const vnetRef = this.ref('Microsoft.Network/virtualNetworks', [vnet]);
        const body: Attr[] = [
          ['name', hclString(name)],
          ['resource_group_name', '"rg"'],
          ['virtual_network_name', vnetRef ? `${vnetRef}.name` : hclString(vnet)],
          ['remote_virtual_network_id', this.value(obj(p.remoteVirtualNetwork).id, '  ')],
        ];
        if (p.allowVirtualNetworkAccess !== undefined) body.push(['allow_virtual_network_access', this.value(p.allowVirtualNetworkAccess, '  ')]);
        return [{ header: this.header(r), body }];
      }
      case 'microsoft.network/virtualnetworkgateways': {
        const body: Attr[] = [...this.common(r, name), ['type', this.value(p.gatewayType, '  ')], ['sku', this.value(obj(r.sku).name ?? obj(p.sku).name, '  ')]];
        for (const c of (p.ipConfigurations ?? []) as JsonObject[]) {
          const cp = obj(c.properties);
          const ip: Attr[] = [['name', hclString(String(c.name))], ['subnet_id', this.value(obj(cp.subnet).id, '    ')]];
          if (cp.publicIPAddress !== undefined) ip.push(['public_ip_address_id', this.value(obj(cp.publicIPAddress).id, '    ')]);
          body.push({ header: 'ip_configuration', body: ip });
        }
        return [{ header: this.header(r), body }];
      }
      case 'microsoft.network/publicipaddresses': {
        const body: Attr[] = [...this.common(r, name), ['allocation_method', this.value(p.publicIPAllocationMethod ?? 'Static', '  ')]];
        if (obj(r.sku).name !== undefined) body.push(['sku', this.value(obj(r.sku).name, '  ')]);
        return [{ header: this.header(r), body }];
      }
      case 'microsoft.network/networkinterfaces': {
        const body: Attr[] = [...this.common(r, name)];
        for (const c of (p.ipConfigurations ?? []) as JsonObject[]) {
          const cp = obj(c.properties);
          body.push({
            header: 'ip_configuration',
            body: [
              ['name', hclString(String(c.name))],
              ['subnet_id', this.value(obj(cp.subnet).id, '    ')],
              ['private_ip_address_allocation', this.value(cp.privateIPAllocationMethod ?? 'Dynamic', '    ')],
            ],
          });
        }
        return [{ header: this.header(r), body }];
      }
      case 'microsoft.logic/integrationserviceenvironments': {
        const sku = obj(r.sku);
        const net = obj(p.networkConfiguration);
        const body: Attr[] = [...this.common(r, name), ['sku_name', hclString(`${String(sku.name ?? 'Premium')}_${String(sku.capacity ?? 0)}`)]];
        const endpoint = obj(net.accessEndpoint).type;
        if (endpoint !== undefined) body.push(['access_endpoint_type', this.value(endpoint, '  ')]);
        const subnets = net.subnets;
        body.push(['virtual_network_subnet_ids', Array.isArray(subnets) ? this.list(subnets.map((s) => obj(s).id ?? null), '  ', true) : this.value(subnets, '  ')]);
        return [{ header: this.header(r), body }];
      }
      case 'microsoft.logic/workflows': {
        const body: Attr[] = [...this.common(r, name)];
        if (p.integrationServiceEnvironment !== undefined) body.push(['integration_service_environment_id', this.value(obj(p.integrationServiceEnvironment).id, '  ')]);
        if (p.integrationAccount !== undefined) body.push(['logic_app_integration_account_id', this.value(obj(p.integrationAccount).id, '  ')]);
        return [{ header: this.header(r), body }];
      }
      case 'microsoft.logic/integrationaccounts': {
        const body: Attr[] = [...this.common(r, name), ['sku_name', this.value(obj(r.sku).name ?? 'Standard', '  ')]];
        if (p.integrationServiceEnvironment !== undefined) body.push(['integration_service_environment_id', this.value(obj(p.integrationServiceEnvironment).id, '  ')]);
        return [{ header: this.header(r), body }];
      }
      default:
        throw new Error(`no Terraform twin for ARM type ${r.type}`);
    }
  }

  private securityRule(x: JsonObject): Block {
    const body: Attr[] = [['name', hclString(String(x.name))]];
    for (const [k, v] of Object.entries(obj(x.properties))) {
      const tf = RULE_ATTRS[k];
      if (!tf) throw new Error(`no Terraform twin for security rule property ${k}`);
      body.push([tf, this.value(v, '    ')]);
    }
    return { header: 'security_rule', body };
  }

  /** An `azurerm_subnet` and its association resources. `fullName` = `vnet/subnet`. */
  private subnet(fullName: string, name: string, vnetName: string, p: JsonObject): Block[] {
    const ref = this.ref('Microsoft.Network/virtualNetworks/subnets', fullName.split('/'))!;
    const [, l] = ref.split('.');
    const body: Attr[] = [
      ['name', hclString(name)],
      ['resource_group_name', '"rg"'],
      ['virtual_network_name', vnetName],
    ];
    const assoc: Block[] = [];
    for (const [k, v] of Object.entries(p)) {
      switch (k) {
        case 'addressPrefix':
          body.push(['address_prefixes', `[${this.value(v, '  ')}]`]);
          break;
        case 'addressPrefixes':
          body.push(['address_prefixes', this.list(v, '  ')]);
          break;
        case 'serviceEndpoints':
          body.push(['service_endpoints', Array.isArray(v) ? this.list(v.map((e) => obj(e).service ?? null), '  ') : this.value(v, '  ')]);
          break;
        case 'delegations':
          for (const d of (v ?? []) as JsonObject[]) {
            body.push({ header: 'delegation', body: [['name', hclString(String(d.name))], { header: 'service_delegation', body: [['name', this.value(obj(d.properties).serviceName, '      ')]] }] });
          }
          break;
        case 'networkSecurityGroup':
          assoc.push({
            header: `resource "azurerm_subnet_network_security_group_association" ${hclString(l!)}`,
            body: [['subnet_id', `${ref}.id`], ['network_security_group_id', this.value(obj(v).id, '  ')]],
          });
          break;
        case 'routeTable':
          assoc.push({
            header: `resource "azurerm_subnet_route_table_association" ${hclString(l!)}`,
            body: [['subnet_id', `${ref}.id`], ['route_table_id', this.value(obj(v).id, '  ')]],
          });
          break;
        default:
          throw new Error(`no Terraform twin for subnet property ${k}`);
      }
    }
    return [{ header: `resource "azurerm_subnet" ${hclString(l!)}`, body }, ...assoc];
  }
}

function tfType(armType: string): string {
  switch (armType.toLowerCase()) {
    case 'string':
    case 'securestring':
      return 'string';
    case 'int':
      return 'number';
    case 'bool':
      return 'bool';
    case 'array':
      return 'list(string)';
    default:
      return 'any';
  }
}
