import type { Rule } from '../types.js';

/** The ise rules (one module each, see requirements.md). */
export const iseRules: Rule[] = [];
