import type { Entity } from '../../model/entities.js';
import type { SourceRange } from '../../core/position.js';
import type { Value } from '../../model/value.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { allIseSubnets, nameOf } from './ise-subnets.js';

/**
 * `ise/subnet-empty` — the four ISE subnets are empty: nothing but the ISE is deployed in them
 * (seed 000, *Prerequisites* and *Create subnets*: "four *empty* subnets"; seed 001, *Create
 * subnet*). Users come from `NetworkModel.subnetUsers` (NICs, private endpoints, gateways, app
 * integrations, ASEs, other ISEs...). Delegations are `ise/subnet-delegation`'s business.
 * The finding points at the other resource's reference to the subnet.
 */
export const subnetEmpty: Rule = {
  meta: {
    id: 'ise/subnet-empty',
    title: 'ISE subnets are empty',
    description: 'Nothing but the ISE is deployed in its four subnets (no NICs, private endpoints, gateways, app integrations, other environments).',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Create subnets'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    for (const { subnet, ise } of allIseSubnets(model, false)) {
      for (const user of model.subnetUsers(subnet)) {
        if (user === ise) continue;
        const range = referenceRange(user, subnet.key) ?? user.range;
        ctx.report({
          entity: subnet,
          range,
          data: [user.key],
          related: [{ range: subnet.range, message: `ISE subnet '${nameOf(subnet)}'` }],
          message: `${describe(user)} is deployed in subnet '${nameOf(subnet)}', which ISE '${nameOf(ise)}' uses; ISE subnets must be empty. Move ${user.kind === 'ise' ? 'the other ISE' : 'it'} to another subnet.`,
        });
      }
    }
  },
};

/** Readable names of common occupant types (last ARM type segment, lower-case). */
const OCCUPANT_LABELS: Record<string, string> = {
  networkinterfaces: 'Network interface',
  privateendpoints: 'Private endpoint',
  applicationgateways: 'Application gateway',
  azurefirewalls: 'Azure Firewall',
  bastionhosts: 'Bastion host',
  loadbalancers: 'Load balancer',
  containergroups: 'Container group',
  managedclusters: 'AKS cluster',
  managedinstances: 'SQL managed instance',
  virtualmachinescalesets: 'VM scale set',
};

function describe(e: Entity): string {
  const n = nameOf(e);
  switch (e.kind) {
    case 'ise':
      return `Another ISE '${n}'`;
    case 'ase':
      return `App Service Environment '${n}'`;
    case 'app':
      return `App '${n}' (VNet integration)`;
    case 'vnetGateway':
      return `Virtual network gateway '${n}'`;
    default: {
      const t = e.type.split('/').pop() ?? e.type;
      const label = OCCUPANT_LABELS[t.toLowerCase()];
      return label ? `${label} '${n}'` : `Resource '${n}' (${e.type})`;
    }
  }
}

/** Range of the user's reference to `key` (where it is placed into the subnet). */
function referenceRange(e: Entity, key: string): SourceRange | undefined {
  const find = (vs: (Value<string> | undefined)[]) => vs.find((v) => v?.known && v.value === key)?.range;
  switch (e.kind) {
    case 'ise':
      return find(e.subnets.items);
    case 'ase':
      return find([e.subnet]);
    case 'app':
      return find(e.integrations);
    case 'vnetGateway':
      return find(e.subnets);
    case 'occupant':
      return find([e.subnet]);
    default:
      return undefined;
  }
}
