import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, itemLine, secRule } from './fixtures.js';

const on = { siteKind: 'app,linux,container', siteProps: { vnetImagePullEnabled: true }, siteConfig: { linuxFxVersion: 'DOCKER|contoso.azurecr.io/web:1' } };
const deny443 = armTemplate({ ...on, nsgRules: [secRule('deny-https-out', 200, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '443', destinationAddressPrefix: 'Internet' })] });
const bySetting = armTemplate({
  siteConfig: { appSettings: [{ name: 'WEBSITE_PULL_IMAGE_OVER_VNET', value: 'true' }] },
  nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')],
});

ruleTester.run('vnet-integration/image-pull', {
  valid: [
    { name: 'image pull over the VNet, no NSG', files: files(armTemplate(on)) },
    {
      name: 'registry allowed before the deny',
      files: files(
        armTemplate({
          ...on,
          nsgRules: [
            secRule('allow-acr', 100, 'Outbound', 'Allow', { protocol: 'Tcp', destinationPortRange: '443', destinationAddressPrefix: 'AzureContainerRegistry' }),
            secRule('deny-https-out', 200, 'Outbound', 'Deny', { protocol: 'Tcp', destinationPortRange: '443', destinationAddressPrefix: 'Internet' }),
          ],
        }),
      ),
    },
    { name: 'image pull not over the VNet', files: files(armTemplate({ nsgRules: [secRule('deny-all-out', 4000, 'Outbound', 'Deny')] })) },
  ],
  invalid: [
    { name: 'outbound 443 denied', files: files(deny443), findings: [{ line: itemLine(deny443, 'deny-https-out'), messageIncludes: 'Container image pull' }] },
    { name: 'WEBSITE_PULL_IMAGE_OVER_VNET app setting, all outbound denied', files: files(bySetting), findings: [{ line: itemLine(bySetting, 'deny-all-out') }] },
  ],
});
