#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { failsAt, isFailOn, type FailOn } from '../core/severity.js';
import { parseChangedFilesList } from '../diff/scope.js';
import { ConfigError } from '../engine/config.js';
import { PathError } from '../engine/discover.js';
import { run } from '../engine/run.js';
import { TOOL_NAME, toolVersion } from '../engine/version.js';
import { FORMATS, isFormat, render, type Format } from '../report/index.js';
import { allRules } from '../rules/index.js';

/** Runs with more files than this print progress lines on a non-TTY stderr. */
const PROGRESS_MIN_FILES = 200;

const HELP = `Usage: ${TOOL_NAME} check [PATH...] [options]

Checks Azure IaC (ARM JSON, Bicep, Terraform azurerm) against the network requirements of
Logic Apps ISE, App Service Environment and App Service regional VNet integration.
PATH: files or folders to check (default: the current directory).

Options:
  --format text|json|sarif|markdown  output format (default: text)
  --output FILE                      write the report to FILE instead of stdout
  --fail-on error|warning|note|never exit 1 when a finding is at or above this severity (default: error)
  --config FILE                      config file (default: .vnet-preflight.yml in the current directory, if any)
  --changed-files FILE               newline-separated list of files: report only findings in them
  --parse-budget-ms N                per-file parse time budget in milliseconds (default: 2000)
  -h, --help                         show this help
  -v, --version                      show the version

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or internal failure.
`;

/** A usage problem: printed as one line, exit code 2. */
class UsageError extends Error {}

interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
}

/**
 * The `vnet-preflight` command line (design.md, "Contracts"). Returns the exit code:
 * 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 bad usage or internal failure
 * (a one-line reason on stderr).
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        'changed-files': { type: 'string' },
        'parse-budget-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    return usage(io, (e as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command === undefined) return usage(io, `missing command: try \`${TOOL_NAME} check [PATH...]\``);
  if (command === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (command !== 'check') return usage(io, `unknown command \`${command}\`: try \`${TOOL_NAME} check [PATH...]\``);

  try {
    const format: Format = values.format === undefined ? 'text' : isFormat(values.format) ? values.format : fail(`--format must be one of ${FORMATS.join(', ')} (got \`${values.format}\`)`);
    const failOn: FailOn = values['fail-on'] === undefined ? 'error' : isFailOn(values['fail-on']) ? values['fail-on'] : fail(`--fail-on must be error, warning, note or never (got \`${values['fail-on']}\`)`);
    let parseBudgetMs: number | undefined;
    if (values['parse-budget-ms'] !== undefined) {
      parseBudgetMs = Number(values['parse-budget-ms']);
      if (!Number.isInteger(parseBudgetMs) || parseBudgetMs <= 0) fail(`--parse-budget-ms must be a positive whole number of milliseconds (got \`${values['parse-budget-ms']}\`)`);
    }
    let changedFiles: string[] | undefined;
    if (values['changed-files'] !== undefined) {
      try {
        changedFiles = parseChangedFilesList(readFileSync(resolve(values['changed-files']), 'utf8'));
      } catch (e) {
        fail(`cannot read --changed-files ${values['changed-files']} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }

    const progress = makeProgress(io);
    const result = await run({ paths: paths.length > 0 ? paths : ['.'], configPath: values.config, changedFiles, parseBudgetMs, progress: progress.line });
    progress.done();

    const text = render(format, result, { toolVersion: toolVersion(), rules: allRules.map((r) => r.meta) });
    if (values.output !== undefined) {
      const out = resolve(values.output);
      try {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, text);
      } catch (e) {
        throw new UsageError(`cannot write --output ${values.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    } else io.stdout(text);
    return result.findings.some((f) => failsAt(f.severity, failOn)) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof PathError) return usage(io, e.message);
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`${TOOL_NAME}: internal error: ${msg.split('\n')[0]}\n`);
    return 2;
  }
}

function fail(message: string): never {
  throw new UsageError(message);
}

function usage(io: CliIo, reason: string): number {
  io.stderr(`${TOOL_NAME}: ${reason}\n`);
  return 2;
}

/**
 * Progress on stderr: on a TTY one line rewritten in place (cleared at the end); otherwise plain
 * lines, only once the run is known to have more than PROGRESS_MIN_FILES files. Never on stdout.
 */
function makeProgress(io: CliIo): { line: (s: string) => void; done: () => void } {
  let shown = false;
  let enabled = io.stderrIsTTY;
  return {
    line(s: string) {
      const m = /^Reading (\d+) files/.exec(s);
      if (m && Number(m[1]) > PROGRESS_MIN_FILES) enabled = true;
      if (!enabled) return;
      if (io.stderrIsTTY) io.stderr(`\r${TOOL_NAME}: ${s}\x1b[K`);
      else io.stderr(`${TOOL_NAME}: ${s}\n`);
      shown = true;
    },
    done() {
      if (shown && io.stderrIsTTY) io.stderr('\r\x1b[K');
    },
  };
}

main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
