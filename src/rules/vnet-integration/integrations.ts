import type { App, AppServicePlan, AutoscaleSetting, Subnet, VirtualNetwork } from '../../model/entities.js';
import type { NetworkModel } from '../../model/model.js';
import type { UnknownValue, Value } from '../../model/value.js';

/**
 * Who uses regional VNet integration, grouped the ways the vnet-integration rules need it
 * (seed 004_e9cc4b29cfa7aaa9.txt, *How virtual network integration works*: apps of a plan mount
 * virtual interfaces in the delegated integration subnet).
 */

/** One integration reference of one app: `virtualNetworkSubnetId`, a `networkConfig` child or a swift connection. */
export interface IntegrationUse {
  app: App;
  /** The subnet reference as written (range = the property that names the subnet). */
  ref: Value<string>;
  /** The subnet, when the reference resolves in the model. */
  subnet?: Subnet;
  /** The app's plan, when its reference resolves in the model. */
  plan?: AppServicePlan;
}

/** An integration subnet of the model and every integration that names it. */
export interface IntegratedSubnet {
  subnet: Subnet;
  vnet?: VirtualNetwork;
  /** Every integration reference to this subnet (an app may name it twice: site property + networkConfig). */
  uses: IntegrationUse[];
  /** Distinct apps integrated with it, in model order. */
  apps: App[];
  /** Distinct resolved plans of those apps. */
  plans: AppServicePlan[];
  /** Distinct plan keys of those apps (resolved or not; unknown plan references excluded). */
  planKeys: string[];
}

const usesCache = new WeakMap<NetworkModel, IntegrationUse[]>();
const subnetsCache = new WeakMap<NetworkModel, IntegratedSubnet[]>();

/**
 * The plan an app runs on: its `serverFarmId`, or for a slot that names none, its parent site's plan
 * (a slot runs on the site's plan). Undefined when the reference is unknown or not in the model.
 */
export function planOfApp(model: NetworkModel, app: App): AppServicePlan | undefined {
  const p = model.resolve('plan', app.plan, app);
  if (p || !app.isSlot || app.plan) return p;
  const bar = app.key.indexOf('|');
  const siteName = app.key.slice(bar + 1).split('/')[0];
  if (bar < 0 || !siteName) return undefined;
  const parent = model.get('app', `microsoft.web/sites|${siteName}`, app);
  return parent && parent !== app ? model.resolve('plan', parent.plan, parent) : undefined;
}

/** Every integration reference of every app (slots included), in model order. */
export function integrationUses(model: NetworkModel): IntegrationUse[] {
  const cached = usesCache.get(model);
  if (cached) return cached;
  const out: IntegrationUse[] = [];
  for (const app of model.all('app')) {
    const plan = planOfApp(model, app);
    for (const ref of app.integrations) {
      out.push({ app, ref, subnet: model.resolve('subnet', ref, app), plan });
    }
  }
  usesCache.set(model, out);
  return out;
}

/** The integration subnets that resolve in the model, each with its apps and plans, in first-use order. */
export function integratedSubnets(model: NetworkModel): IntegratedSubnet[] {
  const cached = subnetsCache.get(model);
  if (cached) return cached;
  const bySubnet = new Map<Subnet, IntegratedSubnet>();
  for (const use of integrationUses(model)) {
    if (!use.subnet) continue;
    let e = bySubnet.get(use.subnet);
    if (!e) {
      e = { subnet: use.subnet, vnet: model.vnetOf(use.subnet), uses: [], apps: [], plans: [], planKeys: [] };
      bySubnet.set(use.subnet, e);
    }
    e.uses.push(use);
    if (!e.apps.includes(use.app)) e.apps.push(use.app);
    if (use.plan && !e.plans.includes(use.plan)) e.plans.push(use.plan);
    const pk = use.plan?.key ?? (use.app.plan?.known ? use.app.plan.value : undefined);
    if (pk !== undefined && !e.planKeys.includes(pk)) e.planKeys.push(pk);
  }
  const out = [...bySubnet.values()];
  subnetsCache.set(model, out);
  return out;
}

