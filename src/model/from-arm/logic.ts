import type { IntegrationAccount, IntegrationServiceEnvironment, LogicApp } from '../entities.js';
import type { ResolvedResource } from '../resolved-resource.js';
import { at, listValue, refValue, strValue } from '../rnode-values.js';
import { T, baseOf, bodyOf, type MapOutput } from './context.js';

/**
 * `Microsoft.Logic/integrationServiceEnvironments`: `sku.name`,
 * `properties.networkConfiguration.accessEndpoint.type`, `properties.networkConfiguration.subnets[].id`
 * (seed 000 *Create your ISE*).
 */
export function mapIse(r: ResolvedResource, out: MapOutput): void {
  const body = bodyOf(r);
  const net = at(body, 'properties', 'networkConfiguration');
  const ise: IntegrationServiceEnvironment = {
    ...baseOf(r, T.ise),
    kind: 'ise',
    location: strValue(at(body, 'location')),
    sku: strValue(at(body, 'sku', 'name')),
    accessEndpoint: strValue(at(net, 'accessEndpoint', 'type')),
    subnets: listValue(at(net, 'subnets'), refValue),
  };
  out.entities.push(ise);
}

/** `Microsoft.Logic/workflows` (Consumption logic app): the ISE and integration account it names. */
export function mapWorkflow(r: ResolvedResource, out: MapOutput): void {
  const props = at(bodyOf(r), 'properties');
  const app: LogicApp = {
    ...baseOf(r, T.workflow),
    kind: 'logicApp',
    ise: refValue(at(props, 'integrationServiceEnvironment')),
    integrationAccount: refValue(at(props, 'integrationAccount')),
  };
  out.entities.push(app);
}

/** `Microsoft.Logic/integrationAccounts`: the ISE it names. */
export function mapIntegrationAccount(r: ResolvedResource, out: MapOutput): void {
  const ia: IntegrationAccount = {
    ...baseOf(r, T.integrationAccount),
    kind: 'integrationAccount',
    ise: refValue(at(bodyOf(r), 'properties', 'integrationServiceEnvironment')),
  };
  out.entities.push(ia);
}
