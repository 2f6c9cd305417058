import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task.js';
import type { Finding } from '../core/finding.js';
import { failsAt, isFailOn, type FailOn } from '../core/severity.js';
import { findingsForChange } from '../diff/pull-request-scope.js';
import { ConfigError } from '../engine/config.js';
import { PathError } from '../engine/discover.js';
import type { RunResult } from '../engine/engine.js';
import { run } from '../engine/run.js';
import { TOOL_NAME, toolVersion } from '../engine/version.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { allRules } from '../rules/index.js';
import { isPermissionError, type AzureDevOpsApi } from '../report/azure-devops/api.js';
import { loadPullRequestChanges, type AzurePullRequestChanges } from '../report/azure-devops/changes.js';
import { logIssuesOf } from '../report/azure-devops/log-issues.js';
import { createNodeApi } from '../report/azure-devops/node-api.js';
import { permissionReason, publishToPullRequest } from '../report/azure-devops/publish.js';

/**
 * The Azure Pipelines task (task.json `VnetPreflight`, issue 6). Everywhere: one logged issue per
 * reported finding, a markdown build summary tab, SARIF when `sarifFile` is set, output variables
 * `errors`/`warnings`/`notes`, and the task result by `failOn` (Failed / SucceededWithIssues /
 * Succeeded). In a pull request validation build on Azure Repos: scoped to what the pull request
 * changed, with threads on changed lines, a summary thread and a pull request status. A missing
 * permission or a repository not on Azure Repos never fails the task: one warning says why.
 */

/** Build summary sections are capped well under the agent's attachment limits (characters). */
const SUMMARY_MAX_CHARS = 512 * 1024;
/** Summary thread text cap (characters). */
const THREAD_SUMMARY_MAX_CHARS = 50_000;

interface TaskInputs {
  paths: string[];
  config?: string;
  failOn: FailOn;
  scope: 'changed' | 'all';
  prComments: boolean;
  sarifFile?: string;
}

class InputError extends Error {}

function readInputs(): TaskInputs {
  const paths = (tl.getInput('paths') ?? '')
    .split(/[\r\n,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const failOnRaw = (tl.getInput('failOn') ?? '').trim() || 'error';
  if (!isFailOn(failOnRaw)) throw new InputError(`failOn must be error, warning, note or never (got \`${failOnRaw}\`)`);
  const scopeRaw = (tl.getInput('scope') ?? '').trim() || 'changed';
  if (scopeRaw !== 'changed' && scopeRaw !== 'all') throw new InputError(`scope must be changed or all (got \`${scopeRaw}\`)`);
  const prRaw = (tl.getInput('prComments') ?? '').trim();
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: tl.getInput('config')?.trim() || undefined,
    failOn: failOnRaw,
    scope: scopeRaw,
    prComments: prRaw === '' ? true : /^(true|yes|1)$/i.test(prRaw),
    sarifFile: tl.getInput('sarifFile')?.trim() || undefined,
  };
}

function variable(name: string): string | undefined {
  const v = tl.getVariable(name);
  return v && v.trim() !== '' ? v.trim() : undefined;
}

/** The job token: the `SystemVssConnection` endpoint's access token, else `System.AccessToken` when mapped. */
function jobToken(): string | undefined {
  let t: string | undefined;
  try {
    t = tl.getEndpointAuthorizationParameter('SystemVssConnection', 'AccessToken', true);
  } catch {
    t = undefined;
  }
  return t || variable('System.AccessToken') || process.env['SYSTEM_ACCESSTOKEN'] || undefined;
}

function collectionUrl(): string | undefined {
  let u = variable('System.CollectionUri') ?? variable('System.TeamFoundationCollectionUri');
  if (!u) {
    try {
      u = tl.getEndpointUrl('SystemVssConnection', true);
    } catch {
      u = undefined;
    }
  }
  return u ? (u.endsWith('/') ? u : `${u}/`) : undefined;
}

/** `git diff base head` in the checkout, or undefined when git or either commit is missing (shallow fetch). */
function gitDiff(cwd: string): (base: string, head: string) => string | undefined {
  return (base, head) => {
    const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      git(['cat-file', '-e', `${base}^{commit}`]);
      git(['cat-file', '-e', `${head}^{commit}`]);
      return git(['-c', 'core.quotepath=off', 'diff', '--no-color', '--no-ext-diff', '-M', '--unified=0', base, head]);
    } catch {
      return undefined;
    }
  };
}

