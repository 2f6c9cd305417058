import { armTemplate } from './fixtures.js';
import { perFormat, prop, twinRule } from '../../helpers/formats/twins.js';

/** Terraform writes only `sku_name`; the tier comes from it (src/sources/terraform/azurerm/web.ts tierOfSkuName). */
const skuName = (name: string) => prop('sku_name', name, { tf: ['sku_name'] });

twinRule('vnet-integration/plan-tier', [
  { name: 'PremiumV3', arm: armTemplate() },
  { name: 'Basic by SKU name only', arm: armTemplate({ planSku: { name: 'B1' } }) },
  { name: 'Elastic Premium', arm: armTemplate({ planSku: { name: 'EP1', tier: 'ElasticPremium' }, siteKind: 'functionapp' }) },
  { name: 'WorkflowStandard (Standard logic app)', arm: armTemplate({ planSku: { name: 'WS1', tier: 'WorkflowStandard' }, siteKind: 'functionapp,workflowapp' }) },
  { name: 'Flex Consumption', arm: armTemplate({ planSku: { name: 'FC1', tier: 'FlexConsumption' }, siteKind: 'functionapp,linux', delegation: 'Microsoft.App/environments' }) },
  { name: 'Free plan without integration', arm: armTemplate({ planSku: { name: 'F1', tier: 'Free' }, noIntegration: true }) },
  {
    name: 'Free tier',
    arm: armTemplate({ planSku: { name: 'F1', tier: 'Free' } }),
    findings: [{ at: perFormat({ arm: prop('tier', 'Free'), terraform: skuName('F1') }), messageIncludes: 'F1 (Free tier)' }],
  },
  {
    name: 'Consumption (Y1) by SKU name',
    arm: armTemplate({ planSku: { name: 'Y1' }, siteKind: 'functionapp' }),
    findings: [{ at: perFormat({ arm: prop('name', 'Y1'), terraform: skuName('Y1') }), messageIncludes: 'Dynamic tier' }],
  },
  {
    name: 'IsolatedV2: note only',
    arm: armTemplate({ planSku: { name: 'I1v2', tier: 'IsolatedV2' } }),
    findings: [{ at: perFormat({ arm: prop('tier', 'IsolatedV2'), terraform: skuName('I1v2') }), severity: 'note', messageIncludes: 'App Service Environment' }],
  },
  {
    name: 'SKU from a parameter without default',
    arm: armTemplate({ parameters: { sku: { type: 'string' } }, planSku: { name: "[parameters('sku')]" } }),
    findings: [{ at: perFormat({ arm: prop('name', "[parameters('sku')]"), terraform: skuName("[parameters('sku')]") }), severity: 'note', messageIncludes: 'Could not verify' }],
  },
]);
