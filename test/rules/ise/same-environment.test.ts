import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, lineOf } from './fixtures.js';

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

ruleTester.run('ise/same-environment', {
  valid: [
    { name: 'logic app and integration account in the same ISE', files: arm(same) },
    { name: 'neither in an ISE', files: arm(iseTemplate({ extra: [account(), workflow()] })) },
  ],
  invalid: [
    {
      name: 'different ISEs',
      files: arm(split),
      findings: [{ line: lineOf(split, `"id": "${iseId('my-ise')}"`), messageIncludes: "integration account 'partners' is in ISE 'other-ise'" }],
    },
    {
      name: 'integration account not in an ISE',
      files: arm(accountOutside),
      findings: [{ line: lineOf(accountOutside, `"id": "${iseId('my-ise')}"`), messageIncludes: 'no ISE (multi-tenant)' }],
    },
    {
      name: 'logic app not in an ISE',
      files: arm(appOutside),
      findings: [{ line: lineOf(appOutside, `"id": "[resourceId('Microsoft.Logic/integrationAccounts', 'partners')]"`), messageIncludes: "Logic app 'orders' runs in no ISE" }],
    },
  ],
});
