import { describe, expect, it } from '@jest/globals';
import type { FlowVerdict, RequiredFlow } from '../../src/net/flow.js';
import { DEFAULT_SECURITY_RULES, evaluateFlow, nsgRulesAffecting, ruleLabel, ruleName, sourcePortsAreAny } from '../../src/net/nsg-evaluator.js';
import { nsg, rule, unk, type RuleSpec } from '../helpers/entity-builders.js';

const ctx = { virtualNetworkPrefixes: ['10.0.0.0/16', '10.1.0.0/16'] };

const inbound = (source: string, ports: RequiredFlow['ports'], protocols: RequiredFlow['protocols'] = ['Tcp'], destination = 'VirtualNetwork'): RequiredFlow => ({
  direction: 'Inbound',
  protocols,
  source,
  destination,
  ports,
});
const outbound = (destination: string, ports: RequiredFlow['ports'], protocols: RequiredFlow['protocols'] = ['Tcp'], source = 'VirtualNetwork'): RequiredFlow => ({
  direction: 'Outbound',
  protocols,
  source,
  destination,
  ports,
});
const p = (...ns: (number | [number, number])[]) => ns.map((n) => (Array.isArray(n) ? { from: n[0], to: n[1] } : { from: n, to: n }));

const ASM = inbound('AppServiceManagement', p([454, 455]));
const denyAllIn = (priority = 4096): RuleSpec => ({ name: 'DenyAll', priority, access: 'Deny' });

function evalWith(rules: RuleSpec[], flow: RequiredFlow): FlowVerdict {
  return evaluateFlow(nsg('n', rules.map(rule)), flow, ctx);
}

function blockedBy(v: FlowVerdict): string | undefined {
  return v.verdict === 'blocked' ? ruleName(v.by) : undefined;
}

describe('default security rules', () => {
  it('has the six, in order', () => {
    expect(DEFAULT_SECURITY_RULES.map((d) => `${d.direction} ${d.priority} ${d.name} ${d.access}`)).toEqual([
      'Inbound 65000 AllowVnetInBound Allow',
      'Inbound 65001 AllowAzureLoadBalancerInBound Allow',
      'Inbound 65500 DenyAllInBound Deny',
      'Outbound 65000 AllowVnetOutBound Allow',
      'Outbound 65001 AllowInternetOutBound Allow',
      'Outbound 65500 DenyAllOutBound Deny',
    ]);
  });

  it('no NSG allows everything', () => {
    expect(evaluateFlow(undefined, ASM, ctx)).toEqual({ verdict: 'allowed' });
  });

  it('an empty NSG blocks public inbound at DenyAllInBound', () => {
    const v = evalWith([], ASM);
    expect(v).toMatchObject({ verdict: 'blocked', protocol: 'Tcp', port: { from: 454, to: 455 } });
    expect(blockedBy(v)).toBe('DenyAllInBound');
    expect(v.verdict === 'blocked' && ruleLabel(v.by)).toBe("default rule 'DenyAllInBound' (priority 65500)");
  });

  it('allows VNet-to-VNet, load balancer inbound and internet outbound', () => {
    expect(evalWith([], inbound('VirtualNetwork', p([6379, 6383]))).verdict).toBe('allowed');
    expect(evalWith([], inbound('AzureLoadBalancer', '*', ['Tcp', 'Udp'])).verdict).toBe('allowed');
    expect(evalWith([], outbound('Storage', p(80, 443, 445))).verdict).toBe('allowed');
    expect(evalWith([], outbound('Internet', p(443))).verdict).toBe('allowed');
    expect(evalWith([], outbound('VirtualNetwork', '*', ['Tcp', 'Udp'])).verdict).toBe('allowed');
  });

  it('outbound to a private address outside the VNet space is unknown: it may be on-premises (VirtualNetwork)', () => {
    const v = evalWith([], outbound('192.168.10.4', p(53), ['Tcp', 'Udp']));
    expect(v).toMatchObject({ verdict: 'unknown', reason: expect.stringContaining("'VirtualNetwork'") });
    expect(v.verdict === 'unknown' && v.at).toBeUndefined();
  });
  it('outbound to a public address goes through AllowInternetOutBound', () => {
    expect(evalWith([], outbound('52.1.2.3', p(53), ['Tcp', 'Udp'])).verdict).toBe('allowed');
  });
});

