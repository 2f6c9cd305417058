import { Unknown } from '../../model/symbolic.js';
import type { EvalValue } from '../eval-value.js';
import type { TemplateFunction } from './types.js';
import { TemplateFunctionError, needInt, unknownCall, valuesEqual } from './util.js';

/**
 * Logical, comparison and numeric template functions
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical,
 * .../template-functions-comparison, .../template-functions-numeric). Logic is three-valued:
 * `and(false, u)` is false, `or(true, u)` is true, `if(true, x, u)` is x.
 */
export const logicFunctions: Record<string, TemplateFunction> = {
  if: {
    minArgs: 3, maxArgs: 3, unknownAware: true,
    call: (args) => {
      const [c, a, b] = args;
      if (c instanceof Unknown) return valuesEqual(a!, b!) === true ? a! : unknownCall('if', args);
      return toBool(c!, 'if') ? a! : b!;
    },
  },
  equals: {
    minArgs: 2, maxArgs: 2, unknownAware: true,
    call: (args) => {
      const r = valuesEqual(args[0]!, args[1]!);
      return r === 'unknown' ? unknownCall('equals', args) : r;
    },
  },
  not: {
    minArgs: 1, maxArgs: 1, unknownAware: true,
    call: ([v]) => (v instanceof Unknown ? unknownCall('not', [v]) : !toBool(v!, 'not')),
  },
  and: { minArgs: 1, maxArgs: Infinity, unknownAware: true, call: (args) => junction(args, 'and') },
  or: { minArgs: 1, maxArgs: Infinity, unknownAware: true, call: (args) => junction(args, 'or') },
  bool: {
    minArgs: 1, maxArgs: 1,
    call: ([v]) => {
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return v !== 0;
      if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
      throw new TemplateFunctionError('bool: expected true/false, 0/1 or a boolean');
    },
  },
  int: {
    minArgs: 1, maxArgs: 1,
    call: ([v]) => {
      if (typeof v === 'number') return Math.trunc(v);
      if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return parseInt(v, 10);
      throw new TemplateFunctionError('int: expected an integer or a string of digits');
    },
  },
  float: {
    minArgs: 1, maxArgs: 1,
    call: ([v]) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      if (Number.isNaN(n)) throw new TemplateFunctionError('float: expected a number');
      return n;
    },
  },
  add: { minArgs: 2, maxArgs: 2, call: ([a, b]) => needInt(a, 'add') + needInt(b, 'add') },
  sub: { minArgs: 2, maxArgs: 2, call: ([a, b]) => needInt(a, 'sub') - needInt(b, 'sub') },
  mul: { minArgs: 2, maxArgs: 2, call: ([a, b]) => needInt(a, 'mul') * needInt(b, 'mul') },
  div: {
    minArgs: 2, maxArgs: 2,
    call: ([a, b]) => {
      const d = needInt(b, 'div');
      if (d === 0) throw new TemplateFunctionError('div: division by zero');
      return Math.trunc(needInt(a, 'div') / d);
    },
  },
  mod: {
    minArgs: 2, maxArgs: 2,
    call: ([a, b]) => {
      const d = needInt(b, 'mod');
      if (d === 0) throw new TemplateFunctionError('mod: division by zero');
      return needInt(a, 'mod') % d;
    },
  },
  less: { minArgs: 2, maxArgs: 2, call: ([a, b]) => compare(a!, b!, 'less') < 0 },
  lessorequals: { minArgs: 2, maxArgs: 2, call: ([a, b]) => compare(a!, b!, 'lessOrEquals') <= 0 },
  greater: { minArgs: 2, maxArgs: 2, call: ([a, b]) => compare(a!, b!, 'greater') > 0 },
  greaterorequals: { minArgs: 2, maxArgs: 2, call: ([a, b]) => compare(a!, b!, 'greaterOrEquals') >= 0 },
  true: { minArgs: 0, maxArgs: 0, call: () => true },
  false: { minArgs: 0, maxArgs: 0, call: () => false },
};

function toBool(v: EvalValue, fn: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  throw new TemplateFunctionError(`${fn}: expected a boolean`);
}

function junction(args: EvalValue[], fn: 'and' | 'or'): EvalValue {
  const decisive = fn === 'or';
  let unknown = false;
  for (const a of args) {
    if (a instanceof Unknown) {
      unknown = true;
      continue;
    }
    if (toBool(a, fn) === decisive) return decisive;
  }
  return unknown ? unknownCall(fn, args) : !decisive;
}

function compare(a: EvalValue, b: EvalValue, fn: string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  throw new TemplateFunctionError(`${fn}: expected two integers or two strings`);
}
