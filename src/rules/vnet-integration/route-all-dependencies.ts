import type { App } from '../../model/entities.js';
import type { Rule } from '../types.js';
import { SEEDS, seedSection } from '../sources.js';
import { flowRow, type RequiredFlowRow } from '../shared/required-flows.js';
import { appsText, checkFeatureFlows, subnetAddress } from './flows.js';

const SOURCE = seedSection(SEEDS.VNET_INTEGRATION, 'Network routing');

/** Linux app: its `kind` names `linux` (`app,linux`, `functionapp,linux`, ...). */
function isLinux(app: App): boolean {
  return !!app.appKind?.known && /(^|,)\s*linux\s*(,|$)/i.test(app.appKind.value);
}

/**
 * `vnet-integration/route-all-dependencies`: with all traffic routed into the VNet
 * (`vnetRouteAllEnabled` / `WEBSITE_VNET_ROUTE_ALL`), the app's platform dependencies stay
 * reachable through the subnet's NSG and routes: Microsoft Entra ID (TCP 443 to
 * `AzureActiveDirectory`), certificate revocation list checks (TCP 80 to `Internet`), and for Linux
 * apps continuous deployment (`oryx-cdn.microsoft.io`, TCP 443 to `Internet`).
 * Source: seed 004_e9cc4b29cfa7aaa9.txt, *Network routing* ("make sure you consider your
 * application dependencies … certificate revocation list (CRL) check endpoints and
 * identity/authentication endpoint … Linux continuous deployment, you need to allow oryx-cdn.microsoft.io:443").
 */
export const routeAllDependencies: Rule = {
  meta: {
    id: 'vnet-integration/route-all-dependencies',
    title: 'Route-all apps can still reach their platform dependencies',
    description:
      'When all outbound traffic is routed into the VNet, the integration subnet allows Microsoft Entra ID, CRL checks and (Linux) continuous deployment endpoints.',
    severity: 'warning',
    source: SOURCE,
    sourceUrl: SEEDS.VNET_INTEGRATION.url,
  },
  check(model, ctx) {
    checkFeatureFlows(model, ctx, {
      flag: (app) => app.routeAll,
      feature: 'route all traffic (vnetRouteAllEnabled / WEBSITE_VNET_ROUTE_ALL)',
      routes: true,
      rows: (subnet, apps) => {
        const src = subnetAddress(subnet);
        const who = appsText(apps);
        const rows: RequiredFlowRow[] = [
          flowRow(`Microsoft Entra ID sign-in of ${who}`, { direction: 'Outbound', protocols: 'Tcp', source: src, destination: 'AzureActiveDirectory', ports: '443' }, SOURCE),
          flowRow(`Certificate revocation list (CRL) checks of ${who}`, { direction: 'Outbound', protocols: 'Tcp', source: src, destination: 'Internet', ports: '80' }, SOURCE),
        ];
        const linux = apps.filter(isLinux);
        if (linux.length > 0) {
          rows.push(
            flowRow(
              `Linux continuous deployment (oryx-cdn.microsoft.io) of ${appsText(linux)}`,
              { direction: 'Outbound', protocols: 'Tcp', source: src, destination: 'Internet', ports: '443' },
              SOURCE,
            ),
          );
        }
        return rows;
      },
    });
  },
};
