import type { FlowVerdict } from '../../net/flow.js';
import type { NetworkModel } from '../../model/model.js';
import { checkRequiredFlows, type RequiredFlowRow } from '../shared/required-flows.js';
import { subnetPrefix } from '../shared/subnet-facts.js';
import type { RuleContext } from '../types.js';
import type { AseSite } from './ase-site.js';
import { aseText } from './ase-site.js';
import { flowsFor, type AseFlowRow } from './ports.js';

/**
 * Checks ASE table rows (ports.ts) on the ASE subnet's NSG through the shared required-flow
 * checker: each blocked flow is reported at the security rule that blocks it (or the NSG when a
 * default rule denies it), with `site.ase` as the entity. The ASE subnet placeholder becomes the
 * subnet's IPv4 address prefix; when that prefix is unknown the check says "could not verify".
 * `purposeSuffix` is appended to each row's purpose in messages (e.g. " for ASE 'ase1'").
 * Returns the verdicts aligned with the applicable rows, or undefined when nothing was checked.
 */
export function checkAseFlows(
  model: NetworkModel,
  ctx: RuleContext,
  site: AseSite,
  rows: readonly AseFlowRow[],
): { row: AseFlowRow; verdict: FlowVerdict }[] | undefined {
  const pf = subnetPrefix(site.subnet);
  if (pf.kind === 'unknown') {
    ctx.couldNotVerify(pf.value, site.ase, `the ASE subnet's address prefix, needed to check its required flows`);
    return undefined;
  }
  if (pf.kind !== 'known') return undefined; // invalid or absent: network/prefix-invalid reports it
  const applicable = flowsFor(rows, site.version, pf.prefix.network);
  if (applicable.length === 0) return undefined;
  const reqRows: RequiredFlowRow[] = applicable.map(({ row, flow }) => ({
    purpose: `${row.purpose} of ${aseText(site.ase)}`,
    flow,
    source: row.source,
    data: row.id,
  }));
  const verdicts = checkRequiredFlows(model, ctx, { subnet: site.subnet, rows: reqRows, entity: site.ase });
  return applicable.map(({ row }, i) => ({ row, verdict: verdicts[i]! }));
}
