import { describe, expect, it } from '@jest/globals';
import { checkRequiredFlows, flowRow, flowText, type RequiredFlowRow } from '../../../src/rules/shared/required-flows.js';
import { SEEDS, seedSection } from '../../../src/rules/sources.js';
import { ise, modelOf, nsg, RecordingContext, rule, subnet, unk, vnet, type RuleSpec } from '../../helpers/entity-builders.js';

const SRC = seedSection(SEEDS.ISE_2022, 'Network ports used by your ISE');
const rows: RequiredFlowRow[] = [
  flowRow('App Service management', { direction: 'Inbound', protocols: 'Tcp', source: 'AppServiceManagement', destination: 'VirtualNetwork', ports: '454, 455' }, SRC),
  flowRow('Redis between role instances', { direction: 'Inbound', protocols: 'both', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: '6379-6383' }, SRC),
  flowRow('Storage', { direction: 'Outbound', protocols: 'Tcp', source: 'VirtualNetwork', destination: 'Storage', ports: '80, 443, 445' }, SRC),
];

function setup(rules: RuleSpec[], subnetOpts: Parameters<typeof subnet>[3] = { nsg: 'ise-nsg' }) {
  const s = subnet('v', 'ise-1', ['10.0.0.0/27'], { ...subnetOpts, line: 20 });
  const e = ise('ise', [['v', 'ise-1']], { line: 5 });
  const n = nsg('ise-nsg', rules.map(rule), { line: 30 });
  const m = modelOf(vnet('v', ['10.0.0.0/16'], { subnets: ['ise-1'] }), s, n, e);
  const ctx = new RecordingContext();
  const verdicts = checkRequiredFlows(m, ctx, { subnet: s, rows, entity: e });
  return { ctx, verdicts, e };
}

describe('flow rows', () => {
  it('expand both TCP and UDP and describe the flow', () => {
    expect(rows[1]!.flow.protocols).toEqual(['Tcp', 'Udp']);
    expect(flowText(rows[0]!.flow)).toBe('inbound TCP 454-455 from AppServiceManagement to VirtualNetwork');
    expect(flowText(rows[2]!.flow)).toBe('outbound TCP 80, 443, 445 from VirtualNetwork to Storage');
  });
});

