import { Unknown } from '../../model/symbolic.js';
import { isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import { unknownCall } from '../functions/util.js';
import { Lambda, toEval, type BVal } from './values.js';

/**
 * Bicep lambda functions (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-lambda):
 * `map`, `filter`, `reduce`, `toObject`, `mapValues` over known values. Other lambda functions,
 * and any of these over an unknown value, give an Unknown with the canonical call text.
 * `apply(lambda, ...args)` evaluates a lambda's body with its parameters bound.
 */
export function callLambdaFunction(
  lower: string,
  name: string,
  vals: BVal[],
  apply: (l: BVal, ...xs: EvalValue[]) => EvalValue,
): EvalValue {
  const plain = vals.map((v) => (v instanceof Lambda ? new Unknown('lambda', 'lambda') : toEval(v)));
  const arr = toEval(vals[0] ?? null);
  const unknown = () => unknownCall(name, plain, 'lambda over an unknown value');
  if (lower === 'map' && Array.isArray(arr)) return arr.map((x, i) => apply(vals[1]!, x, i));
  if (lower === 'filter' && Array.isArray(arr)) {
    const out: EvalValue[] = [];
    for (let i = 0; i < arr.length; i++) {
      const keep = apply(vals[1]!, arr[i]!, i);
      if (keep instanceof Unknown) return unknown();
      if (keep === true) out.push(arr[i]!);
    }
    return out;
  }
  if (lower === 'reduce' && Array.isArray(arr) && vals.length >= 3) {
    let acc = toEval(vals[1]!);
    arr.forEach((x, i) => (acc = apply(vals[2]!, acc, x, i)));
    return acc;
  }
  if (lower === 'toobject' && Array.isArray(arr)) {
    const o: EvalObject = {};
    for (const x of arr) {
      const k = apply(vals[1]!, x);
      if (typeof k !== 'string') return unknown();
      o[k] = vals[2] ? apply(vals[2], x) : x;
    }
    return o;
  }
  if (lower === 'mapvalues' && isEvalObject(arr)) {
    const o: EvalObject = {};
    for (const [k, x] of Object.entries(arr)) o[k] = apply(vals[1]!, x);
    return o;
  }
  return unknown();
}
