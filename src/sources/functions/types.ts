import type { EvalValue } from '../eval-value.js';

/**
 * What the scope functions need. Every member is optional: by default `resourceGroup()`,
 * `subscription()`, `deployment()`, `tenant()` and `environment()` return objects (or an Unknown)
 * whose members are `Unknown`s with canonical exprs such as `resourcegroup().location`.
 * A loader may override them (e.g. a config that pins the location).
 */
export interface FunctionEnv {
  resourceGroup?: EvalValue;
  subscription?: EvalValue;
  deployment?: EvalValue;
  tenant?: EvalValue;
  environment?: EvalValue;
}

/** One template function. Unless `unknownAware`, any Unknown inside the arguments makes the result Unknown. */
export interface TemplateFunction {
  minArgs: number;
  maxArgs: number;
  unknownAware?: boolean;
  /** Throws `TemplateFunctionError` on bad arguments. */
  call(args: EvalValue[], env: FunctionEnv): EvalValue;
}
