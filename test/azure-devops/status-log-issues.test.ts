import { describe, expect, it } from '@jest/globals';
import { logIssueOf, logIssuesOf } from '../../src/report/azure-devops/log-issues.js';
import { STATUS_GENRE, STATUS_NAME, statusPayload } from '../../src/report/azure-devops/status.js';
import { finding } from './findings.js';

describe('statusPayload', () => {
  const err = finding('network/subnet-overlap', 'a.json', 3, 'e1');
  const warn = finding('ase/nsg-inbound', 'a.json', 9, 'w1', { severity: 'warning' });

  it('fails at failOn with the counts, and carries the context a branch policy requires', () => {
    expect(statusPayload([err, warn], 'error', { targetUrl: 'https://dev.azure.com/o/p/_build/results?buildId=1', iterationId: 2 })).toEqual({
      state: 'failed',
      description: 'vnet-preflight: 1 error, 1 warning, 0 notes',
      context: { genre: STATUS_GENRE, name: STATUS_NAME },
      targetUrl: 'https://dev.azure.com/o/p/_build/results?buildId=1',
      iterationId: 2,
    });
    expect(STATUS_GENRE).toBe('vnet-preflight');
    expect(STATUS_NAME).toBe('network-requirements');
  });

  it('succeeds below failOn and when nothing is reported', () => {
    expect(statusPayload([warn], 'error').state).toBe('succeeded');
    expect(statusPayload([warn], 'warning').state).toBe('failed');
    expect(statusPayload([err], 'never').state).toBe('succeeded');
    expect(statusPayload([], 'note')).toMatchObject({ state: 'succeeded', description: 'vnet-preflight: no network requirement problems' });
  });
});

describe('logIssueOf', () => {
  it('maps a finding to logissue properties: type, source path, line, column, rule id as code', () => {
    expect(logIssueOf(finding('network/subnet-overlap', 'infra/main.json', 14, 'x'))).toEqual({
      type: 'error',
      message: 'Problem x at infra/main.json:14. (network/subnet-overlap: https://example.test/docs/rules/network/subnet-overlap.md)',
      sourcePath: 'infra/main.json',
      lineNumber: 14,
      columnNumber: 5,
      code: 'network/subnet-overlap',
    });
  });

  it('logs notes as warnings marked as notes, on one line, most severe first', () => {
    const note = finding('ise/retired', 'a.bicep', 2, 'n', { severity: 'note', message: 'Retired\nsince 2024.' });
    const issues = logIssuesOf([note, finding('r/w', 'a.bicep', 1, 'w', { severity: 'warning' }), finding('r/e', 'a.bicep', 5, 'e')]);
    expect(issues.map((i) => [i.type, i.code])).toEqual([
      ['error', 'r/e'],
      ['warning', 'r/w'],
      ['warning', 'ise/retired'],
    ]);
    expect(issues[2]!.message).toMatch(/^Note: Retired since 2024\./);
  });
});
