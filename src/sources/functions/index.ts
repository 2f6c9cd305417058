import { Unknown } from '../../model/symbolic.js';
import { getMember, isEvalObject, type EvalValue } from '../eval-value.js';
import { cidrFunctions } from './cidr-functions.js';
import { collectionFunctions } from './collection-functions.js';
import { logicFunctions } from './logic-functions.js';
import { resourceFunctions } from './resource-functions.js';
import { stringFunctions } from './string-functions.js';
import type { FunctionEnv, TemplateFunction } from './types.js';
import { TemplateFunctionError, hasUnknown, unknownCall } from './util.js';

export type { FunctionEnv, TemplateFunction } from './types.js';
export { hasUnknown, valuesEqual, TemplateFunctionError } from './util.js';

/** Every known template function, by lower-cased name. */
const FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map(
  Object.entries({ ...stringFunctions, ...collectionFunctions, ...logicFunctions, ...resourceFunctions, ...cidrFunctions }),
);

/** True when `name` (any case) is a template function this library implements. */
export function isTemplateFunction(name: string): boolean {
  return FUNCTIONS.has(name.toLowerCase());
}

/**
 * Calls the ARM/Bicep template function `name` (case-insensitive) on evaluated arguments.
 * Never throws: an unknown function, bad arguments or an unknown argument the function can't
 * see through give an `Unknown` whose `expr` is the canonical call text (`callExpr`).
 * `list*` functions (listKeys, ...) are runtime values: Unknown.
 */
export function callTemplateFunction(name: string, args: EvalValue[], env: FunctionEnv = {}): EvalValue {
  const lower = name.toLowerCase();
  const fn = FUNCTIONS.get(lower);
  if (!fn) {
    const reason = lower.startsWith('list') ? 'runtime value' : 'unsupported function';
    return unknownCall(name, args, reason);
  }
  if (args.length < fn.minArgs || args.length > fn.maxArgs) {
    return unknownCall(name, args, `${name}: wrong number of arguments (${args.length})`);
  }
  if (!fn.unknownAware && args.some(hasUnknown)) return unknownCall(name, args);
  try {
    return fn.call(args, env);
  } catch (e) {
    const reason = e instanceof TemplateFunctionError ? e.message : `${name}: ${(e as Error)?.message ?? String(e)}`;
    return unknownCall(name, args, reason);
  }
}

/**
 * Member access `v.name` (case-insensitive, ARM semantics). On an Unknown: an Unknown
 * `<expr>.<name lower-cased>`. A missing member or access on a non-object: an Unknown with the
 * reason (ARM would fail the deployment; we report "could not verify" rather than guess).
 */
export function accessMember(v: EvalValue, name: string): EvalValue {
  if (v instanceof Unknown) return new Unknown(`${v.expr}.${name.toLowerCase()}`, v.reason);
  if (isEvalObject(v)) {
    const m = getMember(v, name);
    if (m !== undefined) return m;
    return new Unknown(`${memberBase(v)}.${name.toLowerCase()}`, `no member '${name}'`);
  }
  return new Unknown(`${memberBase(v)}.${name.toLowerCase()}`, `member '${name}' of a non-object`);
}

/** Index access `v[i]`: arrays by number, objects by string key; Unknown index or base → Unknown. */
export function accessIndex(v: EvalValue, index: EvalValue): EvalValue {
  if (typeof index === 'string' && (isEvalObject(v) || v instanceof Unknown)) return accessMember(v, index);
  if (v instanceof Unknown || index instanceof Unknown) {
    const base = v instanceof Unknown ? v.expr : memberBase(v);
    const ix = index instanceof Unknown ? index.expr : JSON.stringify(index);
    return new Unknown(`${base}[${ix}]`, (v instanceof Unknown ? v : (index as Unknown)).reason);
  }
  if (Array.isArray(v) && typeof index === 'number') {
    const item = v[index];
    if (item !== undefined) return item;
    return new Unknown(`${memberBase(v)}[${index}]`, `index ${index} out of range`);
  }
  return new Unknown(`${memberBase(v)}[${JSON.stringify(index)}]`, 'invalid index');
}

function memberBase(v: EvalValue): string {
  const s = JSON.stringify(v, (_k, x) => (x instanceof Unknown ? `{${x.expr}}` : x)) ?? 'null';
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
