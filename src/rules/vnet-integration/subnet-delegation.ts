import { keyName } from '../../model/keys.js';
import type { SourceFormat } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { appLocations, appsText, integratedSubnets, integrationUses, nameOf } from './integrations.js';
import { isFlexPlan } from './plan-sku.js';

/** Delegation App Service plans need (seed 004, *How virtual network integration works*). */
export const SERVER_FARMS_DELEGATION = 'Microsoft.Web/serverFarms';
/** Delegation Flex Consumption plans need ([beyond] BEYOND.FLEX_CONSUMPTION). */
export const APP_ENVIRONMENTS_DELEGATION = 'Microsoft.App/environments';

/** The delegation as the subnet's language writes it (ARM JSON and Bicep share the property shape). */
function delegationSnippet(format: SourceFormat, service: string): string {
  if (format === 'terraform') return `delegation { name = "delegation" service_delegation { name = "${service}" } }`;
  if (format === 'bicep') return `delegations: [ { name: 'delegation', properties: { serviceName: '${service}' } } ]`;
  return `"delegations": [{ "name": "delegation", "properties": { "serviceName": "${service}" } }]`;
}

/**
 * `vnet-integration/subnet-delegation`: an integration subnet is delegated to
 * `Microsoft.Web/serverFarms` (`Microsoft.App/environments` for Flex Consumption plans).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *How virtual network integration works* ("addresses in
 * the delegated subnet") and *Deleting the App Service plan or app …*.
 */
export const subnetDelegation: Rule = {
  meta: {
    id: 'vnet-integration/subnet-delegation',
    title: 'Integration subnets are delegated to Microsoft.Web/serverFarms',
    description:
      'The subnet an app integrates with is delegated to Microsoft.Web/serverFarms (Microsoft.App/environments for Flex Consumption plans).',
    severity: 'error',
    source: seedSection(SEEDS.VNET_INTEGRATION, 'How virtual network integration works'),
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    for (const use of integrationUses(model)) {
      if (!use.ref.known) ctx.couldNotVerify(use.ref, use.app, 'the integration subnet of the app');
      else if (!use.subnet || use.subnet.existing) {
        // Unknown is not false: a subnet the checked files don't declare can't be checked either.
        ctx.report({
          range: use.ref.range,
          entity: use.app,
          severity: 'note',
          message: `Could not verify the integration subnet '${keyName(use.ref.value)}' of app '${nameOf(use.app)}' (delegation, size, dedicated use, NSG and routes): it is not declared in the checked files${use.subnet?.existing ? ' (only referenced as existing)' : ''}. Check the folder that deploys it too.`,
          data: ['subnet-not-declared', use.ref.value],
        });
      }
    }
    for (const s of integratedSubnets(model)) {
      const subnet = s.subnet;
      if (subnet.existing) continue;
      const required: string[] = [];
      for (const u of s.uses) {
        const need = isFlexPlan(u.plan) ? APP_ENVIRONMENTS_DELEGATION : SERVER_FARMS_DELEGATION;
        if (!required.includes(need)) required.push(need);
      }
      const dl = subnet.delegations;
      const knownNames = dl.items.filter((v) => v.known).map((v) => (v.known ? v.value.toLowerCase() : ''));
      const unknowns = dl.items.filter((v) => !v.known);
      for (const need of required) {
        if (knownNames.includes(need.toLowerCase())) continue;
        if (dl.unknown || unknowns.length > 0) {
          const u = dl.unknown ?? unknowns[0];
          if (u && !u.known) ctx.couldNotVerify(u, subnet, `whether the subnet is delegated to ${need}`);
          continue;
        }
        const users = s.uses.filter((u) => (isFlexPlan(u.plan) ? APP_ENVIRONMENTS_DELEGATION : SERVER_FARMS_DELEGATION) === need);
        const apps = [...new Set(users.map((u) => u.app))];
        const other = dl.items.find((v) => v.known);
        const current = other?.known ? `is delegated to ${other.value}` : 'has no delegation';
        ctx.report({
          range: other?.range ?? dl.range ?? subnet.name.range,
          entity: subnet,
          message:
            `Subnet '${nameOf(subnet)}' ${current}, but ${appsText(apps)} ${apps.length === 1 ? 'integrates' : 'integrate'} with it; ` +
            `VNet integration needs the subnet delegated to ${need}. ` +
            `Add ${delegationSnippet(subnet.format, need)} to the subnet` +
            (other ? ' and move the other service to its own subnet.' : '.'),
          related: appLocations(users),
          data: [need],
        });
      }
    }
  },
};
