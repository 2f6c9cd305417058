import type { Node } from 'web-tree-sitter';
import { resourceIdOf } from '../../model/keys.js';
import type { RObject } from '../../model/resolved-resource.js';
import { Unknown, callExpr, type SymString } from '../../model/symbolic.js';
import { fromRNode, getMember, isEvalObject, type EvalObject, type EvalValue } from '../eval-value.js';
import { accessIndex, accessMember } from '../functions/index.js';

/**
 * Values of the Bicep evaluator: template values (`EvalValue`) plus the symbolic references Bicep
 * has and ARM expressions don't — a resource (`vnet`), a resource loop (`vnets`), a module, a
 * path under a resource (`vnet.properties.subnets`) and a lambda. They turn into plain values
 * (`toEval`) wherever a template function or an object literal needs one.
 */

/** One evaluated resource instance (one per loop iteration). */
export interface ResourceInstance {
  /** Full ARM type without API version. */
  type: string;
  apiVersion: string;
  names: SymString[];
  /** The declared `name` value (the last segment for a child declared with a parent). */
  nameValue: EvalValue;
  existing: boolean;
  /** Builds (once) and returns the body; undefined while it is being built (a reference cycle). */
  body(): RObject | undefined;
}

/** A resource symbol, e.g. `vnet` or `vnets[0]`. */
export class ResourceRef {
  constructor(readonly inst: ResourceInstance) {}
}

/** A looped resource or module symbol (`[for ...]`): its instances in order. */
export class RefList {
  constructor(readonly items: (ResourceRef | ModuleRef)[]) {}
}

/** A module instance: its deployment name and its outputs (evaluated lazily). */
export class ModuleRef {
  constructor(
    readonly name: EvalValue,
    /** Returns the outputs object, or an Unknown for registry/unresolved modules. */
    readonly outputs: () => EvalValue,
  ) {}
}

/** A path under a resource (`vnet.properties.subnets[0]`): the declared value, if any. */
export class ResourcePath {
  constructor(
    readonly inst: ResourceInstance,
    readonly path: readonly (string | number)[],
    readonly value: EvalValue | undefined,
  ) {}
}

/** A lambda (`x => x.name`), applied by `map`, `filter`, ... */
export class Lambda {
  constructor(
    readonly params: string[],
    readonly body: Node,
    readonly locals: Locals | undefined,
  ) {}
}

/** A value of the Bicep evaluator. */
export type BVal = EvalValue | ResourceRef | RefList | ModuleRef | ResourcePath | Lambda;

/** Loop variables and lambda parameters in scope. */
export type Locals = ReadonlyMap<string, BVal>;

/** The resource id of an instance, as `resourceId()` builds it. */
export function instanceId(inst: ResourceInstance): SymString {
  return resourceIdOf(inst.type, inst.names);
}

/**
 * The runtime value at a path under a resource: an Unknown with the ARM evaluator's canonical
 * expr, `reference(<id>)` then `.member` / `[index]` (members lower-cased). Bicep compiles
 * `x.properties.a` to `reference(id, apiVersion).a` and `x.location` to
 * `reference(id, apiVersion, 'full').location`; the ARM evaluator keys both on `reference(<id>)`.
 */
function runtimeValue(inst: ResourceInstance, path: readonly (string | number)[]): EvalValue {
  const isProps = typeof path[0] === 'string' && path[0].toLowerCase() === 'properties';
  let v: EvalValue = new Unknown(callExpr('reference', [instanceId(inst)]), 'runtime property');
  for (const p of isProps ? path.slice(1) : path) v = typeof p === 'number' ? accessIndex(v, p) : accessMember(v, p);
  return v;
}

/** Member access on a Bicep value (`x.name`). */
export function memberOf(v: BVal, name: string): BVal {
  if (v instanceof ResourceRef) {
    const inst = v.inst;
    switch (name.toLowerCase()) {
      case 'id': return instanceId(inst);
      case 'name': return inst.nameValue;
      case 'type': return inst.type;
      case 'apiversion': return inst.apiVersion;
    }
    const body = inst.body();
    const entry = body?.props.get(name.toLowerCase());
    const value = entry && !inst.existing ? fromRNode(entry.node) : undefined;
    if (name.toLowerCase() === 'properties' && isEvalObject(value)) addSubResourceIds(value, inst);
    return new ResourcePath(inst, [name], value);
  }
  if (v instanceof ResourcePath) {
    const val = v.value;
    if (val instanceof Unknown) return accessMember(val, name);
    if (isEvalObject(val)) {
      const m = getMember(val, name);
      if (m !== undefined) return new ResourcePath(v.inst, [...v.path, name], m);
      const child = childId(v, val, name);
      if (child !== undefined) return child;
    }
    return new ResourcePath(v.inst, [...v.path, name], undefined);
  }
  if (v instanceof ModuleRef) {
    if (name.toLowerCase() === 'outputs') return v.outputs();
    if (name.toLowerCase() === 'name') return v.name;
    return accessMember(toEval(v), name);
  }
  if (v instanceof RefList || v instanceof Lambda) return new Unknown(`${name}`, 'member of a resource collection');
  return accessMember(v, name);
}

