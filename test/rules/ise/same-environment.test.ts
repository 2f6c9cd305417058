import { twinRule, type Markers } from '../../helpers/formats/twins.js';
import { iseTemplate } from './fixtures.js';

const iseId = (n: string) => `[resourceId('Microsoft.Logic/integrationServiceEnvironments', '${n}')]`;
const account = (ise?: string) => ({
  type: 'Microsoft.Logic/integrationAccounts',
  apiVersion: '2019-05-01',
  name: 'partners',
  location: 'westeurope',
  sku: { name: 'Standard' },
  properties: ise ? { integrationServiceEnvironment: { id: iseId(ise) } } : {},
});
const workflow = (ise?: string) => ({
  type: 'Microsoft.Logic/workflows',
  apiVersion: '2019-05-01',
  name: 'orders',
  location: 'westeurope',
  properties: {
    ...(ise ? { integrationServiceEnvironment: { id: iseId(ise) } } : {}),
    integrationAccount: { id: "[resourceId('Microsoft.Logic/integrationAccounts', 'partners')]" },
    definition: {},
  },
});

const same = iseTemplate({ extra: [account('my-ise'), workflow('my-ise')] });
const split = iseTemplate({ extra: [account('other-ise'), workflow('my-ise')] });
const accountOutside = iseTemplate({ extra: [account(), workflow('my-ise')] });
const appOutside = iseTemplate({ extra: [account('my-ise'), workflow()] });

/** The logic app's reference to the ISE `my-ise`. */
const appIseRef: Markers = {
  arm: `"id": "${iseId('my-ise')}"`,
  bicep: 'id: integrationServiceEnvironment_my_ise.id',
  terraform: 'integration_service_environment_id = azurerm_integration_service_environment.my_ise.id',
};
/** The logic app's reference to the integration account. */
const appAccountRef: Markers = {
  arm: `"id": "[resourceId('Microsoft.Logic/integrationAccounts', 'partners')]"`,
  bicep: 'id: integrationAccount_partners.id',
  terraform: 'logic_app_integration_account_id = azurerm_logic_app_integration_account.partners.id',
};

twinRule('ise/same-environment', {
  valid: [
    { name: 'logic app and integration account in the same ISE', arm: same },
    { name: 'neither in an ISE', arm: iseTemplate({ extra: [account(), workflow()] }) },
  ],
  invalid: [
    {
      name: 'different ISEs',
      arm: split,
      findings: (d) => [{ line: d.line(appIseRef), messageIncludes: "integration account 'partners' is in ISE 'other-ise'" }],
    },
    {
      name: 'integration account not in an ISE',
      arm: accountOutside,
      findings: (d) => [{ line: d.line(appIseRef), messageIncludes: 'no ISE (multi-tenant)' }],
    },
    {
      name: 'logic app not in an ISE',
      arm: appOutside,
      findings: (d) => [{ line: d.line(appAccountRef), messageIncludes: "Logic app 'orders' runs in no ISE" }],
    },
  ],
});
