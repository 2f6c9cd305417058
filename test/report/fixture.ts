import type { RunResult } from '../../src/engine/engine.js';
import type { RuleMeta } from '../../src/rules/types.js';

const r = (file: string, line: number, column: number, endLine: number, endColumn: number) => ({ file, line, column, endLine, endColumn });

/** Two rule metas, as the SARIF rule list gets them. */
export const RULE_METAS: RuleMeta[] = [
  { id: 'ise/subnet-size', title: 'ISE subnets are /27', description: 'Each of the four ISE subnets must be a /27 (32 addresses).', severity: 'error', source: '000_48580c9700d8a906.txt#create-subnets', sourceUrl: 'https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment' },
  { id: 'ase/nsg-inbound', title: 'ASE NSG allows management traffic', description: 'The ASE subnet NSG must allow inbound 454-455 from AppServiceManagement.', severity: 'error', source: '003_805698cdc7b2ca77.txt#network-security-groups', sourceUrl: 'https://learn.microsoft.com/azure/app-service/environment/network-info' },
];

const HELP = 'https://github.com/vnet-preflight/vnet-preflight/blob/main/docs/rules';

/** A fixed run result for the golden tests of every renderer. */
export const FIXED_RESULT: RunResult = {
  files: [
    { path: 'infra/ase.bicep', format: 'bicep', resources: 4, errors: [] },
    { path: 'infra/broken.json', format: 'arm', resources: 0, errors: ['3:5 Expected comma'] },
    { path: 'infra/ise.json', format: 'arm', resources: 6, errors: [] },
  ],
  findings: [
    {
      ruleId: 'ase/nsg-inbound',
      severity: 'error',
      message: "NSG 'ase-nsg' blocks inbound TCP 454-455 from AppServiceManagement: security rule 'deny-all' (priority 100) denies it | add an allow rule with a lower priority number.",
      range: r('infra/ase.bicep', 12, 7, 18, 8),
      related: [{ range: r('infra/ase.bicep', 30, 3, 30, 40), message: "Subnet 'ase' uses this NSG." }],
      resource: 'Microsoft.Network/networkSecurityGroups/ase-nsg/securityRules/deny-all',
      source: '003_805698cdc7b2ca77.txt#network-security-groups',
      helpUri: `${HELP}/ase/nsg-inbound.md`,
      fingerprint: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    },
    {
      ruleId: 'parse/error',
      severity: 'error',
      message: 'Cannot parse infra/broken.json: Expected comma at 3:5.',
      range: r('infra/broken.json', 3, 5, 3, 6),
      fingerprint: 'aaaabbbbccccddddeeeeffff00001111',
    },
    {
      ruleId: 'ise/subnet-size',
      severity: 'error',
      message: "Subnet 'ise-1' is /28 (16 addresses); an ISE subnet must be a /27 (32 addresses).",
      range: r('infra/ise.json', 41, 5, 41, 35),
      resource: 'Microsoft.Network/virtualNetworks/subnets/ise-1',
      source: '000_48580c9700d8a906.txt#create-subnets',
      helpUri: `${HELP}/ise/subnet-size.md`,
      fingerprint: '1234567890abcdef1234567890abcdef',
    },
    {
      ruleId: 'ise/subnet-size',
      severity: 'note',
      message: "Could not verify the subnet's size: `parameters('prefix4')` is not known before deployment (parameter without default). Give it a value (a default or a parameter file) to have it checked, or check it after deployment.",
      range: r('infra/ise.json', 60, 24, 60, 50),
      resource: 'Microsoft.Network/virtualNetworks/subnets/ise-4',
      source: '000_48580c9700d8a906.txt#create-subnets',
      helpUri: `${HELP}/ise/subnet-size.md`,
      fingerprint: 'fedcba0987654321fedcba0987654321',
    },
  ],
  suppressed: [
    {
      ruleId: 'ise/subnet-size',
      severity: 'warning',
      message: "Subnet 'ise-3' is /26 (64 addresses); an ISE subnet must be a /27.",
      range: r('infra/ise.json', 52, 5, 52, 35),
      resource: 'Microsoft.Network/virtualNetworks/subnets/ise-3',
      source: '000_48580c9700d8a906.txt#create-subnets',
      helpUri: `${HELP}/ise/subnet-size.md`,
      fingerprint: '99998888777766665555444433332222',
      suppressed: { reason: 'legacy subnet, resized in Q3', range: r('infra/ise.json', 51, 5, 51, 80) },
    },
  ],
  unknowns: [{ ruleId: 'ise/subnet-size', file: 'infra/ise.json', line: 60, column: 24, expression: "parameters('prefix4')", purpose: "the subnet's size" }],
  summary: { error: 3, warning: 0, note: 1 },
};

/** A clean run. */
export const EMPTY_RESULT: RunResult = {
  files: [{ path: 'main.bicep', format: 'bicep', resources: 3, errors: [] }],
  findings: [],
  suppressed: [],
  unknowns: [],
  summary: { error: 0, warning: 0, note: 0 },
};
