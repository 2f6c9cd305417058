import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { nameOf } from './ise-subnets.js';

/**
 * `ise/same-environment` — a logic app and the integration account it uses name the same ISE as
 * their location (seed 000, top IMPORTANT note: "both must use the *same ISE* as their location").
 * One side in an ISE and the other in multi-tenant Azure counts as different.
 */
export const sameEnvironment: Rule = {
  meta: {
    id: 'ise/same-environment',
    title: 'A logic app and its integration account use the same ISE',
    description: 'A logic app in an ISE and the integration account it uses name the same integration service environment.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Connect to Azure virtual networks from Azure Logic Apps using an integration service environment (ISE)'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  check(model, ctx) {
    for (const app of model.all('logicApp')) {
      if (!app.integrationAccount) continue;
      if (!app.integrationAccount.known) {
        if (app.ise) ctx.couldNotVerify(app.integrationAccount, app, "the logic app's integration account");
        continue;
      }
      const account = model.get('integrationAccount', app.integrationAccount.value, app);
      if (!account || account.existing) continue;
      if (!app.ise && !account.ise) continue;
      if (app.ise && !app.ise.known) {
        ctx.couldNotVerify(app.ise, app, "the logic app's ISE");
        continue;
      }
      if (account.ise && !account.ise.known) {
        ctx.couldNotVerify(account.ise, account, "the integration account's ISE");
        continue;
      }
      const appIse = app.ise?.known ? app.ise.value : undefined;
      const accIse = account.ise?.known ? account.ise.value : undefined;
      if (appIse === accIse) continue;
      const iseName = (key: string | undefined) => {
        if (!key) return 'no ISE (multi-tenant)';
        const e = model.get('ise', key, app);
        const n = key.slice(key.indexOf('|') + 1);
        return e ? `ISE '${nameOf(e)}'` : `ISE '${n.slice(n.lastIndexOf('/') + 1)}'`;
      };
      const range = app.ise?.range ?? app.integrationAccount.range;
      ctx.report({
        entity: app,
        range,
        related: account.ise ? [{ range: account.ise.range, message: `integration account '${nameOf(account)}' is in ${iseName(accIse)}` }] : [{ range: account.range, message: `integration account '${nameOf(account)}'` }],
        message: `Logic app '${nameOf(app)}' runs in ${iseName(appIse)} but its integration account '${nameOf(account)}' is in ${iseName(accIse)}; both must use the same ISE as their location. Put them in the same ISE.`,
      });
    }
  },
};
