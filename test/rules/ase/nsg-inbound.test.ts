import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, aseV2Rules, lineOf, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const without = (...names: string[]) => aseV2Rules(P).filter((r) => !names.includes(String(r.name)));

const noManagement = aseTemplate({ kind: 'ASEV2', nsgRules: without('allow-management') });
const denied454 = aseTemplate({ kind: 'ASEV2', nsgRules: [secRule({ name: 'deny-mgmt', priority: 90, access: 'Deny', from: 'Internet', ports: '454' }), ...aseV2Rules(P)] });
const noInternal = aseTemplate({ kind: 'ASEV1', nsgRules: without('allow-ase-internal-in') });

ruleTester.run('ase/nsg-inbound', {
  valid: [
    { name: 'ASEv2 NSG with the management and internal rules', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    { name: 'ASEv2 subnet without NSG', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', nsgRules: null }) } },
    { name: 'ASEv3 (v1/v2 tables only)', files: { 'azuredeploy.json': aseTemplate({ nsgRules: without('allow-management') }) } },
  ],
  invalid: [
    {
      name: 'management 454, 455 not allowed before the deny-all',
      files: { 'azuredeploy.json': noManagement },
      findings: [{ line: lineOf(noManagement, '"name": "deny-all-in"') - 1, messageIncludes: 'App Service management' }],
    },
    {
      name: 'an explicit deny of 454 before the management allow',
      files: { 'azuredeploy.json': denied454 },
      findings: [{ line: lineOf(denied454, '"name": "deny-mgmt"') - 1, messageIncludes: 'port 454' }],
    },
    {
      name: 'ASEv1: ASE subnet to itself not allowed',
      files: { 'azuredeploy.json': noInternal },
      findings: [{ line: lineOf(noInternal, '"name": "deny-all-in"') - 1, messageIncludes: 'ASE internal communication' }],
    },
  ],
});
