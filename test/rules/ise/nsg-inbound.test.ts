import { ruleTester } from '../../helpers/rule-tester.js';
import { arm, iseTemplate, lineOf, openIseRules, openIseRulesWith, ruleLine } from './fixtures.js';

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

ruleTester.run('ise/nsg-inbound', {
  valid: [
    { name: 'no NSG', files: arm(iseTemplate()) },
    { name: 'internal ISE, every inbound flow allowed', files: arm(iseTemplate({ nsgRules: openIseRules() })) },
    { name: 'external ISE, 443 from Internet', files: arm(iseTemplate({ endpoint: 'External', nsgRules: openIseRulesWith({}, [external443]) })) },
    { name: "external ISE, 443 from the callers' public addresses", files: arm(iseTemplate({ endpoint: 'External', nsgRules: openIseRulesWith({}, [externalIps]) })) },
  ],
  invalid: [
    {
      name: 'nothing allows AppServiceManagement 454-455: the deny-all rule blocks it',
      files: arm(noAppSvc),
      findings: [{ line: ruleLine(noAppSvc, 'deny-in'), messageIncludes: 'App Service management (inbound TCP 454-455 from AppServiceManagement' }],
    },
    {
      name: 'an explicit Deny for 3443 before the Allow',
      files: arm(denyApim),
      findings: [{ line: ruleLine(denyApim, 'deny-3443'), messageIncludes: "blocked by security rule 'deny-3443' (priority 105)" }],
    },
    {
      name: 'external ISE without 443 from callers',
      files: arm(externalClosed),
      findings: [{ line: ruleLine(externalClosed, 'deny-in'), messageIncludes: 'calls to logic apps and run history of an external ISE' }],
    },
    {
      name: 'access endpoint not set: the endpoint-dependent ports could not be verified',
      files: arm(noEndpoint),
      findings: [{ line: lineOf(noEndpoint, '"type": "Microsoft.Logic/integrationServiceEnvironments"') - 1, severity: 'note', messageIncludes: 'Could not verify which inbound ports' }],
    },
    {
      name: 'NSG id from a parameter without value: one note per subnet reference',
      files: arm(nsgParam),
      findings: [0, 1, 2, 3].map((i) => ({ line: lineOf(nsgParam, `"id": "[parameters('nsgId')]"`, i), severity: 'note' as const, messageIncludes: 'Could not verify the required flows' })),
    },
    {
      name: 'NSG declared in another template: one note per subnet',
      files: arm(nsgElsewhere),
      findings: [0, 1, 2, 3].map((i) => ({ line: lineOf(nsgElsewhere, `'shared-nsg')]"`, i), severity: 'note' as const, messageIncludes: 'is not declared in the checked files' })),
    },
  ],
});
