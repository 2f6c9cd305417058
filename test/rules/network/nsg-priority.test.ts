import { ruleTester } from '../../helpers/rule-tester.js';
import { lineOf, nsg, secRule, template } from '../ase/fixtures.js';

const dup = template([
  nsg('nsg', [
    secRule({ name: 'allow-https', priority: 200, ports: '443' }),
    secRule({ name: 'allow-http', priority: 200, ports: '80' }),
    secRule({ name: 'allow-out', priority: 200, direction: 'Outbound' }),
  ]),
]);
const range = template([nsg('nsg', [secRule({ name: 'too-low', priority: 99 }), secRule({ name: 'too-high', priority: 4097 })])]);

const fromParam = template([nsg('nsg', [secRule({ name: 'p', priority: "[parameters('prio')]" })])], { prio: { type: 'int' } });

ruleTester.run('network/nsg-priority', {
  valid: [
    { name: 'same priority in both directions', files: { 'azuredeploy.json': template([nsg('nsg', [secRule({ name: 'in', priority: 100 }), secRule({ name: 'out', priority: 100, direction: 'Outbound' })])]) } },
    { name: 'the bounds 100 and 4096', files: { 'azuredeploy.json': template([nsg('nsg', [secRule({ name: 'a', priority: 100 }), secRule({ name: 'b', priority: 4096 })])]) } },
    { name: 'same priority in two NSGs', files: { 'azuredeploy.json': template([nsg('n1', [secRule({ name: 'a', priority: 100 })]), nsg('n2', [secRule({ name: 'a', priority: 100 })])]) } },
  ],
  invalid: [
    {
      name: 'duplicate inbound priority',
      files: { 'azuredeploy.json': dup },
      findings: [{ line: lineOf(dup, '"priority": 200', { after: '"name": "allow-http"' }), messageIncludes: "already used by Security rule 'allow-https'" }],
    },
    {
      name: 'priorities out of range',
      files: { 'azuredeploy.json': range },
      findings: [
        { line: lineOf(range, '"priority": 99'), messageIncludes: 'priority 99' },
        { line: lineOf(range, '"priority": 4097'), messageIncludes: 'priority 4097' },
      ],
    },
    {
      name: 'priority from a parameter without value: could not verify',
      files: { 'azuredeploy.json': fromParam },
      findings: [{ line: lineOf(fromParam, `"priority": "[parameters('prio')]"`), severity: 'note', messageIncludes: 'Could not verify' }],
    },
  ],
});
