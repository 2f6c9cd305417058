import { item, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate, aseV2Rules, nsg, secRule, subnet } from './fixtures.js';

twinRule('ase/nsg-not-associated', [
  { name: 'the ASE NSG is on the ASE subnet', arm: aseTemplate({ kind: 'ASEV2' }) },
  { name: 'an unrelated unused NSG', arm: aseTemplate({ resources: [nsg('web-nsg', [secRule({ name: 'allow-https', priority: 100, ports: '443' })])] }) },
  {
    name: 'an NSG with ASE rules used by another subnet',
    arm: aseTemplate({ nsgRules: null, subnets: [subnet({ name: 'other', prefix: '10.0.8.0/24', nsg: 'ase-rules' })], resources: [nsg('ase-rules', aseV2Rules('10.0.8.0/24'))] }),
  },
  {
    // The ASE subnet has no NSG; an NSG with the ASE management rule exists but is used by no subnet.
    name: 'NSG with the ASE management rule, associated with no subnet',
    arm: aseTemplate({ kind: 'ASEV2', nsgRules: null, resources: [nsg('ase-rules', aseV2Rules('10.0.1.0/25'))] }),
    findings: [{ at: item('ase-subnet'), messageIncludes: "NSG 'ase-rules'" }],
  },
  {
    name: 'NSG named for the ASE, associated with no subnet',
    arm: aseTemplate({ nsgRules: null, resources: [nsg('nsg-ase', [secRule({ name: 'allow-https', priority: 100, ports: '443' })])] }),
    findings: [{ at: item('ase-subnet'), messageIncludes: "NSG 'nsg-ase'" }],
  },
]);