describe('priority order', () => {
  it('the lowest priority number wins, whatever the declaration order', () => {
    const allow: RuleSpec = { name: 'AllowASM', priority: 100, source: 'AppServiceManagement', ports: '454-455', protocol: 'Tcp' };
    expect(evalWith([denyAllIn(200), allow], ASM).verdict).toBe('allowed');
    const v = evalWith([{ ...allow, priority: 300 }, denyAllIn(200)], ASM);
    expect(blockedBy(v)).toBe('DenyAll');
  });

  it('rules of the other direction do not apply', () => {
    const v = evalWith([{ name: 'DenyOut', priority: 100, direction: 'Outbound', access: 'Deny' }], inbound('VirtualNetwork', p(443)));
    expect(v.verdict).toBe('allowed');
  });
});

describe('ports', () => {
  it('Allow 443 then Deny * allows 443', () => {
    const rules: RuleSpec[] = [{ name: 'Allow443', priority: 100, ports: '443', source: 'Internet' }, denyAllIn(200)];
    expect(evalWith(rules, inbound('Internet', p(443))).verdict).toBe('allowed');
    const v = evalWith(rules, inbound('Internet', p(80, 443)));
    expect(v).toMatchObject({ verdict: 'blocked', port: { from: 80, to: 80 } });
  });

  it('port lists', () => {
    expect(evalWith([{ name: 'A', priority: 100, ports: ['454', '455'] }, denyAllIn()], ASM).verdict).toBe('allowed');
    const v = evalWith([{ name: 'A', priority: 100, ports: ['454'] }, denyAllIn()], ASM);
    expect(v).toMatchObject({ verdict: 'blocked', port: { from: 455, to: 455 } });
  });

  it('port ranges', () => {
    const redis = inbound('VirtualNetwork', p([6379, 6383]));
    const rules = (r: string): RuleSpec[] => [{ name: 'Redis', priority: 100, ports: r, source: 'VirtualNetwork' }, denyAllIn(110)];
    expect(evalWith(rules('6379-6383'), redis).verdict).toBe('allowed');
    expect(evalWith(rules('6000-7000'), redis).verdict).toBe('allowed');
    expect(evalWith(rules('6379-6380'), redis)).toMatchObject({ verdict: 'blocked', port: { from: 6381, to: 6383 } });
  });

  it('a flow on all ports is blocked by a Deny on one port', () => {
    const v = evalWith([{ name: 'Deny22', priority: 100, ports: '22', access: 'Deny' }], inbound('VirtualNetwork', '*'));
    expect(v).toMatchObject({ verdict: 'blocked', port: { from: 22, to: 22 } });
  });

  it('an invalid port range is unknown (no value)', () => {
    const v = evalWith([{ name: 'Bad', priority: 100, ports: '443-80', access: 'Deny' }], ASM);
    expect(v).toMatchObject({ verdict: 'unknown', reason: expect.stringMatching(/destination port range of security rule 'Bad'.*not valid/) });
    expect(v.verdict === 'unknown' && v.value).toBeUndefined();
  });
});

describe('protocols', () => {
  const both = inbound('AppServiceManagement', p(454), ['Tcp', 'Udp']);
  it('Tcp rules do not match Udp flows', () => {
    const v = evalWith([{ name: 'TcpOnly', priority: 100, protocol: 'Tcp', ports: '454' }, denyAllIn()], both);
    expect(v).toMatchObject({ verdict: 'blocked', protocol: 'Udp' });
    expect(blockedBy(v)).toBe('DenyAll');
  });
  it('* matches both', () => {
    expect(evalWith([{ name: 'Any', priority: 100, protocol: '*', ports: '454' }, denyAllIn()], both).verdict).toBe('allowed');
  });
  it('Tcp and Udp rules together allow both', () => {
    const rules: RuleSpec[] = [
      { name: 'T', priority: 100, protocol: 'TCP', ports: '454' },
      { name: 'U', priority: 101, protocol: 'udp', ports: '454' },
      denyAllIn(),
    ];
    expect(evalWith(rules, both).verdict).toBe('allowed');
  });
  it('a Deny of Icmp does not block Tcp', () => {
    expect(evalWith([{ name: 'NoPing', priority: 100, protocol: 'Icmp', access: 'Deny' }], inbound('VirtualNetwork', p(443))).verdict).toBe('allowed');
  });
});

