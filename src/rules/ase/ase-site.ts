import { keyName } from '../../model/keys.js';
import type { AppServiceEnvironment, Subnet } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import type { RuleContext } from '../types.js';
import { nameOf } from '../shared/subnet-facts.js';

/** ASE generations the rules tell apart (ARM `kind` `ASEV1` | `ASEV2` | `ASEV3`). */
export type AseVersion = 1 | 2 | 3;

/** An ASE with its generation and its subnet, when both are known and the subnet is in the model. */
export interface AseSite {
  ase: AppServiceEnvironment;
  version: AseVersion;
  /** True when the ARM `kind` was not written (Azure then creates an ASEv1). */
  kindOmitted: boolean;
  subnet: Subnet;
}

/**
 * The ASE's generation from its `kind` (case-insensitive `ASEV1`/`ASEV2`/`ASEV3`).
 * An omitted `kind` is ASEv1: `Microsoft.Web/hostingEnvironments` without `kind` creates a
 * v1 environment (the v2 and v3 templates must say `ASEV2`/`ASEV3`). Returns `'unknown'` when the
 * value can't be resolved or is not one of the three (then the caller reports "could not verify").
 */
export function aseVersion(ase: AppServiceEnvironment): AseVersion | 'unknown' {
  if (!ase.aseKind) return 1;
  if (!ase.aseKind.known) return 'unknown';
  const k = String(ase.aseKind.value).trim().toUpperCase();
  return k === 'ASEV1' ? 1 : k === 'ASEV2' ? 2 : k === 'ASEV3' ? 3 : 'unknown';
}

/** "App Service Environment 'name'" for messages. */
export function aseText(ase: AppServiceEnvironment): string {
  return `App Service Environment '${nameOf(ase)}'`;
}

/** "subnet 'name'" for messages. */
export function subnetText(s: Subnet): string {
  return `subnet '${nameOf(s)}'`;
}

/**
 * Every ASE of the model whose generation is in `versions` and whose subnet is declared in the
 * model. ASEs whose `kind` is unknown are skipped (`ase/retired` reports them); an unknown subnet
 * reference is reported with `ctx.couldNotVerify(…, purpose)` only when `reportUnknownSubnet` is
 * set (one rule, `ase/subnet-size`, does it, so one unknown yields one note, not one per rule).
 * A subnet reference to a subnet not in the model is skipped (nothing to check).
 * Source: seed 003 (v1/v2), ASEv3 networking doc (v3).
 */
export function aseSites(
  model: NetworkModel,
  ctx: RuleContext,
  versions: readonly AseVersion[],
  purpose: string,
  reportUnknownSubnet = false,
): AseSite[] {
  const out: AseSite[] = [];
  for (const ase of model.all('ase')) {
    const version = aseVersion(ase);
    if (version === 'unknown' || ase.existing) continue;
    if (!versions.includes(version)) continue;
    if (!ase.subnet) continue;
    if (!ase.subnet.known) {
      if (reportUnknownSubnet) ctx.couldNotVerify(ase.subnet, ase, `the ASE's subnet, needed for ${purpose}`);
      continue;
    }
    const subnet = model.resolve('subnet', ase.subnet, ase);
    if (!subnet || subnet.existing) {
      // Unknown is not false: a subnet the checked files don't declare can't be checked either.
      if (reportUnknownSubnet) {
        ctx.report({
          range: ase.subnet.range,
          entity: ase,
          severity: 'note',
          message: `Could not verify the ASE's subnet '${keyName(ase.subnet.value)}', needed for ${purpose}: it is not declared in the checked files${subnet?.existing ? ' (only referenced as existing)' : ''}. Check the folder that deploys it too.`,
          data: ['subnet-not-declared'],
        });
      }
      continue;
    }
    out.push({ ase, version, kindOmitted: !ase.aseKind, subnet });
  }
  return out;
}

/** True when the ASE is an External ASE (`internalLoadBalancingMode` `None` or not written); undefined when unknown. */
export function isExternalAse(ase: AppServiceEnvironment): boolean | undefined {
  const m = ase.internalLoadBalancingMode;
  if (!m) return true;
  if (!m.known) return undefined;
  const v = String(m.value).trim().toLowerCase();
  return v === '' || v === 'none' || v === '0';
}

