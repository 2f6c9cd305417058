import { Unknown, symConcat, symKey, symSplit, type SymString } from './symbolic.js';

/**
 * Canonical entity keys. Every entity in the model has a key built from its ARM type and its name
 * segments: `microsoft.network/virtualnetworks/subnets|vnet1/default` (lower-cased; unknown pieces
 * written `{expr}`). A reference (a subnet id on an app, an NSG id on a subnet) is resolved to the
 * same key, so references link whichever file or format declared the target.
 * Terraform resources map to the ARM type they create (see sources/terraform).
 */
export function entityKey(type: string, nameSegments: readonly SymString[]): string {
  return `${type.toLowerCase()}|${nameSegments.map(symKey).join('/')}`;
}

/** The ARM type of a key (lower-cased). */
export function keyType(key: string): string {
  return key.slice(0, key.indexOf('|'));
}

/**
 * Parses an ARM resource id (possibly symbolic) into its full type and name segments:
 * `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`
 * → { type: 'Microsoft.Network/virtualNetworks/subnets', names: ['v', 's'] }.
 * Returns undefined when the id has no `providers` segment in a known piece.
 * Only the last `providers` segment counts (extension resources).
 */
export function parseResourceId(id: SymString): { type: string; names: SymString[] } | undefined {
  const segs = symSplit(id, '/').filter((s) => s !== '');
  let p = -1;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    if (typeof s === 'string' && s.toLowerCase() === 'providers') {
      p = i;
      break;
    }
  }
  if (p < 0 || p + 1 >= segs.length) return undefined;
  const ns = segs[p + 1];
  if (typeof ns !== 'string') return undefined;
  const rest = segs.slice(p + 2);
  const typeParts: string[] = [ns];
  const names: SymString[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) {
    const t = rest[i];
    if (typeof t !== 'string') return undefined;
    typeParts.push(t);
    names.push(rest[i + 1]!);
  }
  if (names.length === 0) return undefined;
  return { type: typeParts.join('/'), names };
}

/** Key of the resource an ARM id names, or undefined when the id can't be parsed. */
export function idToKey(id: SymString): string | undefined {
  const r = parseResourceId(id);
  return r ? entityKey(r.type, r.names) : undefined;
}

const SUBSCRIPTION_ID = new Unknown('subscription().subscriptionid', 'deployment scope');
const RESOURCE_GROUP_NAME = new Unknown('resourcegroup().name', 'deployment scope');

/**
 * Builds the ARM resource id of a resource in the deployment's resource group, as `resourceId()`
 * returns it; the subscription id and resource group name stay unknown pieces.
 */
export function resourceIdOf(type: string, names: readonly SymString[]): SymString {
  const [ns, ...types] = type.split('/');
  const pieces: SymString[] = ['/subscriptions/', SUBSCRIPTION_ID, '/resourceGroups/', RESOURCE_GROUP_NAME, `/providers/${ns}`];
  types.forEach((t, i) => {
    pieces.push(`/${t}/`);
    pieces.push(names[i] ?? '');
  });
  return symConcat(pieces);
}

/** The last name segment of a key, for messages about a reference whose target isn't declared (lower-cased, as keys are). */
export function keyName(key: string): string {
  const names = key.slice(key.indexOf('|') + 1);
  return names.slice(names.lastIndexOf('/') + 1);
}
