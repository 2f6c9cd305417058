import { item, twinRule } from '../../helpers/formats/twins.js';
import { aseTemplate, aseV2Rules, secRule } from './fixtures.js';

const P = '10.0.1.0/25';
const all = [
  ...aseV2Rules(P),
  secRule({ name: 'allow-ftp', priority: 140, protocol: 'Tcp', from: 'Internet', ports: ['21', '990', '10001-10020'] }),
  secRule({ name: 'allow-debugging', priority: 150, protocol: 'Tcp', from: 'Internet', ports: ['4016', '4018', '4020', '4022'] }),
];

twinRule('ase/nsg-app-ports', [
  { name: 'External ASE with HTTP, FTP and debugging open', arm: aseTemplate({ kind: 'ASEV2', nsgRules: all }) },
  { name: 'ILB ASE (External only)', arm: aseTemplate({ kind: 'ASEV2', ilb: 'Web, Publishing' }) },
  { name: 'External ASE without NSG', arm: aseTemplate({ kind: 'ASEV2', nsgRules: null }) },
  {
    name: 'External ASE: FTP and remote debugging closed',
    arm: aseTemplate({ kind: 'ASEV2' }),
    findings: [
      { at: item('deny-all-in'), messageIncludes: 'FTP/FTPS' },
      { at: item('deny-all-in'), messageIncludes: 'remote debugging' },
    ],
  },
  {
    name: 'External ASE: HTTP/HTTPS closed',
    arm: aseTemplate({ kind: 'ASEV2', nsgRules: all.filter((r) => r.name !== 'allow-http') }),
    findings: [{ at: item('deny-all-in'), messageIncludes: 'HTTP/HTTPS' }],
  },
]);