describe('source ports', () => {
  const restricted: RuleSpec = { name: 'AllowASM', priority: 100, source: 'AppServiceManagement', ports: '454-455', sourcePorts: '1024-65535' };
  it('an Allow with restricted source ports only allows part: the flow goes on to the deny', () => {
    const v = evalWith([restricted, denyAllIn(200)], ASM);
    expect(blockedBy(v)).toBe('DenyAll');
    expect(v.verdict === 'blocked' && v.partialAllows?.map((r) => ruleName(r))).toEqual(['AllowASM']);
  });
  it('nsgRulesAffecting lists the Allow rules that serve the flow', () => {
    const n = nsg('n', [rule(restricted), rule({ name: 'AllowASM2', priority: 150, source: 'AppServiceManagement', ports: '*' }), rule(denyAllIn(200))]);
    expect(evaluateFlow(n, ASM, ctx).verdict).toBe('allowed');
    const served = nsgRulesAffecting(n, ASM, ctx);
    expect(served.map((r) => ruleName(r))).toEqual(['AllowASM', 'AllowASM2']);
    expect(served.map((r) => sourcePortsAreAny(r))).toEqual([false, true]);
  });
  it('a Deny with restricted source ports still blocks', () => {
    expect(blockedBy(evalWith([{ name: 'D', priority: 100, access: 'Deny', sourcePorts: '80' }], inbound('VirtualNetwork', p(443))))).toBe('D');
  });
});

describe('addresses', () => {
  it('tag containment: an Allow from Internet serves a public tag', () => {
    expect(evalWith([{ name: 'A', priority: 100, source: 'Internet', ports: '454-455' }, denyAllIn()], ASM).verdict).toBe('allowed');
  });
  it('an Allow for a regional tag lets part through; the rest hits the Deny', () => {
    const v = evalWith([{ name: 'A', priority: 100, source: 'AppServiceManagement.WestUS' }, denyAllIn()], ASM);
    expect(blockedBy(v)).toBe('DenyAll');
  });
  it('a Deny that matches part of the flow blocks it', () => {
    const v = evalWith([{ name: 'D', priority: 100, access: 'Deny', destination: '10.0.0.0/27' }], inbound('VirtualNetwork', p(443)));
    expect(blockedBy(v)).toBe('D');
  });
  it('Allows covering the VNet space piece by piece allow it', () => {
    const rules: RuleSpec[] = [
      { name: 'A1', priority: 100, source: '10.0.0.0/16' },
      { name: 'A2', priority: 110, source: '10.1.0.0/16' },
      denyAllIn(200),
    ];
    expect(evalWith(rules, inbound('VirtualNetwork', '*')).verdict).toBe('allowed');
    expect(blockedBy(evalWith([rules[0]!, rules[2]!], inbound('VirtualNetwork', '*')))).toBe('DenyAll');
  });
  it('a Deny on addresses already allowed does not block', () => {
    const rules: RuleSpec[] = [
      { name: 'A1', priority: 100, source: '10.0.0.0/16' },
      { name: 'D1', priority: 110, source: '10.0.0.0/16', access: 'Deny' },
      { name: 'A2', priority: 120, source: '10.1.0.0/16' },
    ];
    expect(evalWith(rules, inbound('VirtualNetwork', '*')).verdict).toBe('allowed');
  });
  it('a public CIDR against a service tag is unknown at that rule', () => {
    const v = evalWith([{ name: 'A', priority: 100, source: '52.10.0.0/16' }, denyAllIn()], ASM);
    expect(v).toMatchObject({ verdict: 'unknown', reason: expect.stringContaining("'52.10.0.0/16'") });
    expect(v.verdict === 'unknown' && v.at && ruleName(v.at)).toBe('A');
  });
  it('… unless an earlier rule already decided', () => {
    const v = evalWith([{ name: 'Tag', priority: 90, source: 'AppServiceManagement' }, { name: 'A', priority: 100, source: '52.10.0.0/16', access: 'Deny' }], ASM);
    expect(v.verdict).toBe('allowed');
  });
  it('a private CIDR against a public tag is disjoint', () => {
    expect(blockedBy(evalWith([{ name: 'A', priority: 100, source: '10.0.0.0/8' }], ASM))).toBe('DenyAllInBound');
  });
  it('an unresolved address is unknown with its value', () => {
    const v = evalWith([{ name: 'A', priority: 100, source: unk("parameters('mgmtSource')") }], ASM);
    expect(v).toMatchObject({ verdict: 'unknown', value: { unknown: { expr: "parameters('mgmtSource')" } } });
  });
  it('an unresolved address on a rule that cannot match is ignored', () => {
    const v = evalWith([{ name: 'A', priority: 100, source: unk("parameters('x')"), ports: '22' }, { name: 'B', priority: 110, source: 'AppServiceManagement' }], ASM);
    expect(v.verdict).toBe('allowed');
  });
  it('application security groups: disjoint from public tags, unknown inside the VNet', () => {
    expect(evalWith([{ name: 'Asg', priority: 100, access: 'Deny', source: [], sourceAsgs: ['asg1'] }], ASM).verdict).toBe('blocked');
    expect(blockedBy(evalWith([{ name: 'Asg', priority: 100, access: 'Deny', source: [], sourceAsgs: ['asg1'] }], ASM))).toBe('DenyAllInBound');
    const v = evalWith([{ name: 'Asg', priority: 100, access: 'Deny', source: [], sourceAsgs: ['asg1'] }], inbound('VirtualNetwork', p(6379)));
    expect(v).toMatchObject({ verdict: 'unknown', reason: expect.stringContaining('application security group') });
  });
  it('an unrecognized tag is unknown', () => {
    const v = evalWith([{ name: 'A', priority: 100, source: 'AppServiceMgmt' }], ASM);
    expect(v).toMatchObject({ verdict: 'unknown', reason: expect.stringContaining("'AppServiceMgmt'") });
  });
});