describe('checkRequiredFlows', () => {
  it('reports a flow blocked by a written rule at that rule, with the fix', () => {
    const { ctx, verdicts } = setup([{ name: 'DenyAll', priority: 200, access: 'Deny', line: 40 }]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['blocked', 'blocked', 'allowed']);
    expect(ctx.reports).toHaveLength(2);
    const r = ctx.reports[0]!;
    expect(r.range.line).toBe(40);
    expect(r.message).toBe(
      "App Service management (inbound TCP 454-455 from AppServiceManagement to VirtualNetwork) is blocked by security rule 'DenyAll' (priority 200) on NSG 'ise-nsg'. Add an Allow rule for it with a priority number below 200, or narrow this Deny rule.",
    );
    expect(r.related?.[0]).toMatchObject({ range: { line: 20 }, message: "subnet 'ise-1' uses NSG 'ise-nsg'" });
    expect(r.data).toEqual(['App Service management', 'Inbound', '454-455']);
    expect(ctx.reports[1]!.message).toContain("Redis between role instances (inbound TCP and UDP 6379-6383 from VirtualNetwork to VirtualNetwork) is blocked by security rule 'DenyAll' (priority 200)");
  });

  it('reports a flow nothing allows at the NSG', () => {
    const { ctx } = setup([]);
    expect(ctx.reports).toHaveLength(1);
    expect(ctx.reports[0]!.range.line).toBe(30);
    expect(ctx.reports[0]!.message).toBe(
      "App Service management (inbound TCP 454-455 from AppServiceManagement to VirtualNetwork) is not allowed by any security rule on NSG 'ise-nsg': the default rule 'DenyAllInBound' (priority 65500) denies it. Add an Allow rule for it.",
    );
  });

  it('mentions an Allow rule with a restricted source port', () => {
    const { ctx } = setup([{ name: 'AllowASM', priority: 100, source: 'AppServiceManagement', ports: '454-455', sourcePorts: '1024-65535' }]);
    expect(ctx.reports[0]!.message).toContain("Security rule 'AllowASM' (priority 100) matches it but only for source ports 1024-65535; source ports are ephemeral, so set its source port range to *.");
  });

  it('says nothing when the flows are allowed', () => {
    const { ctx, verdicts } = setup([{ name: 'AllowASM', priority: 100, source: 'AppServiceManagement', ports: ['454', '455'], protocol: 'Tcp' }]);
    expect(verdicts.every((v) => v.verdict === 'allowed')).toBe(true);
    expect(ctx.reports).toEqual([]);
  });

  it('no NSG: everything allowed', () => {
    const { ctx, verdicts } = setup([], {});
    expect(verdicts.every((v) => v.verdict === 'allowed')).toBe(true);
    expect(ctx.reports).toEqual([]);
  });

  it('unknown values go to couldNotVerify', () => {
    const { ctx, e } = setup([{ name: 'AllowASM', priority: unk("parameters('prio')"), source: 'AppServiceManagement' }]);
    expect(ctx.unknowns).toHaveLength(1);
    expect(ctx.unknowns[0]).toMatchObject({ entity: e, value: { unknown: { expr: "parameters('prio')" } } });
    expect(ctx.unknowns[0]!.purpose).toContain('App Service management');
  });

  it('an incomparable address gives a note', () => {
    const { ctx } = setup([{ name: 'AllowMgmt', priority: 100, source: '52.0.0.0/8', line: 50 }]);
    const note = ctx.reports.find((r) => r.severity === 'note')!;
    expect(note.range.line).toBe(50);
    expect(note.message).toMatch(/^Could not verify that App Service management .* is allowed by NSG 'ise-nsg' because address '52.0.0.0\/8' can't be compared/);
  });

  it('an unknown NSG reference: one couldNotVerify', () => {
    const { ctx, verdicts } = setup([], { nsg: unk("parameters('nsgId')") });
    expect(verdicts.every((v) => v.verdict === 'unknown')).toBe(true);
    expect(ctx.unknowns).toHaveLength(1);
    expect(ctx.reports).toEqual([]);
  });

  it('an NSG not in the checked files: one note', () => {
    const { ctx } = setup([], { nsg: 'elsewhere' });
    expect(ctx.reports).toHaveLength(1);
    expect(ctx.reports[0]).toMatchObject({ severity: 'note' });
    expect(ctx.reports[0]!.message).toContain('is not declared in the checked files');
  });
});

describe('narrowing to the subnet', () => {
  it('an Allow to the subnet prefix serves an inbound flow to VirtualNetwork', () => {
    const { ctx, verdicts } = setup([
      { name: 'AllowASM', priority: 100, source: 'AppServiceManagement', destination: '10.0.0.0/27', ports: '454-455' },
      { name: 'AllowRedis', priority: 110, source: 'VirtualNetwork', destination: '10.0.0.0/27', ports: '6379-6383' },
      { name: 'DenyAll', priority: 200, access: 'Deny' },
    ]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['allowed', 'allowed', 'allowed']);
    expect(ctx.reports).toEqual([]);
  });
  it('a Deny for another subnet does not block', () => {
    const { verdicts } = setup([{ name: 'DenyOther', priority: 100, access: 'Deny', destination: '10.0.5.0/24' }]);
    expect(verdicts[1]!.verdict).toBe('allowed');
  });
});

describe('partly blocked flows', () => {
  it('names every blocked port and protocol', () => {
    const row = flowRow('Storage', { direction: 'Outbound', protocols: 'both', source: 'VirtualNetwork', destination: 'Storage', ports: '80, 443, 445' }, SRC);
    const s = subnet('v', 'ise-1', ['10.0.0.0/27'], { nsg: 'n' });
    const n = nsg('n', [rule({ name: 'AllowHttps', priority: 100, direction: 'Outbound', ports: '443', protocol: 'Tcp' }), rule({ name: 'DenyOut', priority: 200, direction: 'Outbound', access: 'Deny' })]);
    const e = ise('ise', [['v', 'ise-1']]);
    const ctx = new RecordingContext();
    checkRequiredFlows(modelOf(vnet('v', ['10.0.0.0/16'], { subnets: ['ise-1'] }), s, n, e), ctx, { subnet: s, rows: [row], entity: e });
    expect(ctx.reports[0]!.message).toContain("is blocked for TCP ports 80, 445 and UDP by security rule 'DenyOut' (priority 200)");
  });
});

describe('checkRequiredFlows: the fix for a Deny at the first priority', () => {
  it('does not ask for an Allow rule below priority 100, which Azure does not accept', () => {
    const { ctx } = setup([{ name: 'DenyFirst', priority: 100, access: 'Deny', line: 12 }]);
    const r = ctx.reports[0]!;
    expect(r.message).toContain('Narrow or remove this Deny rule');
    expect(r.message).not.toContain('below 100');
  });
});
