import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, aseV2Rules, lineOf, nsg, secRule, subnet } from './fixtures.js';

// The ASE subnet has no NSG; an NSG with the ASE management rule exists but is used by no subnet.
const orphan = aseTemplate({ kind: 'ASEV2', nsgRules: null, resources: [nsg('ase-rules', aseV2Rules('10.0.1.0/25'))] });
const orphanByName = aseTemplate({ nsgRules: null, resources: [nsg('nsg-ase', [secRule({ name: 'allow-https', priority: 100, ports: '443' })])] });

ruleTester.run('ase/nsg-not-associated', {
  valid: [
    { name: 'the ASE NSG is on the ASE subnet', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    {
      name: 'an unrelated unused NSG',
      files: { 'azuredeploy.json': aseTemplate({ resources: [nsg('web-nsg', [secRule({ name: 'allow-https', priority: 100, ports: '443' })])] }) },
    },
    {
      name: 'an NSG with ASE rules used by another subnet',
      files: {
        'azuredeploy.json': aseTemplate({
          nsgRules: null,
          subnets: [subnet({ name: 'other', prefix: '10.0.8.0/24', nsg: 'ase-rules' })],
          resources: [nsg('ase-rules', aseV2Rules('10.0.8.0/24'))],
        }),
      },
    },
  ],
  invalid: [
    {
      name: 'NSG with the ASE management rule, associated with no subnet',
      files: { 'azuredeploy.json': orphan },
      findings: [{ line: lineOf(orphan, '"name": "ase-subnet"') - 1, messageIncludes: "NSG 'ase-rules'" }],
    },
    {
      name: 'NSG named for the ASE, associated with no subnet',
      files: { 'azuredeploy.json': orphanByName },
      findings: [{ line: lineOf(orphanByName, '"name": "ase-subnet"') - 1, messageIncludes: "NSG 'nsg-ase'" }],
    },
  ],
});
