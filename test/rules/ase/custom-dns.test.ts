import { twinRule, item } from '../../helpers/formats/twins.js';
import { aseTemplate, aseV2Rules, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const allowDns = [secRule({ name: 'allow-custom-dns', priority: 135, direction: 'Outbound', from: P, to: '10.50.0.4', ports: '53' }), ...aseV2Rules(P)];

twinRule('ase/custom-dns', [
  { name: 'Azure-provided DNS', arm: aseTemplate({ kind: 'ASEV2' }) },
  { name: 'custom DNS server allowed on 53', arm: aseTemplate({ kind: 'ASEV2', dnsServers: ['10.50.0.4'], nsgRules: allowDns }) },
  { name: 'custom DNS server, no NSG', arm: aseTemplate({ kind: 'ASEV2', dnsServers: ['10.50.0.4'], nsgRules: null }) },
  {
    name: 'custom DNS server blocked by the outbound deny-all',
    arm: aseTemplate({ kind: 'ASEV2', dnsServers: ['10.50.0.4'] }),
    findings: [{ at: item('deny-all-out'), messageIncludes: 'custom DNS server 10.50.0.4' }],
  },
]);
