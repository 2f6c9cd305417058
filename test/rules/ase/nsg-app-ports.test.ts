import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, aseV2Rules, lineOf, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const all = [
  ...aseV2Rules(P),
  secRule({ name: 'allow-ftp', priority: 140, protocol: 'Tcp', from: 'Internet', ports: ['21', '990', '10001-10020'] }),
  secRule({ name: 'allow-debugging', priority: 150, protocol: 'Tcp', from: 'Internet', ports: ['4016', '4018', '4020', '4022'] }),
];
const external = aseTemplate({ kind: 'ASEV2' });
const noHttp = aseTemplate({ kind: 'ASEV2', nsgRules: all.filter((r) => r.name !== 'allow-http') });

ruleTester.run('ase/nsg-app-ports', {
  valid: [
    { name: 'External ASE with HTTP, FTP and debugging open', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', nsgRules: all }) } },
    { name: 'ILB ASE (External only)', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', ilb: 'Web, Publishing' }) } },
    { name: 'External ASE without NSG', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', nsgRules: null }) } },
  ],
  invalid: [
    {
      name: 'External ASE: FTP and remote debugging closed',
      files: { 'azuredeploy.json': external },
      findings: [
        { line: lineOf(external, '"name": "deny-all-in"') - 1, messageIncludes: 'FTP/FTPS' },
        { line: lineOf(external, '"name": "deny-all-in"') - 1, messageIncludes: 'remote debugging' },
      ],
    },
    {
      name: 'External ASE: HTTP/HTTPS closed',
      files: { 'azuredeploy.json': noHttp },
      findings: [{ line: lineOf(noHttp, '"name": "deny-all-in"') - 1, messageIncludes: 'HTTP/HTTPS' }],
    },
  ],
});
