import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from '../../core/finding.js';
import { failsAt, isFailOn, severityRank, type FailOn } from '../../core/severity.js';
import { pullRequestChanges, type PullRequestChanges } from '../../diff/pull-request-files.js';
import { findingsForChange } from '../../diff/pull-request-scope.js';
import { run, type RunResult } from '../../engine/run.js';
import { toolVersion } from '../../engine/version.js';
import { renderMarkdown } from '../markdown.js';
import { renderSarif } from '../sarif.js';
import { allRules } from '../../rules/index.js';
import type { GitHubApi, GitHubTarget } from './api.js';
import { workflowAnnotation } from './annotations.js';
import { countOf } from './check-run.js';
import { STEP_SUMMARY_MAX_BYTES, WORKFLOW_ANNOTATIONS_SHOWN_PER_SEVERITY } from './limits.js';
import { publishToGitHub, type PublishOutcome } from './publish.js';

/** The action's inputs (action.yml), already read. */
export interface ActionInputs {
  paths: string[];
  config?: string;
  failOn: FailOn;
  scope: 'changed' | 'all';
  reviewComments: boolean;
  checkName: string;
  sarifFile?: string;
}

/** What the runner gives the action: the event and where things are. */
export interface ActionEvent {
  eventName: string;
  payload: Record<string, unknown>;
  /** `GITHUB_SHA`. */
  sha: string;
  owner: string;
  repo: string;
  workspace: string;
  /** `${server}/${repo}/actions/runs/${runId}`, for the check run's details link. */
  runUrl?: string;
}

/** The host's side: `@actions/core` in production, a recorder in tests. */
export interface ActionHost {
  info(line: string): void;
  warning(message: string): void;
  annotate(level: 'error' | 'warning' | 'notice', message: string, properties: Record<string, string | number | undefined>): void;
  setOutput(name: string, value: string | number): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

/**
 * Reads action inputs from a getter (`core.getInput`), validating values.
 * @throws Error with a one-line reason for a bad value.
 */
export function readInputs(get: (name: string) => string): ActionInputs {
  const failOn = (get('fail-on') || 'error').trim();
  if (!isFailOn(failOn)) throw new Error(`input fail-on must be error, warning, note or never (got '${failOn}')`);
  const scope = (get('scope') || 'changed').trim();
  if (scope !== 'changed' && scope !== 'all') throw new Error(`input scope must be changed or all (got '${scope}')`);
  const rc = (get('review-comments') || 'true').trim().toLowerCase();
  if (rc !== 'true' && rc !== 'false') throw new Error(`input review-comments must be true or false (got '${rc}')`);
  const paths = (get('paths') || '.').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  return {
    paths: paths.length ? paths : ['.'],
    config: get('config').trim() || undefined,
    failOn,
    scope,
    reviewComments: rc === 'true',
    checkName: get('check-name').trim() || 'vnet-preflight',
    sarifFile: get('sarif-file').trim() || undefined,
  };
}

interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha?: string;
}

function pullRequestOf(ev: ActionEvent): PullRequestInfo | undefined {
  const pr = ev.payload.pull_request as { number?: number; head?: { sha?: string }; base?: { sha?: string } } | undefined;
  if (!pr || typeof pr.number !== 'number' || !pr.head?.sha) return undefined;
  return { number: pr.number, headSha: pr.head.sha, baseSha: pr.base?.sha };
}

