import { twinRule } from '../../helpers/formats/twins.js';
import { iseTemplate, openIseRules, openIseRulesWith } from './fixtures.js';
import { iseBicepIdioms, iseTerraformIdioms } from './idioms.js';

const noAppSvc = iseTemplate({ nsgRules: openIseRulesWith({ 'appsvc-mgmt-in': null }) });
const denyApim = iseTemplate({ nsgRules: openIseRulesWith({}, [{ name: 'deny-3443', priority: 105, access: 'Deny', destinationPort: '3443', source: 'Internet' }]) });
const external443 = { name: 'callers-in', priority: 170, source: 'Internet', destination: 'VirtualNetwork', destinationPort: '443' };
const externalIps = { name: 'callers-in', priority: 170, source: '203.0.113.0/24', destination: 'VirtualNetwork', destinationPort: '443' };
const externalClosed = iseTemplate({ endpoint: 'External', nsgRules: openIseRules() });
const noEndpoint = iseTemplate({ endpoint: null, nsgRules: openIseRules() });

const nsgParam = iseTemplate({ nsgRules: openIseRules() })
  .split(`"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'ise-nsg')]"`)
  .join(`"id": "[parameters('nsgId')]"`)
  .replace('"resources": [', '"parameters": { "nsgId": { "type": "string" } },\n  "resources": [');
const nsgElsewhere = iseTemplate({ nsgRules: openIseRules() })
  .split(`"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'ise-nsg')]"`)
  .join(`"id": "[resourceId('Microsoft.Network/networkSecurityGroups', 'shared-nsg')]"`);

twinRule('ise/nsg-inbound', {
  valid: [
    { name: 'no NSG', arm: iseTemplate() },
    { name: 'internal ISE, every inbound flow allowed', arm: iseTemplate({ nsgRules: openIseRules() }) },
    { name: 'external ISE, 443 from Internet', arm: iseTemplate({ endpoint: 'External', nsgRules: openIseRulesWith({}, [external443]) }) },
    { name: "external ISE, 443 from the callers' public addresses", arm: iseTemplate({ endpoint: 'External', nsgRules: openIseRulesWith({}, [externalIps]) }) },
  ],
  invalid: [
    {
      name: 'nothing allows AppServiceManagement 454-455: the deny-all rule blocks it',
      arm: noAppSvc,
      findings: (d) => [{ line: d.item('deny-in'), messageIncludes: 'App Service management (inbound TCP 454-455 from AppServiceManagement' }],
    },
    {
      name: 'rules as azurerm_network_security_rule resources from for_each, subnets from for_each (Terraform)',
      only: ['terraform'],
      own: { terraform: iseTerraformIdioms },
      findings: (d) => [{ line: d.line('resource "azurerm_network_security_rule" "deny_in"'), messageIncludes: 'App Service management (inbound TCP 454-455 from AppServiceManagement' }],
    },
    {
      name: 'rules as child resources from a for loop, subnets from a for loop (Bicep)',
      only: ['bicep'],
      own: { bicep: iseBicepIdioms },
      findings: (d) => [{ line: d.line("resource denyIn 'Microsoft.Network/networkSecurityGroups/securityRules@"), messageIncludes: 'App Service management (inbound TCP 454-455 from AppServiceManagement' }],
    },
    {
      name: 'an explicit Deny for 3443 before the Allow',
      arm: denyApim,
      findings: (d) => [{ line: d.item('deny-3443'), messageIncludes: "blocked by security rule 'deny-3443' (priority 105)" }],
    },
    {
      name: 'external ISE without 443 from callers',
      arm: externalClosed,
      findings: (d) => [{ line: d.item('deny-in'), messageIncludes: 'calls to logic apps and run history of an external ISE' }],
    },
    {
      name: 'access endpoint not set: the endpoint-dependent ports could not be verified',
      arm: noEndpoint,
      findings: (d) => [{ line: d.resource('Microsoft.Logic/integrationServiceEnvironments'), severity: 'note', messageIncludes: 'Could not verify which inbound ports' }],
    },
    {
      name: 'NSG id from a parameter without value: one note per subnet reference',
      arm: nsgParam,
      findings: (d) => [0, 1, 2, 3].map((i) => ({ line: d.param('nsgId', i), severity: 'note' as const, messageIncludes: 'Could not verify the required flows' })),
    },
    {
      name: 'NSG declared in another template: one note per subnet',
      arm: nsgElsewhere,
      findings: (d) => [0, 1, 2, 3].map((i) => ({ line: d.line('shared-nsg', i), severity: 'note' as const, messageIncludes: 'is not declared in the checked files' })),
    },
  ],
});
