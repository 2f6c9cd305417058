import type { Rule } from '../types.js';

/** The ase rules (one module each, see requirements.md). */
export const aseRules: Rule[] = [];
