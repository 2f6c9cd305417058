import type { App } from '../entities.js';
import { entityKey, keyType } from '../keys.js';
import type { RNode, ResolvedResource } from '../resolved-resource.js';
import { anyTrue, at, boolValue, numValue, present, refValue, strValue, symOf, unknownOf } from '../rnode-values.js';
import type { UnknownValue, Value } from '../value.js';
import { known } from '../value.js';
import { T, baseOf, parentsOf, bodyOf, namesOf, type MapOutput } from './context.js';
import { parentNames } from './network.js';

/**
 * Web apps, function apps and Standard logic apps (`Microsoft.Web/sites`, `…/sites/slots`) and the
 * child resources that configure their regional VNet integration (seed 004 *Configuration
 * routing*, *Network routing*; requirements.md "Apps and plans").
 * Not integrations: `ipSecurityRestrictions[].vnetSubnetResourceId` (access restrictions) and
 * `virtualNetworkSubnetId` of other services' VNet rules — only the site's own property counts.
 */

/** App settings that turn VNet routing features on (seed 004 *Configuration routing*). */
const ROUTE_ALL = 'website_vnet_route_all';
const CONTENT_SHARE = 'website_contentovervnet';
const IMAGE_PULL = 'website_pull_image_over_vnet';

/** App settings by lower-case name; `unknown` when some names can't be read (any setting may be it). */
interface Settings {
  byName: Map<string, Value<boolean>>;
  unknown?: UnknownValue;
}

function setting(s: Settings, name: string): Value<boolean> | undefined {
  return s.byName.get(name) ?? s.unknown;
}

/** An app setting's value as a flag: `1` / `true` (any case) → true, other text → false. */
function settingFlag(node: RNode | undefined): Value<boolean> | undefined {
  if (!present(node)) return undefined;
  if (node.kind === 'scalar') {
    const v = node.value;
    if (typeof v === 'boolean') return known(v, node.range);
    if (typeof v === 'number') return known(v === 1, node.range);
    const s = String(v).trim().toLowerCase();
    return known(s === '1' || s === 'true', node.range);
  }
  return unknownOf(node, 'an app setting value');
}

/** `siteConfig.appSettings`: an array of `{ name, value }`. */
function settingsFromArray(node: RNode | undefined): Settings {
  const s: Settings = { byName: new Map() };
  if (!present(node)) return s;
  if (node.kind !== 'array') {
    s.unknown = unknownOf(node, 'an array of app settings');
    return s;
  }
  for (const item of node.items) {
    const name = symOf(at(item, 'name'));
    if (typeof name === 'string') {
      const v = settingFlag(at(item, 'value'));
      if (v) s.byName.set(name.toLowerCase(), v);
    } else if (present(item)) s.unknown ??= unknownOf(at(item, 'name') ?? item, 'an app setting name');
  }
  return s;
}

/** A `config/appsettings` child's `properties`: a map of name → value. */
function settingsFromMap(node: RNode | undefined): Settings {
  const s: Settings = { byName: new Map() };
  if (!present(node)) return s;
  if (node.kind !== 'object') {
    s.unknown = unknownOf(node, 'an object of app settings');
    return s;
  }
  for (const [lname, { node: v }] of node.props) {
    const f = settingFlag(v);
    if (f) s.byName.set(lname, f);
  }
  return s;
}

/** `windowsFxVersion` set (non-empty) → a Windows container app. */
function windowsFx(node: RNode | undefined): Value<boolean> | undefined {
  const v = strValue(node);
  if (!v || !v.known) return v;
  return known(v.value.trim() !== '', v.range);
}

function addIntegration(app: App, v: Value<string> | undefined): void {
  if (!v) return;
  const dup = app.integrations.some((x) => (x.known && v.known ? x.value === v.value : !x.known && !v.known && x.unknown.expr === v.unknown.expr));
  if (!dup) app.integrations.push(v);
}

/** Applies web-config-shaped properties (site `properties`, `siteConfig`, a `config/web` child) and settings. */
function applyFlags(app: App, cfg: RNode | undefined, settings: Settings): void {
  app.routeAll = anyTrue([app.routeAll, boolValue(at(cfg, 'vnetRouteAllEnabled')), setting(settings, ROUTE_ALL)]);
  app.contentShare = anyTrue([app.contentShare, boolValue(at(cfg, 'vnetContentShareEnabled')), setting(settings, CONTENT_SHARE)]);
  app.imagePull = anyTrue([app.imagePull, boolValue(at(cfg, 'vnetImagePullEnabled')), setting(settings, IMAGE_PULL)]);
  const wc = windowsFx(at(cfg, 'windowsFxVersion'));
  if (wc) app.windowsContainer = anyTrue([app.windowsContainer, wc]);
  // Private ports feature (seed 004 *Network routing*): a count above 0 wins over an earlier 0/unknown.
  const pp = numValue(at(cfg, 'vnetPrivatePortsCount'));
  if (pp && (!app.privatePorts || (pp.known && pp.value > 0))) app.privatePorts = pp;
}

