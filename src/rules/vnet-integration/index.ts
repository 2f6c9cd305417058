import type { Rule } from '../types.js';

/** The vnet-integration rules (one module each, see requirements.md). */
export const vnetIntegrationRules: Rule[] = [];
