import { Unknown } from '../../model/symbolic.js';
import { getMember, isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import type { TemplateFunction } from './types.js';
import {
  TemplateFunctionError, needArray, needInt, needObject, needString, unknownCall, valuesEqual,
} from './util.js';

/**
 * Array and object template functions
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array,
 * .../template-functions-object). Functions that only look at an array's shape (`length`,
 * `first`, `take`, ...) work on arrays whose items are unknown.
 */
export const collectionFunctions: Record<string, TemplateFunction> = {
  createarray: { minArgs: 0, maxArgs: Infinity, unknownAware: true, call: (args) => [...args] },
  createobject: {
    minArgs: 0, maxArgs: Infinity, unknownAware: true,
    call: (args) => {
      if (args.length % 2 !== 0) throw new TemplateFunctionError('createObject: expected key/value pairs');
      const o: EvalObject = {};
      for (let i = 0; i < args.length; i += 2) {
        const k = args[i]!;
        if (k instanceof Unknown) return unknownCall('createObject', args);
        o[needString(k, 'createObject')] = args[i + 1]!;
      }
      return o;
    },
  },
  array: { minArgs: 1, maxArgs: 1, unknownAware: true, call: ([v]) => (Array.isArray(v) ? v : v instanceof Unknown ? unknownCall('array', [v]) : [v!]) },
  length: {
    minArgs: 1, maxArgs: 1, unknownAware: true,
    call: ([v]) => {
      if (Array.isArray(v) || typeof v === 'string') return v.length;
      if (isEvalObject(v)) return Object.keys(v).length;
      if (v instanceof Unknown) return unknownCall('length', [v]);
      throw new TemplateFunctionError('length: expected a string, array or object');
    },
  },
  empty: {
    minArgs: 1, maxArgs: 1, unknownAware: true,
    call: ([v]) => {
      if (v === null || v === '') return true;
      if (Array.isArray(v) || typeof v === 'string') return v.length === 0;
      if (isEvalObject(v)) return Object.keys(v).length === 0;
      if (v instanceof Unknown) {
        if (v.parts?.some((p) => typeof p === 'string' && p !== '')) return false;
        return unknownCall('empty', [v]);
      }
      throw new TemplateFunctionError('empty: expected a string, array or object');
    },
  },
  first: { minArgs: 1, maxArgs: 1, unknownAware: true, call: ([v]) => edge(v!, 'first') },
  last: { minArgs: 1, maxArgs: 1, unknownAware: true, call: ([v]) => edge(v!, 'last') },
  take: { minArgs: 2, maxArgs: 2, unknownAware: true, call: (args) => slice(args, 'take') },
  skip: { minArgs: 2, maxArgs: 2, unknownAware: true, call: (args) => slice(args, 'skip') },
  contains: { minArgs: 2, maxArgs: 2, unknownAware: true, call: contains },
  union: { minArgs: 1, maxArgs: Infinity, unknownAware: true, call: union },
  intersection: {
    minArgs: 1, maxArgs: Infinity,
    call: (args) => {
      if (args.every(Array.isArray)) {
        const [a, ...rest] = args as EvalValue[][];
        return dedupe(a!.filter((x) => rest.every((r) => r.some((y) => valuesEqual(x, y) === true))));
      }
      const objs = args.map((a) => needObject(a, 'intersection'));
      const out: EvalObject = {};
      for (const [k, v] of Object.entries(objs[0]!)) {
        if (objs.slice(1).every((o) => { const w = getMember(o, k); return w !== undefined && valuesEqual(v, w) === true; })) out[k] = v;
      }
      return out;
    },
  },
  range: {
    minArgs: 2, maxArgs: 2,
    call: ([s, n]) => {
      const start = needInt(s, 'range');
      const count = needInt(n, 'range');
      if (count < 0 || count > 10000) throw new TemplateFunctionError('range: count must be between 0 and 10000');
      return Array.from({ length: count }, (_, i) => start + i);
    },
  },
  items: {
    minArgs: 1, maxArgs: 1, unknownAware: true,
    call: ([v]) => {
      if (v instanceof Unknown) return unknownCall('items', [v]);
      const o = needObject(v, 'items');
      return Object.keys(o)
        .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
        .map((key) => ({ key, value: o[key]! }));
    },
  },
  objectkeys: {
    minArgs: 1, maxArgs: 1, unknownAware: true,
    call: ([v]) => (v instanceof Unknown ? unknownCall('objectKeys', [v]) : Object.keys(needObject(v, 'objectKeys'))),
  },
  coalesce: {
    minArgs: 1, maxArgs: Infinity, unknownAware: true,
    call: (args) => {
      for (const a of args) {
        if (a instanceof Unknown) return unknownCall('coalesce', args);
        if (a !== null) return a;
      }
      return null;
    },
  },
  json: {
    minArgs: 1, maxArgs: 1,
    call: ([s]) => {
      const text = needString(s, 'json');
      try {
        return JSON.parse(text) as EvalValue;
      } catch {
        // .NET's JSON reader (which ARM uses) also reads numbers like '.25'
        if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return Number(text);
        throw new TemplateFunctionError('json: the string is not valid JSON');
      }
    },
  },
  null: { minArgs: 0, maxArgs: 0, call: () => null },
  trygetvalue: { minArgs: 2, maxArgs: Infinity, unknownAware: true, call: (args) => tryGet(args) },
  tryget: { minArgs: 2, maxArgs: Infinity, unknownAware: true, call: (args) => tryGet(args) },
  min: { minArgs: 1, maxArgs: Infinity, call: (args) => extreme(args, 'min') },
  max: { minArgs: 1, maxArgs: Infinity, call: (args) => extreme(args, 'max') },
  shallowmerge: {
    minArgs: 1, maxArgs: 1,
    call: ([a]) => Object.assign({}, ...needArray(a, 'shallowMerge').map((o) => needObject(o, 'shallowMerge'))) as EvalObject,
  },
};

function edge(v: EvalValue, fn: 'first' | 'last'): EvalValue {
  if (Array.isArray(v)) return v.length === 0 ? null : fn === 'first' ? v[0]! : v[v.length - 1]!;
  if (typeof v === 'string') return v.length === 0 ? '' : fn === 'first' ? v[0]! : v[v.length - 1]!;
  if (v instanceof Unknown) {
    const p = v.parts;
    if (p && fn === 'first' && typeof p[0] === 'string') return p[0][0]!;
    if (p && fn === 'last' && typeof p[p.length - 1] === 'string') return (p[p.length - 1] as string).slice(-1);
    return unknownCall(fn, [v]);
  }
  throw new TemplateFunctionError(`${fn}: expected an array or a string`);
}

function slice(args: EvalValue[], fn: 'take' | 'skip'): EvalValue {
  const [v, n] = args;
  if (v instanceof Unknown || n instanceof Unknown) return unknownCall(fn, args);
  const k = Math.max(0, needInt(n, fn));
  if (Array.isArray(v) || typeof v === 'string') return fn === 'take' ? v.slice(0, k) : v.slice(k);
  throw new TemplateFunctionError(`${fn}: expected an array or a string`);
}

function contains(args: EvalValue[]): EvalValue {
  const [c, item] = args;
  if (typeof c === 'string') {
    if (item instanceof Unknown) return unknownCall('contains', args);
    if (item !== null && typeof item === 'object') throw new TemplateFunctionError('contains: expected a string to look for');
    return c.includes(item === null ? '' : String(item));
  }
  if (Array.isArray(c)) {
    let unknown = false;
    for (const x of c) {
      const r = valuesEqual(x, item!);
      if (r === true) return true;
      if (r === 'unknown') unknown = true;
    }
    return unknown ? unknownCall('contains', args) : false;
  }
  if (isEvalObject(c)) {
    if (item instanceof Unknown) return unknownCall('contains', args);
    return getMember(c, needString(item, 'contains')) !== undefined;
  }
  if (c instanceof Unknown) return unknownCall('contains', args);
  throw new TemplateFunctionError('contains: expected a string, array or object');
}

function dedupe(a: EvalValue[]): EvalValue[] {
  const out: EvalValue[] = [];
  for (const x of a) if (!out.some((y) => valuesEqual(x, y) === true)) out.push(x);
  return out;
}

/** ARM `union`: arrays keep distinct items in order; objects merge recursively, later values winning. */
function union(args: EvalValue[]): EvalValue {
  if (args.some((a) => a instanceof Unknown)) return unknownCall('union', args);
  if (args.every(Array.isArray)) return dedupe((args as EvalValue[][]).flat());
  const objs = args.map((a) => needObject(a, 'union'));
  return objs.reduce<EvalObject>((acc, o) => mergeObjects(acc, o), {});
}

function mergeObjects(a: EvalObject, b: EvalObject): EvalObject {
  const out: EvalObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const existingKey = Object.keys(out).find((x) => x.toLowerCase() === k.toLowerCase());
    const prev = existingKey === undefined ? undefined : out[existingKey];
    if (existingKey !== undefined) delete out[existingKey];
    out[k] = isEvalObject(prev) && isEvalObject(v) ? mergeObjects(prev, v) : v;
  }
  return out;
}

function tryGet(args: EvalValue[]): EvalValue {
  let cur: EvalValue = args[0]!;
  for (const key of args.slice(1)) {
    if (cur instanceof Unknown || key instanceof Unknown) return unknownCall('tryGet', args);
    if (isEvalObject(cur) && typeof key === 'string') cur = getMember(cur, key) ?? null;
    else if (Array.isArray(cur) && typeof key === 'number') cur = cur[key] ?? null;
    else return null;
  }
  return cur;
}

function extreme(args: EvalValue[], fn: 'min' | 'max'): number {
  const nums = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  if (nums.length === 0) throw new TemplateFunctionError(`${fn}: no values`);
  const ns = nums.map((n) => needInt(n, fn));
  return fn === 'min' ? Math.min(...ns) : Math.max(...ns);
}