/** `Microsoft.Web/sites` or `Microsoft.Web/sites/slots`; an `existing` one keeps its identity (plan, kind, location unknown). */
export function mapApp(r: ResolvedResource, out: MapOutput, isSlot: boolean): void {
  const body = bodyOf(r);
  const props = at(body, 'properties');
  const siteConfig = at(props, 'siteConfig');
  const app: App = {
    ...baseOf(r, isSlot ? T.slot : T.site),
    kind: 'app',
    location: strValue(at(body, 'location')),
    appKind: strValue(at(body, 'kind')),
    isSlot,
    plan: refValue(at(props, 'serverFarmId')),
    integrations: [],
  };
  if (r.existing) {
    // Known by name only: no integration or routing flag of its own in this template (child
    // resources such as a `networkConfig` with this parent still attach to it).
    out.entities.push(app);
    return;
  }
  const empty: Settings = { byName: new Map() };
  // Site properties, then the newer `outboundVnetRouting` object, then siteConfig and its app settings.
  applyFlags(app, props, empty);
  const routing = at(props, 'outboundVnetRouting');
  app.routeAll = anyTrue([app.routeAll, boolValue(at(routing, 'allTraffic'))]);
  app.contentShare = anyTrue([app.contentShare, boolValue(at(routing, 'contentShareTraffic'))]);
  app.imagePull = anyTrue([app.imagePull, boolValue(at(routing, 'imagePullTraffic'))]);
  applyFlags(app, siteConfig, settingsFromArray(at(siteConfig, 'appSettings')));
  // `kind: 'app,container,windows'` is how the portal writes a Windows container app.
  const k = app.appKind;
  if (k?.known && /container/i.test(k.value) && /windows/i.test(k.value)) app.windowsContainer = anyTrue([app.windowsContainer, known(true, k.range)]);
  addIntegration(app, refValue(at(props, 'virtualNetworkSubnetId')));
  out.entities.push(app);
  if (isSlot && !app.plan && !r.existing) {
    // A slot without its own `serverFarmId` runs on its site's plan.
    const siteKey = entityKey(T.site, parentNames(namesOf(r)));
    out.links.push((index) => {
      const site = parentsOf(index, siteKey, 'app', r.scope).find((e) => e.plan);
      if (site && !app.plan) app.plan = site.plan;
    });
  }
}

/** Key of the app a `sites/<child>` or `sites/slots/<child>` resource belongs to. */
function parentAppKey(r: ResolvedResource): string {
  const lower = r.type.toLowerCase();
  const parentType = lower.startsWith('microsoft.web/sites/slots/') ? T.slot : T.site;
  return entityKey(parentType, parentNames(namesOf(r)));
}

function eachParentApp(r: ResolvedResource, out: MapOutput, f: (app: App) => void): void {
  if (r.existing) return;
  const key = parentAppKey(r);
  out.links.push((index) => {
    for (const e of parentsOf(index, key, 'app', r.scope)) f(e);
  });
}

/** `sites/config` children: `appsettings` (a map of settings) and `web` (site config). */
export function mapAppConfig(r: ResolvedResource, out: MapOutput): void {
  const names = namesOf(r);
  const last = names[names.length - 1];
  if (typeof last !== 'string') return;
  const props = at(bodyOf(r), 'properties');
  const name = last.toLowerCase();
  if (name === 'appsettings') {
    const s = settingsFromMap(props);
    eachParentApp(r, out, (app) => applyFlags(app, undefined, s));
  } else if (name === 'web') {
    eachParentApp(r, out, (app) => applyFlags(app, props, { byName: new Map() }));
  }
}

/** `sites/networkConfig` (`virtualNetwork`): `properties.subnetResourceId` is a regional VNet integration. */
export function mapNetworkConfig(r: ResolvedResource, out: MapOutput): void {
  const v = refValue(at(bodyOf(r), 'properties', 'subnetResourceId'));
  eachParentApp(r, out, (app) => addIntegration(app, v));
}

/**
 * `sites/virtualNetworkConnections`: a regional (swift) integration when `vnetResourceId` is a
 * subnet id; a VNet id is the older gateway-required integration, which uses no subnet of its own.
 */
export function mapVnetConnection(r: ResolvedResource, out: MapOutput): void {
  const v = refValue(at(bodyOf(r), 'properties', 'vnetResourceId'));
  if (v?.known && keyType(v.value) !== T.subnet.toLowerCase()) return;
  eachParentApp(r, out, (app) => addIntegration(app, v));
}
