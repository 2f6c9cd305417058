import { ruleTester } from '../../helpers/rule-tester.js';
import { armTemplate, files, lineOf } from './fixtures.js';

const free = armTemplate({ planSku: { name: 'F1', tier: 'Free' } });
const dynamic = armTemplate({ planSku: { name: 'Y1' }, siteKind: 'functionapp' });
const isolated = armTemplate({ planSku: { name: 'I1v2', tier: 'IsolatedV2' } });
const param = armTemplate({ parameters: { sku: { type: 'string' } }, planSku: { name: "[parameters('sku')]" } });

ruleTester.run('vnet-integration/plan-tier', {
  valid: [
    { name: 'PremiumV3', files: files(armTemplate()) },
    { name: 'Basic by SKU name only', files: files(armTemplate({ planSku: { name: 'B1' } })) },
    { name: 'Elastic Premium', files: files(armTemplate({ planSku: { name: 'EP1', tier: 'ElasticPremium' }, siteKind: 'functionapp' })) },
    { name: 'WorkflowStandard (Standard logic app)', files: files(armTemplate({ planSku: { name: 'WS1', tier: 'WorkflowStandard' }, siteKind: 'functionapp,workflowapp' })) },
    { name: 'Flex Consumption', files: files(armTemplate({ planSku: { name: 'FC1', tier: 'FlexConsumption' }, siteKind: 'functionapp,linux', delegation: 'Microsoft.App/environments' })) },
    { name: 'Free plan without integration', files: files(armTemplate({ planSku: { name: 'F1', tier: 'Free' }, noIntegration: true })) },
  ],
  invalid: [
    { name: 'Free tier', files: files(free), findings: [{ line: lineOf(free, '"tier": "Free"'), messageIncludes: 'F1 (Free tier)' }] },
    { name: 'Consumption (Y1) by SKU name', files: files(dynamic), findings: [{ line: lineOf(dynamic, '"name": "Y1"'), messageIncludes: 'Dynamic tier' }] },
    { name: 'IsolatedV2: note only', files: files(isolated), findings: [{ line: lineOf(isolated, '"tier": "IsolatedV2"'), severity: 'note', messageIncludes: 'App Service Environment' }] },
    { name: 'SKU from a parameter without default', files: files(param), findings: [{ line: lineOf(param, `"name": "[parameters('sku')]"`), severity: 'note', messageIncludes: 'Could not verify' }] },
  ],
});
