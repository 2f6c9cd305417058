import { armTemplate, childSubnet, siteResource, subnetId } from './fixtures.js';
import { perFormat, prop, twinRule } from '../../helpers/formats/twins.js';

const win = { windowsFxVersion: 'DOCKER|mcr.microsoft.com/dotnet/framework/samples:aspnetapp' };
const isoWin = (sku: string, extra: Record<string, unknown>[]) =>
  armTemplate({ planSku: { name: sku, tier: 'IsolatedV2', capacity: 1 }, planKind: 'windows', planProps: { hyperV: true }, siteConfig: win, extra });
// 4 apps over 2 subnets: 1 worker + 2 connections + 4 apps = 7 units (seed 004 sample calculation).
const sample = [
  childSubnet('second', '10.0.2.0/26'),
  siteResource('app2', 'plan1', subnetId('vnet1', 'second'), { siteConfig: win }),
  siteResource('app3', 'plan1', subnetId('vnet1', 'integration'), { siteConfig: win }),
  siteResource('app4', 'plan1', subnetId('vnet1', 'integration'), { siteConfig: win }),
];

twinRule('vnet-integration/networking-units', [
  { name: 'I2v2 with 4 apps over 2 subnets (12 units ≥ 7)', arm: isoWin('I2v2', sample) },
  { name: 'I1v2 with 3 apps on 1 subnet (6 units ≥ 5)', arm: isoWin('I1v2', sample.slice(2)) },
  {
    name: 'I1v2 without Windows containers',
    arm: armTemplate({ planSku: { name: 'I1v2', tier: 'IsolatedV2' }, extra: sample.map((r) => ({ ...r, properties: { ...(r.properties as object), siteConfig: undefined } })) }),
  },
  { name: 'PremiumV3 Windows containers', arm: armTemplate({ planProps: { hyperV: true }, siteConfig: win, extra: sample }) },
  {
    name: 'I1v2 with 4 apps over 2 subnets (6 units < 7)',
    arm: isoWin('I1v2', sample),
    findings: [{ at: perFormat({ arm: prop('name', 'I1v2'), terraform: prop('sku_name', 'I1v2', { tf: ['sku_name'] }) }), messageIncludes: 'needs 7 units (1 worker + 2 VNet connections + 4 apps)' }],
  },
]);
