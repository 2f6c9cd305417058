import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, aseV2Rules, lineOf, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const blocked = aseTemplate({ kind: 'ASEV2', dnsServers: ['10.50.0.4'] });
const allowDns = [secRule({ name: 'allow-custom-dns', priority: 135, direction: 'Outbound', from: P, to: '10.50.0.4', ports: '53' }), ...aseV2Rules(P)];

ruleTester.run('ase/custom-dns', {
  valid: [
    { name: 'Azure-provided DNS', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    { name: 'custom DNS server allowed on 53', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', dnsServers: ['10.50.0.4'], nsgRules: allowDns }) } },
    { name: 'custom DNS server, no NSG', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', dnsServers: ['10.50.0.4'], nsgRules: null }) } },
  ],
  invalid: [
    {
      name: 'custom DNS server blocked by the outbound deny-all',
      files: { 'azuredeploy.json': blocked },
      findings: [{ line: lineOf(blocked, '"name": "deny-all-out"') - 1, messageIncludes: 'custom DNS server 10.50.0.4' }],
    },
  ],
});
