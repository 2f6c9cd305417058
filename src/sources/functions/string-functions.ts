import { Unknown, symConcat, symSplit, type SymString } from '../../model/symbolic.js';
import type { EvalValue } from '../eval-value.js';
import type { TemplateFunction } from './types.js';
import {
  TemplateFunctionError, hasUnknown, needInt, needString, toText, unknownCall,
} from './util.js';

/**
 * String template functions (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string).
 * `concat` and `format` keep known pieces of partly unknown strings (symConcat); `split` splits
 * known pieces only; `toLower`/`toUpper` keep unknowns symbolic.
 */
export const stringFunctions: Record<string, TemplateFunction> = {
  concat: { minArgs: 0, maxArgs: Infinity, unknownAware: true, call: concat },
  format: { minArgs: 1, maxArgs: Infinity, unknownAware: true, call: format },
  string: {
    minArgs: 1, maxArgs: 1, unknownAware: true,
    call: ([v]) => (v instanceof Unknown ? (v.parts ? v : unknownCall('string', [v])) : hasUnknown(v!) ? unknownCall('string', [v!]) : toText(v!)),
  },
  tolower: { minArgs: 1, maxArgs: 1, unknownAware: true, call: ([v]) => changeCase(v!, 'tolower') },
  toupper: { minArgs: 1, maxArgs: 1, unknownAware: true, call: ([v]) => changeCase(v!, 'toupper') },
  trim: { minArgs: 1, maxArgs: 1, call: ([v]) => needString(v, 'trim').trim() },
  replace: {
    minArgs: 3, maxArgs: 3,
    call: ([s, a, b]) => needString(s, 'replace').split(needString(a, 'replace')).join(needString(b, 'replace')),
  },
  split: { minArgs: 2, maxArgs: 2, unknownAware: true, call: split },
  startswith: {
    minArgs: 2, maxArgs: 2,
    call: ([s, p]) => needString(s, 'startsWith').toLowerCase().startsWith(needString(p, 'startsWith').toLowerCase()),
  },
  endswith: {
    minArgs: 2, maxArgs: 2,
    call: ([s, p]) => needString(s, 'endsWith').toLowerCase().endsWith(needString(p, 'endsWith').toLowerCase()),
  },
  indexof: {
    minArgs: 2, maxArgs: 2,
    call: ([s, p]) => needString(s, 'indexOf').toLowerCase().indexOf(needString(p, 'indexOf').toLowerCase()),
  },
  lastindexof: {
    minArgs: 2, maxArgs: 2,
    call: ([s, p]) => needString(s, 'lastIndexOf').toLowerCase().lastIndexOf(needString(p, 'lastIndexOf').toLowerCase()),
  },
  substring: {
    minArgs: 2, maxArgs: 3,
    call: ([s, start, len]) => {
      const str = needString(s, 'substring');
      const a = needInt(start, 'substring');
      const n = len === undefined ? str.length - a : needInt(len, 'substring');
      if (a < 0 || n < 0 || a + n > str.length) throw new TemplateFunctionError('substring: index out of range');
      return str.substr(a, n);
    },
  },
  padleft: {
    minArgs: 2, maxArgs: 3,
    call: ([v, total, ch]) => {
      const s = typeof v === 'number' ? String(v) : needString(v, 'padLeft');
      const pad = ch === undefined ? ' ' : needString(ch, 'padLeft');
      if (pad.length !== 1) throw new TemplateFunctionError('padLeft: the padding character must be one character');
      return s.padStart(needInt(total, 'padLeft'), pad);
    },
  },
  join: {
    minArgs: 2, maxArgs: 2, unknownAware: true,
    call: (args) => {
      const [arr, sep] = args;
      if (!Array.isArray(arr) || typeof sep !== 'string') {
        if (arr instanceof Unknown || sep instanceof Unknown) return unknownCall('join', args);
        throw new TemplateFunctionError('join: expected an array and a string');
      }
      const pieces: SymString[] = [];
      for (let i = 0; i < arr.length; i++) {
        const x = arr[i]!;
        if (i > 0) pieces.push(sep);
        if (x instanceof Unknown) pieces.push(x);
        else if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') pieces.push(toText(x));
        else return unknownCall('join', args, 'join of non-string items');
      }
      return symConcat(pieces);
    },
  },
  base64: { minArgs: 1, maxArgs: 1, call: ([s]) => Buffer.from(needString(s, 'base64'), 'utf8').toString('base64') },
  base64tostring: { minArgs: 1, maxArgs: 1, call: ([s]) => Buffer.from(needString(s, 'base64ToString'), 'base64').toString('utf8') },
  uricomponent: { minArgs: 1, maxArgs: 1, call: ([s]) => encodeURIComponent(needString(s, 'uriComponent')) },
  uricomponenttostring: { minArgs: 1, maxArgs: 1, call: ([s]) => decodeURIComponent(needString(s, 'uriComponentToString')) },
  uri: {
    minArgs: 2, maxArgs: 2,
    call: ([b, r]) => {
      try {
        return new URL(needString(r, 'uri'), needString(b, 'uri')).toString();
      } catch {
        throw new TemplateFunctionError('uri: invalid base URI');
      }
    },
  },
  guid: { minArgs: 1, maxArgs: Infinity, unknownAware: true, call: (args) => unknownCall('guid', args, 'generated value') },
  uniquestring: {
    minArgs: 1, maxArgs: Infinity, unknownAware: true,
    call: (args) => unknownCall('uniqueString', args, 'generated value'),
  },
  newguid: { minArgs: 0, maxArgs: 0, unknownAware: true, call: () => unknownCall('newGuid', [], 'generated at deployment time') },
  utcnow: { minArgs: 0, maxArgs: 1, unknownAware: true, call: (args) => unknownCall('utcNow', args, 'deployment time') },
  datetimeadd: { minArgs: 2, maxArgs: 3, unknownAware: true, call: (args) => unknownCall('dateTimeAdd', args, 'date arithmetic') },
};