/**
 * `vnet.properties.subnets[0].id`: a child resource declared inline in a collection property
 * (`properties.<collection>[i]` with a `name`) has the id of the child type
 * `<type>/<collection>` named `<names>/<item name>`, as Azure assigns it.
 */
function childId(v: ResourcePath, item: EvalObject, member: string): EvalValue | undefined {
  if (member.toLowerCase() !== 'id' || v.path.length !== 3) return undefined;
  const [props, coll, idx] = v.path;
  if (typeof props !== 'string' || props.toLowerCase() !== 'properties' || typeof coll !== 'string' || typeof idx !== 'number') return undefined;
  const n = getMember(item, 'name');
  if (typeof n !== 'string' && !(n instanceof Unknown)) return undefined;
  return resourceIdOf(`${v.inst.type}/${coll}`, [...v.inst.names, n]);
}

/**
 * Sub-resources declared inline in a collection property (a VNet's `subnets`, an NSG's
 * `securityRules`) get the id Azure gives them, `<resource id>/<collection>/<name>`, as the ARM
 * evaluator does for `reference()` results (so `first(vnet.properties.subnets).id` resolves too).
 */
function addSubResourceIds(props: EvalObject, inst: ResourceInstance): void {
  for (const [k, arr] of Object.entries(props)) {
    if (!Array.isArray(arr)) continue;
    for (const item of arr) {
      if (!isEvalObject(item) || getMember(item, 'id') !== undefined) continue;
      const n = getMember(item, 'name');
      if (typeof n === 'string' || n instanceof Unknown) item['id'] = resourceIdOf(`${inst.type}/${k}`, [...inst.names, n]);
    }
  }
}

/** Index access on a Bicep value (`x[0]`, `x['key']`). */
export function indexOf(v: BVal, index: EvalValue): BVal {
  if (v instanceof RefList) {
    if (typeof index === 'number' && v.items[index]) return v.items[index]!;
    return new Unknown(`${index instanceof Unknown ? `[${index.expr}]` : `[${String(index)}]`}`, 'index into a resource loop');
  }
  if (v instanceof ResourcePath) {
    const val = v.value;
    if (val instanceof Unknown) return accessIndex(val, index);
    if (typeof index === 'string') return memberOf(v, index);
    if (Array.isArray(val) && typeof index === 'number' && val[index] !== undefined) {
      return new ResourcePath(v.inst, [...v.path, index], val[index]);
    }
    if (index instanceof Unknown) return accessIndex(runtimeValue(v.inst, v.path), index);
    return new ResourcePath(v.inst, [...v.path, index as number], undefined);
  }
  if (v instanceof ResourceRef || v instanceof ModuleRef) {
    return typeof index === 'string' ? memberOf(v, index) : accessIndex(toEval(v), index);
  }
  if (v instanceof Lambda) return new Unknown('lambda', 'index into a lambda');
  return accessIndex(v, index);
}

/** The plain template value of a Bicep value (resource symbols become their object view). */
export function toEval(v: BVal): EvalValue {
  if (v instanceof ResourcePath) return v.value !== undefined ? v.value : runtimeValue(v.inst, v.path);
  if (v instanceof ResourceRef) return resourceView(v.inst);
  if (v instanceof RefList) return v.items.map(toEval);
  if (v instanceof ModuleRef) return { name: v.name, outputs: v.outputs() };
  if (v instanceof Lambda) return new Unknown('lambda', 'a lambda is not a value');
  return v;
}

/** The object a resource symbol stands for: `id`, `name`, `type`, `apiVersion` and its declared members. */
function resourceView(inst: ResourceInstance): EvalObject {
  const o: EvalObject = {};
  const body = inst.existing ? undefined : inst.body();
  if (body) for (const { name, node } of body.props.values()) o[name] = fromRNode(node);
  const props = getMember(o, 'properties');
  if (isEvalObject(props)) addSubResourceIds(props, inst);
  o['id'] = instanceId(inst);
  o['name'] = inst.nameValue;
  o['type'] = inst.type;
  o['apiVersion'] = inst.apiVersion;
  return o;
}