/** The first integration use of each app on an integrated subnet (one per app). */
export function firstUsePerApp(s: IntegratedSubnet): IntegrationUse[] {
  const seen = new Set<App>();
  return s.uses.filter((u) => (seen.has(u.app) ? false : (seen.add(u.app), true)));
}

/** Apps of the model (slots included) that run on `plan` (see planOfApp). */
export function appsOfPlan(model: NetworkModel, plan: AppServicePlan): App[] {
  return model.all('app').filter((a) => planOfApp(model, a) === plan);
}

/** Autoscale settings whose target resolves to `plan` and that are not disabled. */
export function autoscaleOf(model: NetworkModel, plan: AppServicePlan): AutoscaleSetting[] {
  return model
    .all('autoscale')
    .filter((a) => model.resolve('plan', a.target, a) === plan && !(a.enabled?.known && a.enabled.value === false));
}

/** `true` when a boolean setting is known and on. */
export function isOn(v: Value<boolean> | undefined): boolean {
  return !!v && v.known && v.value === true;
}

/** Normalized location name: lower case without spaces (`West Europe` → `westeurope`). */
export function normalizeLocation(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

/**
 * Compares two locations case- and space-insensitively. Two unknowns with the same canonical
 * expression (e.g. both `resourcegroup().location`) are the same; otherwise an unknown side makes
 * the answer `unknown` with the values that could not be resolved.
 */
export function compareLocations(
  a: Value<string>,
  b: Value<string>,
): { result: 'same' | 'different' } | { result: 'unknown'; unknowns: UnknownValue[] } {
  if (a.known && b.known) return { result: normalizeLocation(a.value) === normalizeLocation(b.value) ? 'same' : 'different' };
  if (!a.known && !b.known && a.unknown.expr.toLowerCase() === b.unknown.expr.toLowerCase()) return { result: 'same' };
  return { result: 'unknown', unknowns: [a, b].filter((v): v is UnknownValue => !v.known) };
}

/**
 * Display name of an entity: its known name; a name with known and unknown pieces as its expression
 * (`web-{uniquestring(resourcegroup().id)}`); a wholly unknown name as `{expr}`.
 */
export function nameOf(e: { name: Value<string> }): string {
  if (e.name.known) return e.name.value;
  return e.name.unknown.parts ? e.name.unknown.expr : `{${e.name.unknown.expr}}`;
}

/** Windows-container app: the app says so, or its plan is a Windows container (`hyperV`) plan. */
export function isWindowsContainerApp(app: App, plan: AppServicePlan | undefined): boolean {
  return isOn(app.windowsContainer) || isOn(plan?.hyperV);
}

/** Related locations: where each app names the subnet (one per app). */
export function appLocations(uses: IntegrationUse[], what = 'integrates with this subnet'): { range: Value<string>['range']; message: string }[] {
  const seen = new Set<App>();
  const out: { range: Value<string>['range']; message: string }[] = [];
  for (const u of uses) {
    if (seen.has(u.app)) continue;
    seen.add(u.app);
    out.push({ range: u.ref.range, message: `App '${nameOf(u.app)}' ${what}.` });
  }
  return out;
}

/** "app 'a'" / "apps 'a', 'b'" for messages. */
export function appsText(apps: App[]): string {
  return `${apps.length === 1 ? 'app' : 'apps'} ${appNames(apps)}`;
}

/** Names of apps, quoted and comma-separated, for messages (at most `max`, then "and N more"). */
export function appNames(apps: App[], max = 3): string {
  const names = apps.slice(0, max).map((a) => `'${nameOf(a)}'`);
  const more = apps.length > max ? ` and ${apps.length - max} more` : '';
  return names.join(', ') + more;
}
