import { ruleTester } from '../../helpers/rule-tester.js';
import { nsg, secRule, template } from '../ase/fixtures.js';
import { twinRule, type Markers } from '../../helpers/formats/twins.js';

const dup = template([
  nsg('nsg', [
    secRule({ name: 'allow-https', priority: 200, ports: '443' }),
    secRule({ name: 'allow-http', priority: 200, ports: '80' }),
    secRule({ name: 'allow-out', priority: 200, direction: 'Outbound' }),
  ]),
]);
const range = template([nsg('nsg', [secRule({ name: 'too-low', priority: 99 }), secRule({ name: 'too-high', priority: 4097 })])]);

const fromParam = template([nsg('nsg', [secRule({ name: 'p', priority: "[parameters('prio')]" })])], { prio: { type: 'int' } });

const priority = (n: number): Markers => ({ arm: `"priority": ${n}`, bicep: `priority: ${n}`, terraform: `priority = ${n}` });
const named = (n: string): Markers => ({ arm: `"name": "${n}"`, bicep: `name: '${n}'`, terraform: `name = "${n}"` });

twinRule('network/nsg-priority', {
  valid: [
    { name: 'same priority in both directions', arm: template([nsg('nsg', [secRule({ name: 'in', priority: 100 }), secRule({ name: 'out', priority: 100, direction: 'Outbound' })])]) },
    { name: 'the bounds 100 and 4096', arm: template([nsg('nsg', [secRule({ name: 'a', priority: 100 }), secRule({ name: 'b', priority: 4096 })])]) },
    { name: 'same priority in two NSGs', arm: template([nsg('n1', [secRule({ name: 'a', priority: 100 })]), nsg('n2', [secRule({ name: 'a', priority: 100 })])]) },
  ],
  invalid: [
    {
      name: 'duplicate inbound priority',
      arm: dup,
      findings: (d) => [{ line: d.lineAfter(named('allow-http'), priority(200)), messageIncludes: "already used by Security rule 'allow-https'" }],
    },
    {
      name: 'priorities out of range',
      arm: range,
      findings: (d) => [
        { line: d.line(priority(99)), messageIncludes: 'priority 99' },
        { line: d.line(priority(4097)), messageIncludes: 'priority 4097' },
      ],
    },
    {
      name: 'priority from a parameter without value: could not verify',
      arm: fromParam,
      findings: (d) => [{ line: d.param('prio'), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});

// One security rule declared twice (here a copy loop that writes the same name twice; in real
// repositories, a module deployed twice) is one rule in Azure: no clash with itself.
const sameRuleTwice = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-04-01', name: 'nsg', location: 'westeurope', properties: {} },
      {
        type: 'Microsoft.Network/networkSecurityGroups/securityRules',
        apiVersion: '2023-04-01',
        name: 'nsg/allow-https',
        copy: { name: 'twice', count: 2 },
        properties: { priority: 200, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '443', sourceAddressPrefix: '*', destinationAddressPrefix: '*' },
      },
    ],
  },
  null,
  2,
);
ruleTester.run('network/nsg-priority', {
  valid: [{ name: 'the same security rule declared twice', files: { 'azuredeploy.json': sameRuleTwice } }],
  invalid: [],
});
