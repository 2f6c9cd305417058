/**
 * The source documents of the requirements (shared/seeds, requirements.md "Seeds") and their
 * public pages. A rule's `source` is `<seed file>#<section slug>`; its `sourceUrl` the page.
 */
export const SEEDS = {
  /** ISE: connect to VNets (2022 revision; the newest ISE how-to). */
  ISE_2022: { file: '000_48580c9700d8a906.txt', url: 'https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment' },
  /** ISE: connect to VNets (2020 revision; older wording). */
  ISE_2020: { file: '001_a73071405c1cee19.txt', url: 'https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment' },
  /** ISE overview (2023): retirement, SKUs, endpoint access. */
  ISE_OVERVIEW: { file: '002_e6ce67d7b488229f.txt', url: 'https://learn.microsoft.com/azure/logic-apps/connect-virtual-network-vnet-isolated-environment-overview' },
  /** App Service Environment (ASEv2) networking: NSGs, UDRs. */
  ASE_NETWORKING: { file: '003_805698cdc7b2ca77.txt', url: 'https://learn.microsoft.com/azure/app-service/environment/network-info' },
  /** App Service regional VNet integration (2025). */
  VNET_INTEGRATION: { file: '004_e9cc4b29cfa7aaa9.txt', url: 'https://learn.microsoft.com/azure/app-service/overview-vnet-integration' },
} as const;

/** Public pages for requirements marked [beyond] in requirements.md. */
export const BEYOND = {
  ASE_V3_NETWORKING: 'https://learn.microsoft.com/azure/app-service/environment/networking',
  ASE_RETIREMENT: 'https://learn.microsoft.com/azure/app-service/environment/migration-alternatives',
  VNET_LIMITS: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq',
  NSG_OVERVIEW: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  FLEX_CONSUMPTION: 'https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan',
} as const;

/** `<seed file>#<slug>` for a section heading: lower-case, non-alphanumerics to `-`. */
export function seedSection(seed: { file: string }, heading: string): string {
  return `${seed.file}#${heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
