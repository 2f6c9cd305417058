import { SEEDS, seedSection } from '../sources.js';
import { nsgTableRule } from './nsg-table.js';
import { ISE_OUTBOUND } from './ports.js';

/**
 * `ise/nsg-outbound` — the ISE outbound table (ports.ts `ISE_OUTBOUND`; seed 000, *Outbound
 * security rules*) but its custom-DNS row (`ise/custom-dns`) is allowed over TCP by the NSG of
 * every ISE subnet.
 */
export const nsgOutbound = nsgTableRule(
  {
    id: 'ise/nsg-outbound',
    title: "The NSG of every ISE subnet allows the ISE's outbound ports",
    description:
      'Outbound: all ports within the VNet address space; 80 and 443 to Internet and AzureActiveDirectory; 80, 443 and 445 to Storage; 443 to AppService and AzureMonitor; 1433 to Sql; 1886 to AzureMonitor; 5672 to EventHub; 6379-6383 within the VNet.',
    severity: 'error',
    source: seedSection(SEEDS.ISE_2022, 'Outbound security rules'),
    sourceUrl: SEEDS.ISE_2022.url,
  },
  ISE_OUTBOUND.filter((r) => r.when !== 'custom-dns'),
  false,
);
