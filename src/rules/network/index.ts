import type { Rule } from '../types.js';

/** The network rules (one module each, see requirements.md). */
export const networkRules: Rule[] = [];
