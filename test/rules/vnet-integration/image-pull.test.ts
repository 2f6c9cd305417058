import { armTemplate, secRule } from './fixtures.js';
import { item, twinRule } from '../../helpers/formats/twins.js';

const on = { siteKind: 'app,linux,container', siteProps: { vnetImagePullEnabled: true }, siteConfig: { linuxFxVersion: 'DOCKER|contoso.azurecr.io/web:1' } };
const denyHttps = secRule('deny-https-out', 200, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '443', destinationAddressPrefix: 'Internet' });

twinRule('vnet-integration/image-pull', [
  { name: 'image pull over the VNet, no NSG', arm: armTemplate(on) },
  {
    name: 'registry allowed before the deny',
    arm: armTemplate({
      ...on,
      nsgRules: [secRule('allow-acr', 100, 'Outbound', 'Allow', { protocol: 'Tcp', destinationPortRange: '443', destinationAddressPrefix: 'AzureContainerRegistry' }), denyHttps],
    }),
  },
  { name: 'image pull not over the VNet', arm: armTemplate({ nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] }) },
  { name: 'outbound 443 denied', arm: armTemplate({ ...on, nsgRules: [denyHttps] }), findings: [{ at: item('deny-https-out'), messageIncludes: 'Container image pull' }] },
  {
    name: 'WEBSITE_PULL_IMAGE_OVER_VNET app setting, all outbound denied',
    arm: armTemplate({ siteConfig: { appSettings: [{ name: 'WEBSITE_PULL_IMAGE_OVER_VNET', value: 'true' }] }, nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] }),
    findings: [{ at: item('deny-all-out') }],
  },
]);
