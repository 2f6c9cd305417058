import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { nameOf } from './ise-subnets.js';

/**
 * `ise/retired` — any integration service environment in a template is flagged: the ISE resource
 * retired on 31 August 2024 and new ISEs can't be created since 1 November 2022 (seed 002, the
 * IMPORTANT note at the top). Logic apps and integration accounts that name an ISE the model
 * doesn't declare are flagged too (their ISE is then elsewhere, but still retired).
 */
export const retired: Rule = {
  meta: {
    id: 'ise/retired',
    title: 'Integration service environments are retired',
    description:
      'Flags every integration service environment (and logic apps or integration accounts placed in one declared elsewhere): ISE retired on 31 August 2024; creating ISEs has not been possible since 1 November 2022.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_OVERVIEW, 'Access to Azure virtual networks from Azure Logic Apps using an integration service environment (ISE)'),
    sourceUrl: SEEDS.ISE_OVERVIEW.url,
  },
  check(model, ctx) {
    const fix =
      'Export its logic apps to Standard logic apps (single-tenant Azure Logic Apps) and use private endpoints for inbound and regional VNet integration for outbound traffic; the vnet-integration rules then apply.';
    for (const ise of model.all('ise')) {
      ctx.report({
        entity: ise,
        range: ise.range,
        message: `Integration service environment '${nameOf(ise)}' can't be deployed: the ISE resource retired on 31 August 2024, and new ISEs can't be created since 1 November 2022. ${fix}`,
      });
    }
    for (const e of [...model.all('logicApp'), ...model.all('integrationAccount')]) {
      if (!e.ise || !e.ise.known || model.get('ise', e.ise.value, e)) continue;
      const what = e.kind === 'logicApp' ? 'Logic app' : 'Integration account';
      const key = e.ise.value.slice(e.ise.value.indexOf('|') + 1);
      ctx.report({
        entity: e,
        range: e.ise.range,
        message: `${what} '${nameOf(e)}' is placed in integration service environment '${key.slice(key.lastIndexOf('/') + 1)}'; the ISE resource retired on 31 August 2024. ${fix}`,
      });
    }
  },
};