/** The agent's proxy (`Agent.ProxyUrl`…) and client certificate settings for the REST client, when set. */
function agentRequestOptions(url: string): { proxy?: NonNullable<ReturnType<typeof tl.getHttpProxyConfiguration>>; cert?: NonNullable<ReturnType<typeof tl.getHttpCertConfiguration>> } {
  const out: ReturnType<typeof agentRequestOptions> = {};
  try {
    const proxy = tl.getHttpProxyConfiguration(url);
    if (proxy) out.proxy = proxy;
    const cert = tl.getHttpCertConfiguration();
    if (cert) out.cert = cert;
  } catch {
    // no agent settings
  }
  return out;
}

function countOf(findings: readonly Finding[]): RunResult['summary'] {
  const c = { error: 0, warning: 0, note: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

async function main(): Promise<void> {
  const inputs = readInputs();
  const cwd = resolve(variable('Build.SourcesDirectory') ?? variable('System.DefaultWorkingDirectory') ?? process.cwd());
  const warnings: string[] = [];

  // 1. Pull request context (Azure Repos only).
  const isPullRequest = variable('Build.Reason') === 'PullRequest';
  const provider = variable('Build.Repository.Provider');
  let api: AzureDevOpsApi | undefined;
  let changes: AzurePullRequestChanges | undefined;
  if (isPullRequest && provider === 'TfsGit') {
    const token = jobToken();
    const url = collectionUrl();
    const prId = Number(variable('System.PullRequest.PullRequestId'));
    const repositoryId = variable('Build.Repository.ID') ?? variable('Build.Repository.Name');
    const project = variable('System.TeamProjectId') ?? variable('System.TeamProject');
    if (!token) warnings.push('No job token: map `System.AccessToken` into the task (`env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)`) to get pull request threads and a status. Reporting in the build only.');
    else if (!url || !Number.isInteger(prId) || !repositoryId || !project) warnings.push('The pull request variables are incomplete (System.CollectionUri, System.PullRequest.PullRequestId, Build.Repository.ID, System.TeamProjectId); reporting in the build only.');
    else {
      try {
        api = await createNodeApi({ collectionUrl: url, project, repositoryId, pullRequestId: prId }, token, agentRequestOptions(url));
        changes = await loadPullRequestChanges(api, gitDiff(cwd), (l) => tl.debug(l));
        tl.debug(`pull request ${prId}: ${changes.files.size} changed files (lines from ${changes.linesFrom}), iteration ${changes.iterationId}`);
      } catch (e) {
        api = undefined;
        changes = undefined;
        warnings.push(isPermissionError(e) ? `No pull request threads or status: ${permissionReason(e)}. Reporting in the build only; all files are in scope.` : `Could not read pull request ${prId} (${(e as Error).message.split('\n')[0]}); reporting in the build only, all files in scope.`);
      }
    }
  } else if (isPullRequest) {
    warnings.push(`This pull request is on ${provider ?? 'a repository host other than Azure Repos'}: pull request threads and status are posted only for Azure Repos (for GitHub, use the vnet-preflight GitHub Action). Reporting in the build only; all files are in scope.`);
  }

  // 2. Check.
  const result = await run({ paths: inputs.paths, cwd, configPath: inputs.config, progress: (l) => tl.debug(l) });
  const reported = inputs.scope === 'changed' && changes ? findingsForChange(result.findings, changes) : result.findings;
  const scoped: RunResult = { ...result, findings: [...reported], summary: countOf(reported) };
  const scopeNote = changes && inputs.scope === 'changed' ? `Scope: the ${changes.files.size} file${changes.files.size === 1 ? '' : 's'} this pull request changes (${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in all checked files).` : undefined;

  // 3. Logged issues, summary tab, SARIF, output variables.
  for (const i of logIssuesOf(reported)) tl.logIssue(i.type === 'error' ? tl.IssueType.Error : tl.IssueType.Warning, i.message, i.sourcePath, i.lineNumber, i.columnNumber, i.code);
  const summaryFor = (max: number) => {
    const md = renderMarkdown(scoped, { maxChars: max - (scopeNote ? scopeNote.length + 2 : 0) });
    return scopeNote ? `${md}\n\n${scopeNote}` : md;
  };
  // A folder per run: the tab is named after the file, and two steps of one job must not share it.
  const agentTemp = variable('Agent.TempDirectory') ?? tmpdir();
  mkdirSync(agentTemp, { recursive: true });
  const summaryPath = join(mkdtempSync(join(agentTemp, `${TOOL_NAME}-`)), 'vnet-preflight.md');
  writeFile(summaryPath, summaryFor(SUMMARY_MAX_CHARS));
  tl.uploadSummary(summaryPath);
  if (inputs.sarifFile) {
    const sarifPath = resolve(cwd, inputs.sarifFile);
    writeFile(sarifPath, renderSarif(scoped, toolVersion(), allRules.map((r) => r.meta)));
    tl.setVariable('sarifFile', sarifPath, false, true);
  }
  tl.setVariable('errors', String(scoped.summary.error), false, true);
  tl.setVariable('warnings', String(scoped.summary.warning), false, true);
  tl.setVariable('notes', String(scoped.summary.note), false, true);

  // 4. Pull request threads and status.
  if (api && changes) {
    try {
      const buildId = variable('Build.BuildId');
      const url = collectionUrl();
      const project = variable('System.TeamProject') ?? variable('System.TeamProjectId');
      const targetUrl = buildId && url && project ? `${url}${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(buildId)}` : undefined;
      const outcome = await publishToPullRequest(api, changes, result.findings, reported, summaryFor(THREAD_SUMMARY_MAX_CHARS), { failOn: inputs.failOn, prComments: inputs.prComments, targetUrl, log: (l) => console.log(l) });
      if (outcome.noPermission) warnings.push(`No pull request threads or status: ${outcome.reason}. The logged issues, the summary and the task result still report every finding.`);
      else console.log(`Pull request: ${outcome.threadsCreated} threads created, ${outcome.threadsUpdated} updated, ${outcome.threadsFixed} marked fixed; status ${outcome.statusPosted ? 'posted' : 'not posted'}.`);
    } catch (e) {
      warnings.push(`Could not post to the pull request (${(e as Error).message.split('\n')[0]}); the logged issues, the summary and the task result still report every finding.`);
    }
  }
  if (warnings.length > 0) tl.warning(warnings.join(' '));

  // 5. Result.
  const failing = reported.filter((f) => failsAt(f.severity, inputs.failOn)).length;
  const counts = `${scoped.summary.error} errors, ${scoped.summary.warning} warnings, ${scoped.summary.note} notes`;
  if (failing > 0) tl.setResult(tl.TaskResult.Failed, `${TOOL_NAME}: ${counts} (${failing} at or above failOn=${inputs.failOn})`);
  else if (reported.length > 0) tl.setResult(tl.TaskResult.SucceededWithIssues, `${TOOL_NAME}: ${counts}`);
  else tl.setResult(tl.TaskResult.Succeeded, `${TOOL_NAME}: no network requirement problems`);
}

main().catch((e: unknown) => {
  if (e instanceof InputError || e instanceof ConfigError || e instanceof PathError) tl.setResult(tl.TaskResult.Failed, `${TOOL_NAME}: ${e.message}`);
  else tl.setResult(tl.TaskResult.Failed, `${TOOL_NAME}: internal error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
});
