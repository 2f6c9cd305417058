import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, aseV2Rules, lineOf, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const without = (...names: string[]) => aseV2Rules(P).filter((r) => !names.includes(String(r.name)));

const noSql = aseTemplate({ kind: 'ASEV2', nsgRules: without('allow-sql') });
const udpDnsOnly = aseTemplate({
  kind: 'ASEV2',
  nsgRules: [...without('allow-dns'), secRule({ name: 'allow-dns-udp', priority: 130, direction: 'Outbound', protocol: 'Udp', from: P, to: 'Internet', ports: '53' })],
});
const v1 = aseTemplate({ kind: 'ASEV1' });

ruleTester.run('ase/nsg-outbound', {
  valid: [
    { name: 'ASEv2 NSG with every outbound dependency', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    { name: 'ASEv2 without NSG', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', nsgRules: null }) } },
    { name: 'ASEv3 (v1/v2 tables only)', files: { 'azuredeploy.json': aseTemplate({ nsgRules: without('allow-sql') }) } },
  ],
  invalid: [
    {
      name: 'SQL ports blocked by the deny-all',
      files: { 'azuredeploy.json': noSql },
      findings: [{ line: lineOf(noSql, '"name": "deny-all-out"') - 1, messageIncludes: 'Azure SQL Database' }],
    },
    {
      name: 'DNS allowed for UDP only',
      files: { 'azuredeploy.json': udpDnsOnly },
      findings: [{ line: lineOf(udpDnsOnly, '"name": "deny-all-out"') - 1, messageIncludes: 'for TCP' }],
    },
    {
      name: 'ASEv1 needs Storage 445 too',
      files: { 'azuredeploy.json': v1 },
      findings: [{ line: lineOf(v1, '"name": "deny-all-out"') - 1, messageIncludes: 'port 445' }],
    },
  ],
});