function concat(args: EvalValue[]): EvalValue {
  if (args.length === 0) return '';
  const isArrayConcat = args.some((a) => Array.isArray(a));
  if (isArrayConcat) {
    const out: EvalValue[] = [];
    for (const a of args) {
      if (a === null) continue;
      if (!Array.isArray(a)) {
        if (a instanceof Unknown) return unknownCall('concat', args);
        throw new TemplateFunctionError('concat: cannot mix arrays and non-arrays');
      }
      out.push(...a);
    }
    return out;
  }
  const pieces: SymString[] = [];
  for (const a of args) {
    if (a instanceof Unknown) pieces.push(a);
    else if (a === null) continue;
    else if (typeof a === 'object') throw new TemplateFunctionError('concat: cannot concatenate an object');
    else pieces.push(toText(a));
  }
  return symConcat(pieces);
}

/** .NET composite formatting as ARM's `format()` uses it: `{0}`, `{1:D3}`, `{{`/`}}` escapes. */
function format(args: EvalValue[]): EvalValue {
  const [fmt, ...rest] = args;
  if (typeof fmt !== 'string') {
    if (fmt instanceof Unknown) return unknownCall('format', args);
    throw new TemplateFunctionError('format: the format must be a string');
  }
  const pieces: SymString[] = [];
  let buf = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '{' && fmt[i + 1] === '{') {
      buf += '{';
      i++;
    } else if (c === '}' && fmt[i + 1] === '}') {
      buf += '}';
      i++;
    } else if (c === '{') {
      const end = fmt.indexOf('}', i);
      if (end < 0) throw new TemplateFunctionError('format: unbalanced braces');
      const spec = fmt.slice(i + 1, end);
      const m = /^\s*(\d+)\s*(?:,\s*(-?\d+))?\s*(?::(.*))?$/s.exec(spec);
      if (!m) throw new TemplateFunctionError(`format: bad placeholder {${spec}}`);
      const idx = Number(m[1]);
      if (idx >= rest.length) throw new TemplateFunctionError(`format: placeholder {${idx}} has no argument`);
      const v = rest[idx]!;
      pieces.push(buf);
      buf = '';
      if (v instanceof Unknown) pieces.push(v);
      else if (v !== null && typeof v === 'object') {
        if (hasUnknown(v)) return unknownCall('format', args);
        pieces.push(toText(v));
      } else pieces.push(align(formatScalar(v, m[3]), m[2]));
      i = end;
    } else buf += c;
  }
  pieces.push(buf);
  return symConcat(pieces);
}

function formatScalar(v: string | number | boolean | null, spec: string | undefined): string {
  if (spec && typeof v === 'number') {
    const m = /^([DdNnXx])(\d*)$/.exec(spec);
    if (m) {
      const digits = m[2] ? Number(m[2]) : undefined;
      switch (m[1]) {
        case 'D':
        case 'd':
          return (v < 0 ? '-' : '') + String(Math.abs(v)).padStart(digits ?? 0, '0');
        case 'N':
        case 'n':
          return v.toLocaleString('en-US', { minimumFractionDigits: digits ?? 2, maximumFractionDigits: digits ?? 2 });
        case 'X':
          return v.toString(16).toUpperCase().padStart(digits ?? 0, '0');
        case 'x':
          return v.toString(16).padStart(digits ?? 0, '0');
      }
    }
  }
  return toText(v);
}

function align(s: string, width: string | undefined): string {
  if (!width) return s;
  const w = Number(width);
  return w < 0 ? s.padEnd(-w) : s.padStart(w);
}

/** Functions whose results are already lower-case: toLower of them is themselves. */
const LOWER_CASE_RESULTS = /^(uniquestring|tolower|guid|newguid)\(/;

function changeCase(v: EvalValue, fn: 'tolower' | 'toupper'): EvalValue {
  const apply = (s: string) => (fn === 'tolower' ? s.toLowerCase() : s.toUpperCase());
  if (typeof v === 'string') return apply(v);
  if (v instanceof Unknown) {
    const one = (p: string | Unknown): SymString => {
      if (typeof p === 'string') return apply(p);
      if (fn === 'tolower' && LOWER_CASE_RESULTS.test(p.expr)) return p;
      if (fn === 'toupper' && p.expr.startsWith('toupper(')) return p;
      return new Unknown(`${fn}(${p.expr})`, p.reason);
    };
    return v.parts ? symConcat(v.parts.map(one)) : one(v);
  }
  throw new TemplateFunctionError(`${fn}: expected a string`);
}

function split(args: EvalValue[]): EvalValue {
  const [s, d] = args;
  if (s instanceof Unknown && typeof d === 'string') {
    return s.parts ? symSplit(s, d) : unknownCall('split', args);
  }
  if (typeof s !== 'string') {
    if (s instanceof Unknown || d instanceof Unknown) return unknownCall('split', args);
    throw new TemplateFunctionError('split: expected a string');
  }
  if (typeof d === 'string') return s.split(d);
  if (Array.isArray(d) && d.every((x) => typeof x === 'string')) {
    const delims = (d as string[]).filter((x) => x !== '');
    if (delims.length === 0) return [s];
    const re = new RegExp(delims.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    return s.split(re);
  }
  if (hasUnknown(d!)) return unknownCall('split', args);
  throw new TemplateFunctionError('split: the delimiter must be a string or an array of strings');
}

