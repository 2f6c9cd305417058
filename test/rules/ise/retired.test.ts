import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, lineOf } from './fixtures.js';

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

ruleTester.run('ise/retired', {
  valid: [{ name: 'no ISE', files: arm(iseTemplate({ noIse: true })) }],
  invalid: [
    {
      name: 'any ISE is retired',
      files: arm(withIse),
      findings: [{ line: lineOf(withIse, '"type": "Microsoft.Logic/integrationServiceEnvironments"') - 1, messageIncludes: 'retired on 31 August 2024' }],
    },
    {
      name: 'a logic app placed in an ISE declared elsewhere',
      files: arm(appOnly),
      findings: [{ line: lineOf(appOnly, '"id": "[resourceId(\'Microsoft.Logic/integrationServiceEnvironments\''), messageIncludes: "Logic app 'orders'" }],
    },
  ],
});
