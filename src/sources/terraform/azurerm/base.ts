import type { EntityBase } from '../../../model/entities.js';
import { entityKey } from '../../../model/keys.js';
import { at, nameText, nameValue } from '../../../model/rnode-values.js';
import type { RObject } from '../../../model/resolved-resource.js';
import type { SymString } from '../../../model/symbolic.js';
import type { TfResourceInstance } from '../instance.js';
import { resourceIdentity } from './identity.js';

/** The common fields of an entity mapped from a Terraform resource instance, or undefined when the type maps to no ARM resource. */
export function entityBase(inst: TfResourceInstance): Omit<EntityBase, never> | undefined {
  const ident = resourceIdentity(inst.type, inst.body);
  if (!ident) return undefined;
  return childBase(inst, ident.armType, ident.names, inst.body);
}

/** Entity fields for an ARM resource written inside a Terraform resource (inline `subnet`, `security_rule`, `route` blocks). */
export function childBase(inst: TfResourceInstance, armType: string, names: SymString[], node: RObject): EntityBase {
  const last = names[names.length - 1]!;
  const nameNode = at(node, 'name');
  return {
    key: entityKey(armType, names),
    type: armType,
    sourceType: inst.type,
    name: nameValue(last, nameNode?.range ?? node.range),
    display: `${armType}/${nameText(last)}`,
    range: node.range,
    format: 'terraform',
    scope: inst.scope,
    existing: inst.mode === 'data' ? true : undefined,
  };
}
