import { ruleTester } from '../../helpers/rule-tester.js';
import { aseTemplate, aseV2Rules, lineOf, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const noLb = aseV2Rules(P).filter((r) => r.name !== 'allow-load-balancer');
const lbIlbPorts = [secRule({ name: 'allow-lb-keepalive', priority: 120, protocol: 'Tcp', from: 'AzureLoadBalancer', ports: ['454-455', '16001'] }), ...noLb];

const external = aseTemplate({ kind: 'ASEV2', nsgRules: noLb });
const externalFewPorts = aseTemplate({ kind: 'ASEV2', nsgRules: lbIlbPorts });
const ilb = aseTemplate({ kind: 'ASEV2', ilb: 'Web, Publishing', nsgRules: noLb });

ruleTester.run('ase/nsg-load-balancer', {
  valid: [
    { name: 'explicit allow from AzureLoadBalancer before the deny-all', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2' }) } },
    { name: 'no deny-all: the default 65001 rule lets the load balancer in', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', nsgRules: noLb.filter((r) => r.name !== 'deny-all-in') }) } },
    { name: 'ILB ASE with 454, 455 and 16001 from the load balancer', files: { 'azuredeploy.json': aseTemplate({ kind: 'ASEV2', ilb: 'Web, Publishing', nsgRules: lbIlbPorts }) } },
  ],
  invalid: [
    {
      name: 'External ASE: deny-all before the default load balancer rule',
      files: { 'azuredeploy.json': external },
      findings: [{ line: lineOf(external, '"name": "deny-all-in"') - 1, messageIncludes: 'Azure load balancer' }],
    },
    {
      name: 'External ASE: only 454, 455, 16001 from the load balancer',
      files: { 'azuredeploy.json': externalFewPorts },
      findings: [{ line: lineOf(externalFewPorts, '"name": "deny-all-in"') - 1, messageIncludes: 'AzureLoadBalancer' }],
    },
    {
      name: 'ILB ASE: keep-alive 16001 blocked',
      files: { 'azuredeploy.json': ilb },
      findings: [{ line: lineOf(ilb, '"name": "deny-all-in"') - 1, messageIncludes: '16001' }],
    },
  ],
});