describe('unknown priorities and values', () => {
  it('a Deny with an unknown priority that could match makes the verdict unknown', () => {
    const v = evalWith([{ name: 'Allow', priority: 100, source: 'AppServiceManagement' }, { name: 'D', priority: unk("parameters('prio')"), access: 'Deny' }], ASM);
    expect(v).toMatchObject({ verdict: 'unknown', value: { unknown: { expr: "parameters('prio')" } } });
    expect(v.verdict === 'unknown' && v.at && ruleName(v.at)).toBe('D');
  });
  it('an Allow with an unknown priority does not change an allowed verdict', () => {
    const v = evalWith([{ name: 'Allow', priority: 100, source: 'AppServiceManagement' }, { name: 'A2', priority: unk("parameters('prio')") }], ASM);
    expect(v.verdict).toBe('allowed');
  });
  it('an Allow with an unknown priority makes a blocked verdict unknown', () => {
    const v = evalWith([denyAllIn(200), { name: 'A2', priority: unk("parameters('prio')"), source: 'AppServiceManagement' }], ASM);
    expect(v.verdict).toBe('unknown');
  });
  it('a rule with an unknown priority that cannot match is ignored', () => {
    const v = evalWith([denyAllIn(200), { name: 'A2', priority: unk("parameters('prio')"), ports: '22' }], ASM);
    expect(blockedBy(v)).toBe('DenyAll');
  });
  it('an unknown access or protocol is unknown at that rule', () => {
    expect(evalWith([{ name: 'X', priority: 100, access: unk("parameters('access')") }], ASM)).toMatchObject({ verdict: 'unknown' });
    expect(evalWith([{ name: 'X', priority: 100, protocol: unk("parameters('proto')"), access: 'Deny' }], ASM)).toMatchObject({ verdict: 'unknown' });
  });
  it('an unknown destination port is unknown with the value', () => {
    const v = evalWith([{ name: 'X', priority: 100, ports: unk("parameters('port')"), access: 'Deny' }], ASM);
    expect(v).toMatchObject({ verdict: 'unknown', value: { unknown: { expr: "parameters('port')" } } });
  });
  it('a certain block elsewhere wins over an unknown part', () => {
    const v = evalWith([{ name: 'X', priority: 100, ports: '454', source: unk("parameters('src')") }, { name: 'D455', priority: 110, ports: '455', access: 'Deny' }], ASM);
    expect(blockedBy(v)).toBe('D455');
  });
  it('an NSG whose rule list is unknown gives unknown', () => {
    const n = nsg('n', [], { rulesUnknown: unk("variables('rules')") });
    expect(evaluateFlow(n, ASM, ctx)).toMatchObject({ verdict: 'unknown', value: { unknown: { expr: "variables('rules')" } } });
  });
});

describe('helpers', () => {
  it('sourcePortsAreAny', () => {
    const n = nsg('n', [
      rule({ name: 'a', priority: 100 }),
      rule({ name: 'b', priority: 101, sourcePorts: ['0-65535'] }),
      rule({ name: 'c', priority: 102, sourcePorts: ['80', '443'] }),
      rule({ name: 'd', priority: 103, sourcePorts: unk("parameters('sp')") }),
    ]);
    expect(n.securityRules.map((r) => sourcePortsAreAny(r))).toEqual([true, true, false, 'unknown']);
  });
  it('Esp and Ah rules never match Tcp/Udp flows', () => {
    expect(evalWith([{ name: 'E', priority: 100, protocol: 'Esp', access: 'Deny' }, { name: 'A', priority: 100, protocol: 'Ah', access: 'Deny' }], inbound('VirtualNetwork', p(443))).verdict).toBe('allowed');
  });
  it('ruleLabel of a written rule', () => {
    const n = nsg('n', [rule({ name: 'AllowHttps', priority: 120 })]);
    expect(ruleLabel(n.securityRules[0]!)).toBe("security rule 'AllowHttps' (priority 120)");
  });
});
