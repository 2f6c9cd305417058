import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate } from './fixtures.js';

const withIse = iseTemplate();
const appOnly = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.Logic/workflows',
        apiVersion: '2019-05-01',
        name: 'orders',
        location: 'westeurope',
        properties: {
          integrationServiceEnvironment: { id: "[resourceId('Microsoft.Logic/integrationServiceEnvironments', 'shared-ise')]" },
          definition: {},
        },
      },
    ],
  },
  null,
  2,
);

twinRule('ise/retired', {
  valid: [{ name: 'no ISE', arm: iseTemplate({ noIse: true }) }],
  invalid: [
    {
      name: 'any ISE is retired',
      arm: withIse,
      findings: (d) => [{ line: d.resource('Microsoft.Logic/integrationServiceEnvironments'), messageIncludes: 'retired on 31 August 2024' }],
    },
    {
      name: 'a logic app placed in an ISE declared elsewhere',
      arm: appOnly,
      findings: (d) => [{ line: d.line('shared-ise'), messageIncludes: "Logic app 'orders'" }],
    },
  ],
});
