import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseConfig } from '../../src/engine/config.js';

describe('config (.vnet-preflight.yml)', () => {
  it('parses every key', () => {
    const cfg = parseConfig(
      [
        'include: ["infra/**/*.json"]',
        'exclude:',
        '  - "**/old/**"',
        'rules:',
        '  ise/subnet-size: warning',
        '  network/nsg-priority: off',
        'assumptions:',
        '  expressRoute: [hub-vnet]',
        '  customDns: true',
        'parameterFiles:',
        '  ./env/prod.json: infra/main.json',
        'parseBudgetMs: 5000',
      ].join('\n'),
      '.vnet-preflight.yml',
    );
    expect(cfg).toEqual({
      include: ['infra/**/*.json'],
      exclude: ['**/old/**'],
      rules: { 'ise/subnet-size': 'warning', 'network/nsg-priority': 'off' },
      assumptions: { expressRoute: ['hub-vnet'], customDns: true },
      parameterFiles: { 'env/prod.json': 'infra/main.json' },
      parseBudgetMs: 5000,
    });
  });

  it('an empty file is the default config', () => {
    expect(parseConfig('', 'c.yml')).toEqual({ rules: {}, assumptions: {}, parameterFiles: {} });
  });

  const bad: [string, string, string][] = [
    ['unknown key', 'rules: {}\nfoo: 1\n', 'c.yml:2: unknown key `foo`'],
    ['bad level', 'rules:\n  ise/subnet-size: fatal\n', 'c.yml:2: rule `ise/subnet-size`: level must be error, warning, note or off (got `fatal`)'],
    ['unknown rule', 'rules:\n  ise/nope: off\n', 'c.yml:2: unknown rule id `ise/nope`'],
    ['bad assumption', 'assumptions:\n  expressRoute: maybe\n', 'c.yml:2: `assumptions.expressRoute` must be true, false or a list of VNet names'],
    ['unknown assumption', 'assumptions:\n  vpn: true\n', 'c.yml:2: unknown assumption `vpn`'],
    ['bad budget', 'parseBudgetMs: -3\n', 'c.yml:1: `parseBudgetMs` must be a positive whole number of milliseconds'],
    ['not a mapping', '- a\n- b\n', 'c.yml:1: the config must be a mapping'],
    ['invalid yaml', 'rules:\n  a: [\n', 'c.yml:'],
  ];
  it.each(bad)('rejects %s with file and line', (_n, text, msg) => {
    const known = new Set(['ise/subnet-size']);
    expect(() => parseConfig(text, 'c.yml', { knownRuleIds: known })).toThrow(ConfigError);
    expect(() => parseConfig(text, 'c.yml', { knownRuleIds: known })).toThrow(msg);
  });
});
