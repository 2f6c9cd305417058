import type { Subnet } from '../../model/entities.js';
import type { Value } from '../../model/value.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { iseSubnets, nameOf } from './ise-subnets.js';
import { literal, propertyName } from './property-names.js';

/** The delegation service name of an ISE subnet (seed 001, *Prerequisites*; the ARM quickstart). */
export const ISE_DELEGATION = 'Microsoft.Logic/integrationServiceEnvironments';

/**
 * `ise/subnet-delegation` — deployed by template or API, exactly one of the four ISE subnets is
 * delegated to `Microsoft.Logic/integrationServiceEnvironments` and the others to no service
 * (seed 000, *Create subnets*; seed 001, *Prerequisites*). Seed 000 spells the service
 * `Microsoft.integrationServiceEnvironment`; the resource provider's name, which seed 001 and the
 * quickstart template use, is `Microsoft.Logic/integrationServiceEnvironments`.
 */
export const subnetDelegation: Rule = {
  meta: {
    id: 'ise/subnet-delegation',
    title: 'Exactly one ISE subnet is delegated to the ISE',
    description: `Deployed by template: exactly one of the four ISE subnets is delegated to ${ISE_DELEGATION}; the other three are delegated to no service.`,
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Create subnets'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    // The delegation values already reported, by identity: a subnet named by two ISEs is reported
    // once, while the same subnet declared in two files (ARM and its Bicep or Terraform twin) is
    // reported in each.
    const reportedOther = new Set<Value<string>>();
    for (const ise of model.all('ise')) {
      const { subnets, undeclared, unknown } = iseSubnets(model, ise);
      const delegated: Subnet[] = [];
      let complete = undeclared === 0 && unknown.length === 0 && !ise.subnets.unknown;
      for (const s of subnets) {
        if (s.existing) {
          complete = false;
          continue;
        }
        if (s.delegations.unknown) {
          ctx.couldNotVerify(s.delegations.unknown, s, "the ISE subnet's delegations");
          complete = false;
        }
        let isIse = false;
        for (const d of s.delegations.items) {
          if (!d.known) {
            ctx.couldNotVerify(d, s, "the ISE subnet's delegation");
            complete = false;
            continue;
          }
          if (d.value.trim().toLowerCase() === ISE_DELEGATION.toLowerCase()) {
            if (isIse) continue;
            isIse = true;
            delegated.push(s);
            if (delegated.length > 1) {
              ctx.report({
                entity: s,
                range: d.range,
                data: ['extra', d.value],
                message: `ISE subnet '${nameOf(s)}' is delegated to ${ISE_DELEGATION}, but so is '${nameOf(delegated[0]!)}'; exactly one of the four ISE subnets is delegated to it. Remove this delegation.`,
              });
            }
          } else {
            if (reportedOther.has(d)) continue; // a subnet named by two ISEs
            reportedOther.add(d);
            ctx.report({
              entity: s,
              range: d.range,
              data: ['other', d.value],
              message: `ISE subnet '${nameOf(s)}' is delegated to '${d.value}'; ISE subnets must not be delegated to another service (one of them to ${ISE_DELEGATION}, the others to none). Remove this delegation.`,
            });
          }
        }
      }
      if (delegated.length === 0 && complete && subnets.length > 0) {
        const first = subnets[0]!;
        ctx.report({
          entity: first,
          range: first.delegations.range ?? first.range,
          data: ['missing', ise.key],
          message: `None of the subnets of ISE '${nameOf(ise)}' is delegated to ${ISE_DELEGATION}; an ISE deployed by template needs exactly one delegated subnet. Add a delegation with ${propertyName(first.format, 'serviceName')} ${literal(first.format, ISE_DELEGATION)} to subnet '${nameOf(first)}'.`,
        });
      }
    }
  },
};
