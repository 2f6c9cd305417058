import { SEEDS, seedSection } from '../sources.js';
import { nsgTableRule } from './nsg-table.js';
import { ISE_INBOUND } from './ports.js';

/**
 * `ise/nsg-inbound` — the ISE inbound table (ports.ts `ISE_INBOUND`; seed 000, *Inbound security
 * rules*) is allowed over TCP by the NSG of every ISE subnet. Also owns the notes for an ISE
 * subnet whose NSG can't be read and for an ISE whose access endpoint is unknown.
 */
export const nsgInbound = nsgTableRule(
  {
    id: 'ise/nsg-inbound',
    title: "The NSG of every ISE subnet allows the ISE's inbound ports",
    description:
      'Inbound: all ports within the VNet address space; 443 from callers (VirtualNetwork or Internet); 454 from LogicAppsManagement, LogicApps and AzureConnectors; 454-455 from AppServiceManagement; 454/443 from AzureTrafficManager; 3443 from ApiManagement; 6379-6383 within the VNet.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Inbound security rules'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  ISE_INBOUND,
  true,
);
