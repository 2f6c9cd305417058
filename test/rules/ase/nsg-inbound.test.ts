import { item, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate, aseV2Rules, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const without = (...names: string[]) => aseV2Rules(P).filter((r) => !names.includes(String(r.name)));

twinRule('ase/nsg-inbound', [
  { name: 'ASEv2 NSG with the management and internal rules', arm: aseTemplate({ kind: 'ASEV2' }) },
  { name: 'ASEv2 subnet without NSG', arm: aseTemplate({ kind: 'ASEV2', nsgRules: null }) },
  { name: 'ASEv3 (v1/v2 tables only)', arm: aseTemplate({ nsgRules: without('allow-management') }) },
  {
    name: 'management 454, 455 not allowed before the deny-all',
    arm: aseTemplate({ kind: 'ASEV2', nsgRules: without('allow-management') }),
    findings: [{ at: item('deny-all-in'), messageIncludes: 'App Service management' }],
  },
  {
    name: 'an explicit deny of 454 before the management allow',
    arm: aseTemplate({ kind: 'ASEV2', nsgRules: [secRule({ name: 'deny-mgmt', priority: 90, access: 'Deny', from: 'Internet', ports: '454' }), ...aseV2Rules(P)] }),
    findings: [{ at: item('deny-mgmt'), messageIncludes: 'port 454' }],
  },
  {
    name: 'ASEv1: ASE subnet to itself not allowed',
    arm: aseTemplate({ kind: 'ASEV1', nsgRules: without('allow-ase-internal-in') }),
    findings: [{ at: item('deny-all-in'), messageIncludes: 'ASE internal communication' }],
    noTwin: { terraform: 'azurerm has no ASEv1 resource' },
  },
]);
