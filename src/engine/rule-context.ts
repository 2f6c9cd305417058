import type { Finding, UnknownUse } from '../core/finding.js';
import { fingerprint } from '../core/fingerprint.js';
import type { EntityBase } from '../model/entities.js';
import type { UnknownValue } from '../model/value.js';
import type { Report, Rule, RuleContext } from '../rules/types.js';

/** What one rule's context collects while the rule runs. */
export interface RuleCollector {
  ctx: RuleContext;
  findings: Finding[];
  unknowns: UnknownUse[];
  /** Findings that are "could not verify" notes (config severity overrides don't apply to them). */
  couldNotVerify: Set<Finding>;
  /** The entity the rule last reported on: named in an `internal/error` if the rule throws. */
  lastEntity?: EntityBase;
}

/**
 * Builds the `RuleContext` given to `rule.check`: `report` turns a logical report into a Finding
 * (fingerprint from rule id + entity key + `data`; `resource` = the entity's display name);
 * `couldNotVerify` adds a note and an `unknowns` entry, once per (range, expression).
 */
export function createRuleContext(rule: Rule): RuleCollector {
  const findings: Finding[] = [];
  const unknowns: UnknownUse[] = [];
  const couldNotVerify = new Set<Finding>();
  const seenUnknown = new Set<string>();
  const col: RuleCollector = {
    findings,
    unknowns,
    couldNotVerify,
    ctx: {
      report(r: Report): void {
        col.lastEntity = r.entity;
        const f: Finding = {
          ruleId: rule.meta.id,
          severity: r.severity ?? rule.meta.severity,
          message: r.message,
          range: r.range,
          resource: r.entity.display,
          fingerprint: fingerprint(rule.meta.id, r.entity.key, ...(r.data ?? [])),
        };
        if (r.related && r.related.length > 0) f.related = r.related;
        findings.push(f);
      },
      couldNotVerify(value: UnknownValue, entity: EntityBase, purpose: string): void {
        col.lastEntity = entity;
        const expr = value.unknown.expr;
        const r = value.range;
        const k = `${r.file}\u0000${r.line}\u0000${r.column}\u0000${r.endLine}\u0000${r.endColumn}\u0000${expr}`;
        if (seenUnknown.has(k)) return;
        seenUnknown.add(k);
        const f: Finding = {
          ruleId: rule.meta.id,
          severity: 'note',
          message: couldNotVerifyMessage(purpose, expr, value.unknown.reason),
          range: r,
          resource: entity.display,
          fingerprint: fingerprint(rule.meta.id, entity.key, 'could-not-verify', purpose, expr),
        };
        findings.push(f);
        couldNotVerify.add(f);
        unknowns.push({ ruleId: rule.meta.id, file: r.file, line: r.line, column: r.column, expression: expr, purpose });
      },
    },
  };
  return col;
}

/** "Could not verify <purpose>: `<expr>` is not known before deployment (<reason>). …" */
export function couldNotVerifyMessage(purpose: string, expr: string, reason?: string): string {
  const why = reason ? ` (${reason})` : '';
  return (
    `Could not verify ${purpose}: \`${expr}\` is not known before deployment${why}. ` +
    'Give it a value (a default or a parameter file) to have it checked, or check it after deployment.'
  );
}
