import { describe, expect, it } from '@jest/globals';
import type { App } from '../../../src/model/entities.js';
import { privatePorts } from '../../../src/rules/vnet-integration/private-ports.js';
import { app, modelOf, nsg, plan, RecordingContext, rule, subnet, unk, val, vnet } from '../../helpers/entity-builders.js';
import { armTemplate } from './fixtures.js';
import { twinRule } from '../../helpers/formats/twins.js';

/**
 * `siteConfig.vnetPrivatePortsCount` is read into `App.privatePorts`; the ARM model builder does
 * not fill it yet, so the invalid cases use hand-built models.
 */
function model(count: number | ReturnType<typeof unk> | undefined, nsgRules: ReturnType<typeof rule>[]) {
  const a: App = app('web', { plan: 'p', integrations: [['v', 'int']], line: 40 });
  if (count !== undefined) a.privatePorts = typeof count === 'number' ? val(count, 41) : count;
  return modelOf(
    vnet('v', ['10.0.0.0/16'], { subnets: ['int'], location: 'westeurope' }),
    subnet('v', 'int', ['10.0.1.0/26'], { nsg: 'n', delegations: ['Microsoft.Web/serverFarms'] }),
    nsg('n', nsgRules),
    plan('p', { skuName: 'P1v3', skuTier: 'PremiumV3', capacity: 1 }),
    a,
  );
}

const denyPrivateIn = rule({ name: 'deny-private-in', priority: 200, direction: 'Inbound', access: 'Deny', protocol: 'Tcp', ports: '20000-30000', source: 'VirtualNetwork', line: 20 });
const denyAllOut = rule({ name: 'deny-all-out', priority: 4000, direction: 'Outbound', access: 'Deny', line: 30 });

describe('vnet-integration/private-ports (hand-built models)', () => {
  it('reports a deny of the private ports inbound, at the rule', () => {
    const ctx = new RecordingContext();
    privatePorts.check(model(2, [denyPrivateIn]), ctx);
    expect(ctx.reports.map((r) => [r.range.line, r.message.includes('inbound TCP and UDP 20000-30000')])).toEqual([[20, true]]);
  });
  it('reports a deny of all outbound traffic', () => {
    const ctx = new RecordingContext();
    privatePorts.check(model(2, [denyAllOut]), ctx);
    expect(ctx.reports.map((r) => r.range.line)).toEqual([30]);
    expect(ctx.reports[0]!.message).toContain('outbound');
  });
  it('is silent when private ports are not used', () => {
    for (const count of [0, undefined]) {
      const ctx = new RecordingContext();
      privatePorts.check(model(count, [denyPrivateIn, denyAllOut]), ctx);
      expect(ctx.reports).toEqual([]);
    }
  });
  it('says could not verify when the port count is unknown', () => {
    const ctx = new RecordingContext();
    privatePorts.check(model(unk("parameters('ports')", 41), [denyPrivateIn]), ctx);
    expect(ctx.reports).toEqual([]);
    expect(ctx.unknowns.map((u) => u.value.range.line)).toEqual([41]);
  });
  it('allows the ports when the NSG has only default rules', () => {
    const ctx = new RecordingContext();
    privatePorts.check(model(2, []), ctx);
    expect(ctx.reports).toEqual([]);
  });
});

// azurerm has no attribute for the private ports count: those cases have no Terraform twin.
twinRule('vnet-integration/private-ports', [
  { name: 'no NSG', arm: armTemplate({ siteConfig: { vnetPrivatePortsCount: 2 } }) },
  { name: 'private ports not used, inbound denied', arm: armTemplate({ nsgRules: [] }) },
]);
