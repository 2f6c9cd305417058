import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf, siteResource, subnetId } from './fixtures.js';

const autoscale = (max: string) => ({
  type: 'Microsoft.Insights/autoscalesettings',
  apiVersion: '2022-10-01',
  name: 'scale1',
  location: "[parameters('location')]",
  properties: {
    enabled: true,
    targetResourceUri: "[resourceId('Microsoft.Web/serverfarms', 'plan1')]",
    profiles: [{ name: 'default', capacity: { minimum: '1', maximum: max, default: '1' }, rules: [] }],
  },
});

const ten28 = armTemplate({ subnetPrefix: '10.0.1.0/28', planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 10 } });
const scaled = armTemplate({ extra: [autoscale('30')] });
const elastic = armTemplate({ subnetPrefix: '10.0.1.0/27', planSku: { name: 'EP1', tier: 'ElasticPremium', capacity: 1 }, planProps: { maximumElasticWorkerCount: 20 }, siteKind: 'functionapp' });
const winContainers = armTemplate({
  subnetPrefix: '10.0.1.0/27',
  planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 5 },
  planKind: 'windows',
  planProps: { hyperV: true },
  siteConfig: { windowsFxVersion: 'DOCKER|mcr.microsoft.com/dotnet/samples:aspnetapp' },
  extra: [siteResource('app2', 'plan1', subnetId('vnet1', 'integration'), { siteConfig: { windowsFxVersion: 'DOCKER|mcr.microsoft.com/dotnet/samples:aspnetapp' } })],
});
const unknownCap = armTemplate({ subnetPrefix: '10.0.1.0/29', parameters: { capacity: { type: 'int' } }, planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: "[parameters('capacity')]" } });

ruleTester.run('vnet-integration/subnet-capacity', {
  valid: [
    { name: 'one instance on a /28', files: files(armTemplate({ subnetPrefix: '10.0.1.0/28' })) },
    { name: 'ten instances on a /26', files: files(armTemplate({ planSku: { name: 'P1v3', tier: 'PremiumV3', capacity: 10 } })) },
    { name: 'autoscale to 29 on a /26 (5 + 2 × 29 = 63)', files: files(armTemplate({ extra: [autoscale('29')] })) },
  ],
  invalid: [
    { name: 'ten instances on a /28', files: files(ten28), findings: [{ line: lineOf(ten28, '"addressPrefix": "10.0.1.0/28"'), messageIncludes: 'needs 25 addresses' }] },
    { name: 'autoscale maximum 30 on a /26', files: files(scaled), findings: [{ line: lineOf(scaled, '"addressPrefix": "10.0.1.0/26"'), messageIncludes: 'needs 65 addresses' }] },
    { name: 'elastic maximum 20 on a /27', files: files(elastic), findings: [{ line: lineOf(elastic, '"addressPrefix": "10.0.1.0/27"'), messageIncludes: 'needs 45 addresses' }] },
    {
      name: 'Windows containers: 5 instances × (1 + 2 apps) on a /27',
      files: files(winContainers),
      findings: [{ line: lineOf(winContainers, '"addressPrefix": "10.0.1.0/27"'), messageIncludes: 'needs 35 addresses' }],
    },
    {
      name: 'capacity from a parameter without default',
      files: files(unknownCap),
      findings: [
        { line: lineOf(unknownCap, '"capacity": "[parameters('), severity: 'note', messageIncludes: 'Could not verify' },
      ],
    },
  ],
});
