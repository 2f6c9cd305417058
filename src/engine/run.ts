import { buildModel } from '../model/build.js';
import { allRules } from '../rules/index.js';
import { runEngine, type RunOptions, type RunResult } from './engine.js';
import { loaders } from './loaders.js';

export type { RunOptions, RunResult } from './engine.js';
export { ConfigError } from './config.js';
export { PathError } from './discover.js';

/**
 * Checks the files under `options.paths` with the shipped loaders (engine/loaders.ts), the model
 * builder and every rule (or `options.rules`). See `runEngine` for the steps.
 * @throws ConfigError for a bad config file, PathError for a path that does not exist.
 */
export function run(options: RunOptions = {}): Promise<RunResult> {
  return runEngine(options, { loaders, buildModel, rules: allRules });
}
