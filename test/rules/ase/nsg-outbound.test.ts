import { item, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate, aseV2Rules, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const without = (...names: string[]) => aseV2Rules(P).filter((r) => !names.includes(String(r.name)));

twinRule('ase/nsg-outbound', [
  { name: 'ASEv2 NSG with every outbound dependency', arm: aseTemplate({ kind: 'ASEV2' }) },
  { name: 'ASEv2 without NSG', arm: aseTemplate({ kind: 'ASEV2', nsgRules: null }) },
  { name: 'ASEv3 (v1/v2 tables only)', arm: aseTemplate({ nsgRules: without('allow-sql') }) },
  { name: 'SQL ports blocked by the deny-all', arm: aseTemplate({ kind: 'ASEV2', nsgRules: without('allow-sql') }), findings: [{ at: item('deny-all-out'), messageIncludes: 'Azure SQL Database' }] },
  {
    name: 'DNS allowed for UDP only',
    arm: aseTemplate({
      kind: 'ASEV2',
      nsgRules: [...without('allow-dns'), secRule({ name: 'allow-dns-udp', priority: 130, direction: 'Outbound', protocol: 'Udp', from: P, to: 'Internet', ports: '53' })],
    }),
    findings: [{ at: item('deny-all-out'), messageIncludes: 'for TCP' }],
  },
  {
    name: 'ASEv1 needs Storage 445 too',
    arm: aseTemplate({ kind: 'ASEV1' }),
    findings: [{ at: item('deny-all-out'), messageIncludes: 'port 445' }],
    noTwin: { terraform: 'azurerm has no ASEv1 resource' },
  },
]);