/** `git diff` of one file between base and head, when the checkout has both commits; else undefined. */
function gitDiffOf(workspace: string, base: string | undefined, head: string): (path: string) => string | undefined {
  let available: boolean | undefined;
  return (path) => {
    if (!base) return undefined;
    try {
      if (available === undefined) {
        execFileSync('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: workspace, stdio: 'ignore' });
        execFileSync('git', ['cat-file', '-e', `${head}^{commit}`], { cwd: workspace, stdio: 'ignore' });
        available = true;
      }
      if (!available) return undefined;
      const out = execFileSync('git', ['diff', '--unified=3', '--no-color', base, head, '--', path], { cwd: workspace, maxBuffer: 64 << 20 }).toString();
      const at = out.indexOf('\n@@');
      return at >= 0 ? out.slice(at + 1) : '';
    } catch {
      available = false;
      return undefined;
    }
  };
}

/** The commit checked out in the workspace, or undefined (not a git checkout, no git). */
function gitHead(workspace: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The step summary, under 1 MiB. */
function stepSummary(result: RunResult, reported: readonly Finding[], extra: string[]): string {
  const scoped: RunResult = { ...result, findings: [...reported], summary: countOf(reported) };
  let max = STEP_SUMMARY_MAX_BYTES - 4096;
  for (;;) {
    const md = [renderMarkdown(scoped, { maxChars: max }), ...extra].join('\n\n');
    if (Buffer.byteLength(md, 'utf8') < STEP_SUMMARY_MAX_BYTES - 1024 || max < 10_000) return md;
    max = Math.floor(max / 2);
  }
}

/**
 * The GitHub Action's job (issue 5): check the IaC under `paths`; on pull requests report the
 * findings a change is responsible for as a check run, a review and the step summary; on push and
 * workflow_dispatch check everything (check run + summary, no review). A read-only token (forks)
 * falls back to workflow-command annotations, most severe first. Fails the job per `fail-on`.
 * Never throws for findings or permissions; a bad input or config fails the job with the reason.
 */
export async function runGitHubAction(inputs: ActionInputs, ev: ActionEvent, api: GitHubApi, host: ActionHost): Promise<{ reported: Finding[]; outcome?: PublishOutcome }> {
  const result = await run({ paths: inputs.paths, cwd: ev.workspace, configPath: inputs.config, progress: (l) => host.info(l) });
  const pr = pullRequestOf(ev);
  const target: GitHubTarget = { owner: ev.owner, repo: ev.repo, headSha: pr?.headSha ?? ev.sha, pullNumber: pr?.number };

  let changes: PullRequestChanges | undefined;
  let reported: Finding[] = result.findings;
  let scopeNote = `Scope: every file under ${inputs.paths.join(', ')}.`;
  if (pr) {
    const checkedOut = gitHead(ev.workspace);
    if (checkedOut && checkedOut !== pr.headSha) {
      host.info(`vnet-preflight: the workspace is at ${checkedOut.slice(0, 12)}, not the pull request's head ${pr.headSha.slice(0, 12)} (actions/checkout takes the merge commit by default); lines of files the base branch also changed may differ from the review's. Check out 'ref: \${{ github.event.pull_request.head.sha }}' to avoid it.`);
    }
    try {
      const files = await api.listPullFiles(target);
      changes = pullRequestChanges(files, gitDiffOf(ev.workspace, pr.baseSha, pr.headSha));
      if (inputs.scope === 'changed') {
        reported = findingsForChange(result.findings, changes);
        scopeNote = `Scope: findings in the ${changes.files.size} file(s) this pull request changes, and findings elsewhere its changes cause (${result.findings.length - reported.length} other finding(s) in unchanged files not shown; run with scope: all to see them).`;
      }
    } catch (e) {
      host.warning(`vnet-preflight could not list the pull request's files (${(e as Error).message}); reporting every finding.`);
    }
  }

  if (inputs.sarifFile) {
    const p = resolve(ev.workspace, inputs.sarifFile);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, renderSarif(result, toolVersion(), allRules.map((r) => r.meta)));
    host.setOutput('sarif-file', p);
  }

  let outcome: PublishOutcome | undefined;
  const extra: string[] = [];
  try {
    outcome = await publishToGitHub(api, target, result, reported, {
      checkName: inputs.checkName,
      failOn: inputs.failOn,
      reviewComments: inputs.reviewComments && !!pr,
      commentable: changes?.commentableLines,
      scopeNote,
      detailsUrl: ev.runUrl,
      log: (l) => host.info(l),
    });
  } catch (e) {
    host.warning(`vnet-preflight could not post to GitHub (${(e as Error).message}); the findings are in the annotations and the job summary.`);
  }
  if (!outcome || outcome.readOnly) {
    if (outcome?.readOnly) {
      host.warning(`vnet-preflight: ${outcome.readOnlyReason ?? 'the token is read-only'} — usual for pull requests from forks. Findings are shown as annotations and in the job summary instead; the job still passes or fails by them.`);
    }
    const sorted = [...reported].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const f of sorted) {
      const a = workflowAnnotation(f);
      host.annotate(a.level, a.message, a.properties);
    }
    const c = countOf(reported);
    if (c.error > WORKFLOW_ANNOTATIONS_SHOWN_PER_SEVERITY || c.warning > WORKFLOW_ANNOTATIONS_SHOWN_PER_SEVERITY || c.note > WORKFLOW_ANNOTATIONS_SHOWN_PER_SEVERITY) {
      extra.push(`_GitHub shows at most ${WORKFLOW_ANNOTATIONS_SHOWN_PER_SEVERITY} annotations per severity on a step; the tables above list every finding._`);
    }
  } else if (outcome.commentsRefused.length > 0) {
    extra.push(`_${outcome.commentsRefused.length} finding(s) could not be placed as review comments; they are in the check run's annotations._`);
  }
  await host.appendSummary(stepSummary(result, reported, extra));

  const c = countOf(reported);
  const failing = reported.filter((f) => failsAt(f.severity, inputs.failOn));
  const conclusion = failing.length > 0 ? 'failure' : reported.length > 0 ? 'neutral' : 'success';
  host.setOutput('errors', c.error);
  host.setOutput('warnings', c.warning);
  host.setOutput('notes', c.note);
  host.setOutput('conclusion', conclusion);
  if (failing.length > 0) {
    host.setFailed(`vnet-preflight: ${failing.length} finding(s) at or above '${inputs.failOn}' (${c.error} error(s), ${c.warning} warning(s), ${c.note} note(s)).`);
  } else {
    host.info(`vnet-preflight: ${c.error} error(s), ${c.warning} warning(s), ${c.note} note(s); nothing at or above '${inputs.failOn}'.`);
  }
  return { reported, outcome };
}
