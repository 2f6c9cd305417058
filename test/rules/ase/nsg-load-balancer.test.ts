import { item, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate, aseV2Rules, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const noLb = aseV2Rules(P).filter((r) => r.name !== 'allow-load-balancer');
const lbIlbPorts = [secRule({ name: 'allow-lb-keepalive', priority: 120, protocol: 'Tcp', from: 'AzureLoadBalancer', ports: ['454-455', '16001'] }), ...noLb];

twinRule('ase/nsg-load-balancer', [
  { name: 'explicit allow from AzureLoadBalancer before the deny-all', arm: aseTemplate({ kind: 'ASEV2' }) },
  { name: 'no deny-all: the default 65001 rule lets the load balancer in', arm: aseTemplate({ kind: 'ASEV2', nsgRules: noLb.filter((r) => r.name !== 'deny-all-in') }) },
  { name: 'ILB ASE with 454, 455 and 16001 from the load balancer', arm: aseTemplate({ kind: 'ASEV2', ilb: 'Web, Publishing', nsgRules: lbIlbPorts }) },
  {
    name: 'External ASE: deny-all before the default load balancer rule',
    arm: aseTemplate({ kind: 'ASEV2', nsgRules: noLb }),
    findings: [{ at: item('deny-all-in'), messageIncludes: 'Azure load balancer' }],
  },
  {
    name: 'External ASE: only 454, 455, 16001 from the load balancer',
    arm: aseTemplate({ kind: 'ASEV2', nsgRules: lbIlbPorts }),
    findings: [{ at: item('deny-all-in'), messageIncludes: 'AzureLoadBalancer' }],
  },
  { name: 'ILB ASE: keep-alive 16001 blocked', arm: aseTemplate({ kind: 'ASEV2', ilb: 'Web, Publishing', nsgRules: noLb }), findings: [{ at: item('deny-all-in'), messageIncludes: '16001' }] },
]);
