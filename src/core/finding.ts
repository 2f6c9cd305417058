import type { SourceRange } from './position.js';
import type { Severity } from './severity.js';

/** A location that explains a finding: e.g. the NSG security rule that blocks, and the subnet. */
export interface RelatedLocation {
  range: SourceRange;
  message: string;
}

/**
 * One diagnostic, plain data (reviewdog's shape): rule id, severity, message, primary range,
 * related ranges, the entity it is about, the source citation and a fingerprint that survives
 * edits elsewhere in the file (built from rule id + entity key + message data, never lines).
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What is wrong, with numbers, and the fix. */
  message: string;
  range: SourceRange;
  related?: RelatedLocation[];
  /** Entity it is about, e.g. `Microsoft.Network/virtualNetworks/subnets/ise-1`. */
  resource?: string;
  /** Seed file + section slug, or URL, of the requirement. */
  source?: string;
  /** Link to the rule's docs page. */
  helpUri?: string;
  fingerprint: string;
  /** Set by the engine when an inline suppression matched (the finding is then not reported). */
  suppressed?: { reason: string; range: SourceRange };
}

/** A value a rule needed but could not resolve statically ("could not verify"). */
export interface UnknownUse {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  /** The normalized expression that stayed unknown, e.g. `parameters('subnetPrefix')`. */
  expression: string;
  /** What the rule wanted the value for. */
  purpose: string;
}
