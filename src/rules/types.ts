import type { RelatedLocation } from '../core/finding.js';
import type { SourceRange } from '../core/position.js';
import type { Severity } from '../core/severity.js';
import type { EntityBase } from '../model/entities.js';
import type { NetworkModel } from '../model/model.js';
import type { UnknownValue } from '../model/value.js';

/** Where the rule docs live; a finding's `helpUri` is `${DOCS_BASE_URL}/<rule id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/vnet-preflight/vnet-preflight/blob/main/docs/rules';

/** Docs page URL of a rule id (`ise/subnet-size` → …/docs/rules/ise/subnet-size.md). */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}

/** A rule's metadata (ESLint `meta`, cfn-lint `source_url`). */
export interface RuleMeta {
  /** `scenario/what`, kebab-case, stable once released (requirements.md). */
  id: string;
  /** One line, e.g. "ISE subnets are /27". */
  title: string;
  /** What the rule checks, a sentence or two. */
  description: string;
  /** Default severity; a finding may carry its own (e.g. `ise/subnet-size`: error below /27, note above). */
  severity: Severity;
  /** Seed file and section slug (`000_48580c9700d8a906.txt#create-subnets`) or URL. */
  source: string;
  /** Public page of the requirement, for the docs and SARIF. */
  sourceUrl: string;
}

/** What a rule reports: a logical location (entity + range) and the message data. */
export interface Report {
  /** Primary range: the property that is wrong, the security rule that blocks, or the resource. */
  range: SourceRange;
  /** What is wrong, with numbers, and the fix. */
  message: string;
  /** The entity the finding is about (its key feeds the fingerprint, its display the `resource`). */
  entity: EntityBase;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  related?: RelatedLocation[];
  /**
   * Data that tells this finding apart from the rule's other findings on the same entity
   * (e.g. the flow's port and direction). Feeds the fingerprint; never put line numbers here.
   */
  data?: (string | number)[];
}

export interface RuleContext {
  report(r: Report): void;
  /**
   * Reports a "could not verify" note: `value` was needed for `purpose` (e.g. "the subnet's size")
   * and could not be resolved statically. Also recorded in the run's `unknowns` list.
   */
  couldNotVerify(value: UnknownValue, entity: EntityBase, purpose: string): void;
}

/** One rule: metadata and a pure check of the model. A rule that throws becomes `internal/error`. */
export interface Rule {
  meta: RuleMeta;
  check(model: NetworkModel, ctx: RuleContext): void;
}
