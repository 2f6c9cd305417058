import { buildModel, mapResource } from '../../src/model/build.js';
import type { MapOutput } from '../../src/model/from-arm/context.js';
import type { RNode, ResolvedResource } from '../../src/model/resolved-resource.js';
import { Unknown } from '../../src/model/symbolic.js';
import { modelOfArmFixture } from './helpers/arm.js';
import { resourcesFromJson } from './helpers/resources.js';

/**
 * Every node of real-shaped resources replaced, one at a time, by each odd shape (null, a string,
 * a number, a boolean, an empty array, an empty object, an unknown): no mapper throws, and the
 * resource is still mapped.
 */
const R = { file: 'odd.json', line: 1, column: 1, endLine: 1, endColumn: 2 };
const ODD: RNode[] = [
  { kind: 'scalar', value: null, range: R },
  { kind: 'scalar', value: 'x', range: R },
  { kind: 'scalar', value: 7, range: R },
  { kind: 'scalar', value: true, range: R },
  { kind: 'array', items: [], range: R },
  { kind: 'object', props: new Map(), range: R },
  { kind: 'unknown', value: new Unknown("parameters('odd')"), range: R },
];

/** Every (container, slot) of the tree, so each node can be swapped in place. */
function slots(n: RNode, out: { get: () => RNode; set: (x: RNode) => void }[] = []) {
  if (n.kind === 'object')
    for (const entry of n.props.values()) {
      out.push({ get: () => entry.node, set: (x) => (entry.node = x) });
      slots(entry.node, out);
    }
  if (n.kind === 'array')
    n.items.forEach((it, i) => {
      out.push({ get: () => n.items[i]!, set: (x) => (n.items[i] = x) });
      slots(it, out);
    });
  return out;
}

function checkAll(resources: ResolvedResource[]): number {
  let tried = 0;
  for (const r of resources) {
    for (const slot of slots(r.body)) {
      const orig = slot.get();
      for (const odd of ODD) {
        slot.set(odd);
        const out: MapOutput = { entities: [], links: [] };
        expect(() => mapResource(r, out)).not.toThrow();
        expect(() => buildModel([r], [])).not.toThrow();
        tried++;
      }
      slot.set(orig);
    }
  }
  return tried;
}

describe('buildModel on odd shapes', () => {
  it('never throws on any node of the fixture templates replaced by an odd value', async () => {
    const { loaded } = await modelOfArmFixture('test/fixtures/model/app-integration');
    const env = await modelOfArmFixture('test/fixtures/model/environments');
    expect(checkAll([...loaded.resources, ...env.loaded.resources])).toBeGreaterThan(1000);
  });

  it('never throws on the occupant shapes replaced by odd values', () => {
    const rs = resourcesFromJson(`[
      { "type": "Microsoft.Network/networkInterfaces", "name": "nic", "properties": { "ipConfigurations": [ { "properties": { "subnet": { "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" } } } ] } },
      { "type": "Microsoft.Databricks/workspaces", "name": "d", "properties": { "parameters": { "customVirtualNetworkId": { "value": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v" }, "customPublicSubnetName": { "value": "p" } } } },
      { "type": "Microsoft.Web/sites/config", "name": "a/appsettings", "properties": { "WEBSITE_VNET_ROUTE_ALL": "1" } },
      { "type": "Microsoft.Web/sites/virtualNetworkConnections", "name": "a/x", "properties": { "vnetResourceId": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s" } },
      { "type": "Microsoft.Web/serverfarms", "name": "p", "kind": "xenon", "sku": { "name": "P1v3", "capacity": 2 }, "properties": { "hyperV": true } }
    ]`);
    expect(checkAll(rs)).toBeGreaterThan(100);
  });
});
