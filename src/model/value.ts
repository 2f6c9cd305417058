import type { SourceRange } from '../core/position.js';
import { Unknown } from './symbolic.js';

/**
 * A model value with the source range it came from. Either known (`value`) or unknown
 * (`unknown`, with its normalized expression): rules say "could not verify" on unknowns.
 */
export type Value<T> = Known<T> | UnknownValue;

export interface Known<T> {
  known: true;
  value: T;
  range: SourceRange;
}

export interface UnknownValue {
  known: false;
  unknown: Unknown;
  range: SourceRange;
}

export function known<T>(value: T, range: SourceRange): Known<T> {
  return { known: true, value, range };
}

export function unknownValue(unknown: Unknown, range: SourceRange): UnknownValue {
  return { known: false, unknown, range };
}

/** The known value, or `undefined` when absent or unknown. */
export function valueOf<T>(v: Value<T> | undefined): T | undefined {
  return v && v.known ? v.value : undefined;
}

/** True when the value is present and unknown. */
export function isUnknownValue<T>(v: Value<T> | undefined): v is UnknownValue {
  return !!v && !v.known;
}
