import * as core from '@actions/core';
import { context } from '@actions/github';
import { readFileSync } from 'node:fs';
import { octokitApi } from '../report/github/octokit-api.js';
import { readInputs, runGitHubAction, type ActionEvent } from '../report/github/action-run.js';

/**
 * The GitHub Action entry (action.yml `runs.main`): the only place that touches `@actions/core`.
 * Reads the inputs and the event, runs the job (report/github/action-run.ts) and maps its host
 * calls onto `@actions/core`.
 */
async function main(): Promise<void> {
  let inputs;
  try {
    inputs = readInputs((n) => core.getInput(n));
  } catch (e) {
    core.setFailed(`vnet-preflight: ${(e as Error).message}`);
    return;
  }
  const token = core.getInput('github-token') || process.env.GITHUB_TOKEN || '';
  const payload = process.env.GITHUB_EVENT_PATH ? (JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>) : {};
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  const ev: ActionEvent = {
    eventName: process.env.GITHUB_EVENT_NAME ?? context.eventName,
    payload,
    sha: process.env.GITHUB_SHA ?? context.sha,
    owner,
    repo,
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    runUrl: process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}` : undefined,
  };
  const api = octokitApi(token, process.env.GITHUB_API_URL ?? 'https://api.github.com', (l) => core.info(l));
  try {
    await runGitHubAction(inputs, ev, api, {
      info: (l) => core.info(l),
      warning: (m) => core.warning(m),
      annotate: (level, message, p) => {
        const props = { title: String(p.title ?? ''), file: String(p.file ?? ''), startLine: p.startLine as number, endLine: p.endLine as number, startColumn: p.startColumn as number | undefined, endColumn: p.endColumn as number | undefined };
        if (level === 'error') core.error(message, props);
        else if (level === 'warning') core.warning(message, props);
        else core.notice(message, props);
      },
      setOutput: (n, v) => core.setOutput(n, v),
      appendSummary: async (md) => {
        if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(md, true).write();
      },
      setFailed: (m) => core.setFailed(m),
    });
  } catch (e) {
    core.setFailed(`vnet-preflight: ${(e as Error)?.message ?? String(e)}`);
  }
}

await main();
