import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { valueOf } from '../../src/model/value.js';
import { modelOfArmFixture } from './helpers/arm.js';

/**
 * The model built from real public templates (../shared/corpus, read-only; skipped when absent):
 * look-alike properties listed as negative controls in its MANIFEST.md are not VNet integrations
 * and not subnet occupants.
 */
const CORPUS = resolve(process.cwd(), '../shared/corpus/azure-quickstart-templates/quickstarts');
const run = existsSync(CORPUS) ? describe : describe.skip;

run('model of corpus negative controls', () => {
  it('App Service access restrictions are not integrations (web-app-with-app-gateway-v2)', async () => {
    const { model } = await modelOfArmFixture(`${CORPUS}/microsoft.web/web-app-with-app-gateway-v2`);
    const apps = model.all('app');
    expect(apps.length).toBeGreaterThan(0);
    expect(apps.flatMap((a) => a.integrations)).toEqual([]);
    // the application gateway occupies its own subnet, nothing else does
    expect(model.all('occupant').map((o) => o.type)).toEqual(['Microsoft.Network/applicationGateways']);
  });

  it('Service Bus VNet rules are not occupants (servicebus-namespace-vnet)', async () => {
    const { model } = await modelOfArmFixture(`${CORPUS}/microsoft.servicebus/servicebus-namespace-vnet`);
    expect(model.all('subnet').length).toBeGreaterThan(0);
    expect(model.all('occupant')).toEqual([]);
    expect(model.all('app')).toEqual([]);
  });

  it('a regional VNet integration quickstart links its app to a delegated subnet', async () => {
    const { model } = await modelOfArmFixture(`${CORPUS}/microsoft.web/function-app-vnet-integration`);
    const [app] = model.all('app');
    const subnet = model.resolve('subnet', app!.integrations[0], app);
    expect(subnet).toBeDefined();
    expect(subnet!.delegations.items.map(valueOf)).toEqual(['Microsoft.Web/serverFarms']);
  });
});
