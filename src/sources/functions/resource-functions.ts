import { resourceIdOf } from '../../model/keys.js';
import { Unknown, symConcat, symSplit, type SymString } from '../../model/symbolic.js';
import type { EvalObject, EvalValue } from '../eval-value.js';
import type { FunctionEnv, TemplateFunction } from './types.js';
import { TemplateFunctionError, unknownCall } from './util.js';

/**
 * Resource and scope template functions
 * (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource,
 * .../template-functions-scope, .../template-functions-deployment). Ids keep unknown name
 * pieces symbolic (see model/keys.ts `resourceIdOf`), so an id built here links to the entity
 * declared with the same names. Scope values (`resourceGroup().location`, ...) are Unknowns.
 */
export const resourceFunctions: Record<string, TemplateFunction> = {
  resourceid: { minArgs: 2, maxArgs: Infinity, unknownAware: true, call: resourceId },
  subscriptionresourceid: { minArgs: 2, maxArgs: Infinity, unknownAware: true, call: subscriptionResourceId },
  tenantresourceid: { minArgs: 2, maxArgs: Infinity, unknownAware: true, call: tenantResourceId },
  extensionresourceid: { minArgs: 3, maxArgs: Infinity, unknownAware: true, call: extensionResourceId },
  managementgroupresourceid: { minArgs: 2, maxArgs: Infinity, unknownAware: true, call: (args) => unknownCall('managementGroupResourceId', args, 'management group scope') },
  resourcegroup: { minArgs: 0, maxArgs: 0, unknownAware: true, call: (_a, env) => env.resourceGroup ?? scopeObject('resourcegroup()', ['id', 'name', 'location', 'type', 'tags', 'managedBy', 'properties']) },
  subscription: { minArgs: 0, maxArgs: 0, unknownAware: true, call: (_a, env) => env.subscription ?? scopeObject('subscription()', ['id', 'subscriptionId', 'tenantId', 'displayName']) },
  tenant: { minArgs: 0, maxArgs: 0, unknownAware: true, call: (_a, env) => env.tenant ?? scopeObject('tenant()', ['countryCode', 'displayName', 'id', 'tenantId']) },
  deployment: { minArgs: 0, maxArgs: 0, unknownAware: true, call: (_a, env) => env.deployment ?? scopeObject('deployment()', ['name', 'location', 'properties']) },
  managementgroup: { minArgs: 0, maxArgs: 1, unknownAware: true, call: (args) => new Unknown(`managementgroup(${args.length ? '…' : ''})`, 'management group scope') },
  environment: { minArgs: 0, maxArgs: 0, unknownAware: true, call: (_a, env: FunctionEnv) => env.environment ?? new Unknown('environment()', 'deployment environment') },
  reference: { minArgs: 1, maxArgs: 3, unknownAware: true, call: (args) => unknownCall('reference', args, 'runtime property') },
  pickzones: { minArgs: 3, maxArgs: 5, unknownAware: true, call: (args) => unknownCall('pickZones', args, 'depends on the region') },
  providers: { minArgs: 1, maxArgs: 2, unknownAware: true, call: (args) => unknownCall('providers', args, 'runtime value') },
};

/** An object whose members are Unknowns `<prefix>.<member lower-cased>`. */
function scopeObject(prefix: string, members: string[]): EvalObject {
  const o: EvalObject = {};
  for (const m of members) o[m] = new Unknown(`${prefix}.${m.toLowerCase()}`, 'deployment scope');
  return o;
}

/** Name-argument pieces: numbers as text; `a/b` in one argument split into two names. */
function names(args: EvalValue[]): SymString[] | undefined {
  const out: SymString[] = [];
  for (const a of args) {
    if (typeof a === 'string' || a instanceof Unknown) out.push(...symSplit(a, '/'));
    else if (typeof a === 'number') out.push(String(a));
    else return undefined;
  }
  return out;
}

function typeIndex(args: EvalValue[], maxPrefix: number): number {
  for (let i = 0; i <= Math.min(maxPrefix, args.length - 1); i++) {
    const a = args[i];
    if (typeof a === 'string' && a.includes('/')) return i;
    if (a instanceof Unknown && !a.parts) continue;
    if (typeof a !== 'string') return -1;
  }
  return -1;
}

function typePath(type: string, ns: SymString[]): SymString[] {
  const [provider, ...types] = type.split('/');
  const pieces: SymString[] = [`/providers/${provider}`];
  types.forEach((t, i) => pieces.push(`/${t}/`, ns[i] ?? ''));
  return pieces;
}

function resourceId(args: EvalValue[]): EvalValue {
  const t = typeIndex(args, 2);
  const ns = t < 0 ? undefined : names(args.slice(t + 1));
  if (t < 0 || !ns) return unknownCall('resourceId', args);
  const type = args[t] as string;
  if (t === 0) return resourceIdOf(type, ns);
  const sub: SymString = t === 2 ? (args[0] as SymString) : new Unknown('subscription().subscriptionid', 'deployment scope');
  const rg = args[t - 1] as SymString;
  return symConcat(['/subscriptions/', sub, '/resourceGroups/', rg, ...typePath(type, ns)]);
}

function subscriptionResourceId(args: EvalValue[]): EvalValue {
  const t = typeIndex(args, 1);
  const ns = t < 0 ? undefined : names(args.slice(t + 1));
  if (t < 0 || !ns) return unknownCall('subscriptionResourceId', args);
  const sub: SymString = t === 1 ? (args[0] as SymString) : new Unknown('subscription().subscriptionid', 'deployment scope');
  return symConcat(['/subscriptions/', sub, ...typePath(args[t] as string, ns)]);
}

function tenantResourceId(args: EvalValue[]): EvalValue {
  const ns = names(args.slice(1));
  if (typeof args[0] !== 'string' || !ns) return unknownCall('tenantResourceId', args);
  return symConcat(typePath(args[0], ns));
}

function extensionResourceId(args: EvalValue[]): EvalValue {
  const [base, type, ...rest] = args;
  const ns = names(rest);
  if (typeof type !== 'string' || !ns || !(typeof base === 'string' || base instanceof Unknown)) {
    if (typeof type === 'string' && base !== null && typeof base === 'object' && !(base instanceof Unknown)) {
      throw new TemplateFunctionError('extensionResourceId: the resource id must be a string');
    }
    return unknownCall('extensionResourceId', args);
  }
  return symConcat([base, ...typePath(type, ns)]);
}

