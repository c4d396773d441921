import type { Change, ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import { getAttTarget, intrinsicOf, references, resolve, subPlaceholders } from '../template/intrinsics.ts';
import type { Stack, StackResource } from '../state.ts';
import type { TemplateResource } from '../template/parse.ts';
import type { StackScope } from './scope.ts';
import { plan, scopeFor, type Desired } from './deploy.ts';
import type { Run } from './run.ts';
import { resourceType } from './types.ts';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const REPLACE_POLICY: Record<string, 'ReplaceAndDelete' | 'ReplaceAndRetain' | 'ReplaceAndSnapshot'> = { Delete: 'ReplaceAndDelete', Retain: 'ReplaceAndRetain', Snapshot: 'ReplaceAndSnapshot' };

/** The template parameters a property value refers to (`Ref`, `Fn::Sub` placeholders) whose value the change set changes. */
function changedParameters(raw: unknown, stack: Stack, desired: Desired): string[] {
  const valueOf = (parameters: Desired['parameters'], key: string) => parameters.find((p) => p.key === key)?.text;
  return [...references(raw)].filter((key) => Object.hasOwn(desired.template.Parameters ?? {}, key) && valueOf(desired.parameters, key) !== valueOf(stack.parameters, key));
}

/** The resources a property value points at: `Ref X` (no attribute) and `Fn::GetAtt X.A`, also inside `Fn::Sub`. */
function pointers(value: unknown, found: { target: string; attribute?: string }[] = []): { target: string; attribute?: string }[] {
  if (Array.isArray(value)) value.forEach((v) => pointers(v, found));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return found;
  const fn = intrinsicOf(value);
  if (fn?.[0] === 'Ref' && typeof fn[1] === 'string') found.push({ target: fn[1] });
  else if (fn?.[0] === 'Fn::GetAtt') {
    try {
      const [target, attribute] = getAttTarget(fn[1]);
      found.push({ target, attribute });
    } catch {
      // A malformed Fn::GetAtt fails the change set elsewhere.
    }
  } else if (fn?.[0] === 'Fn::Sub') {
    const [text, variables] = Array.isArray(fn[1]) ? fn[1] : [fn[1], {}];
    if (typeof text === 'string') {
      for (const name of subPlaceholders(text)) {
        if (Object.hasOwn(variables ?? {}, name)) continue;
        const [target, ...rest] = name.split('.');
        found.push({ target, ...(rest.length ? { attribute: rest.join('.') } : {}) });
      }
    }
    pointers(variables, found);
  } else Object.values(value).forEach((v) => pointers(v, found));
  return found;
}

/** Whether a modified resource is replaced: a detail forcing recreation makes it so, or may (`Conditional`) when dynamic. */
function replacementOf(details: ResourceChangeDetail[], typeChanged: boolean): 'True' | 'False' | 'Conditional' {
  const replacing = typeChanged || details.some((d) => d.Target?.RequiresRecreation === 'Always');
  if (!replacing) return 'False';
  return details.every((d) => d.Evaluation === 'Static' || d.ChangeSource === 'DirectModification' || d.Target?.RequiresRecreation !== 'Always') ? 'True' : 'Conditional';
}

/** The parts of a resource its details change (a change of type alone changes its properties). */
function scopeOf(details: ResourceChangeDetail[]): ('Metadata' | 'Properties')[] {
  const parts = (['Metadata', 'Properties'] as const).filter((part) => details.some((d) => d.Target?.Attribute === part));
  return parts.length ? parts : ['Properties'];
}

/**
 * Changes that follow from other changes, as AWS lists them: a property pointing at a replaced resource changes with
 * it (`Ref`: ResourceReference, `Fn::GetAtt`: ResourceAttribute, both Static), one reading an attribute of a resource
 * updated in place may change (ResourceAttribute, Dynamic); a `Ref` to a resource updated in place is its unchanged id.
 * Repeated until nothing more follows, so chains of references propagate.
 */
function propagate(resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>, modified: Modified, live: Map<string, unknown>, valued: boolean): void {
  const typeChanged = (id: string) => resources[id].Type !== (live.get(id) as { type?: string } | undefined)?.type;
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, entry] of modified) {
      for (const [name, raw] of Object.entries(resources[id].Properties ?? {})) {
        for (const { target, attribute } of pointers(raw)) {
          const cause = modified.get(target);
          if (!cause || (!cause.details.length && !typeChanged(target))) continue;
          const replaced = replacementOf(cause.details, typeChanged(target)) !== 'False';
          // With property values, AWS reads an attribute of a resource updated in place as it is now: no change.
          if (!replaced && (attribute === undefined || valued)) continue;
          const entity = attribute === undefined ? target : `${target}.${attribute}`;
          if (entry.details.some((d) => d.CausingEntity === entity && d.Target?.Name === name)) continue;
          const targetOf = (): ResourceChangeDetail['Target'] => ({ Attribute: 'Properties', Name: name, RequiresRecreation: entry.createOnly.has(name) ? 'Always' : 'Never' });
          entry.details.push({
            Target: targetOf(),
            Evaluation: replaced ? 'Static' : 'Dynamic',
            ChangeSource: attribute === undefined ? 'ResourceReference' : 'ResourceAttribute',
            CausingEntity: entity,
          });
          // ...and shows the property changing as it evaluates, as for a parameter's new value.
          if (valued && !entry.details.some((d) => d.ChangeSource === 'DirectModification' && d.Target?.Name === name)) {
            entry.details.push({ Target: targetOf(), Evaluation: 'Dynamic', ChangeSource: 'DirectModification' });
          }
          grew = true;
        }
      }
    }
  }
}

/** What AWS shows (with IncludePropertyValues) for a value known only once the change set runs. */
const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}';

type Modified = Map<string, { details: ResourceChangeDetail[]; createOnly: Set<string> }>;

/**
 * A template value as the change set expects it after execution: intrinsics evaluated where they can be now, and
 * those naming a resource still to be made or replaced shown as known after apply.
 */
function afterValues(scope: StackScope, resources: Record<string, TemplateResource>, modified: Modified, live: Map<string, StackResource>): (value: unknown) => unknown {
  const typeChanged = (id: string) => resources[id]?.Type !== live.get(id)?.type;
  // Only a replaced resource's id and attributes are unknown before the change set runs (see propagate).
  const changing = ({ target }: { target: string }) => {
    const entry = modified.get(target);
    if (!entry || (!entry.details.length && !typeChanged(target))) return false;
    return replacementOf(entry.details, typeChanged(target)) !== 'False';
  };
  // A resource still to be made has no id or attributes yet either.
  const unknown = (pointer: { target: string }) => changing(pointer) || (Object.hasOwn(resources, pointer.target) && !live.has(pointer.target));
  const after = (value: unknown): unknown => {
    if (intrinsicOf(value)) {
      value = withUnknownPlaceholders(value, unknown);
      if (pointers(value).some(changing)) return KNOWN_AFTER_APPLY;
      try {
        // Wrapped, so that an AWS::NoValue leaves the value out.
        return (resolve({ value }, scope) as { value?: unknown }).value;
      } catch {
        return KNOWN_AFTER_APPLY;
      }
    }
    if (Array.isArray(value)) return value.map(after).filter((v) => v !== undefined);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, after(v)]).filter(([, v]) => v !== undefined));
    return value;
  };
  return after;
}

/**
 * A `Fn::Sub` whose text names a resource still to be made (`${Function.Arn}`) with that placeholder written as known
 * after apply, the rest substituted as usual (AWS shows a SAM API's integration URI so); a value of its variable map
 * naming one leaves the whole value unknown.
 */
function withUnknownPlaceholders(value: unknown, unknown: (pointer: { target: string }) => boolean): unknown {
  const fn = intrinsicOf(value);
  if (fn?.[0] !== 'Fn::Sub') return value;
  const [text, variables] = Array.isArray(fn[1]) ? fn[1] : [fn[1], undefined];
  if (typeof text !== 'string' || pointers(variables).some(unknown)) return value;
  const known = (name: string) => Object.hasOwn(variables ?? {}, name) || !unknown({ target: name.split('.')[0] });
  const written = text.replace(/\$\{([^!}][^}]*)\}/g, (placeholder, name: string) => (known(name.trim()) ? placeholder : KNOWN_AFTER_APPLY));
  return { 'Fn::Sub': variables === undefined ? written : [written, variables] };
}

/**
 * A removed resource's properties as AWS shows them (its BeforeContext): its declaration, with the values that came
 * from other resources of the stack shown as known after apply and other intrinsics as they evaluated.
 */
function removedValues(declared: Record<string, TemplateResource>, raw: unknown, resolved: unknown): unknown {
  if (intrinsicOf(raw)) return pointers(raw).some(({ target }) => Object.hasOwn(declared, target)) ? KNOWN_AFTER_APPLY : resolved;
  const at = (key: string | number) => (resolved && typeof resolved === 'object' ? (resolved as Record<string | number, unknown>)[key] : undefined);
  if (Array.isArray(raw)) return raw.map((v, i) => removedValues(declared, v, at(i)));
  if (raw && typeof raw === 'object') return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, removedValues(declared, v, at(k))]).filter(([, v]) => v !== undefined));
  return raw;
}

/** Each detail's before and after value, the kind of change and its path (DescribeChangeSet's IncludePropertyValues). */
function withValues(details: ResourceChangeDetail[], before: { properties: Record<string, unknown>; metadata: unknown }, after: { properties: Record<string, unknown>; metadata: unknown }): void {
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  for (const { Target: target } of details) {
    if (!target) continue;
    const metadata = target.Attribute === 'Metadata';
    const was = metadata ? before.metadata : before.properties[target.Name!];
    const will = metadata ? after.metadata : after.properties[target.Name!];
    Object.assign(target, {
      ...(was === undefined ? {} : { BeforeValue: text(was) }),
      ...(will === undefined ? {} : { AfterValue: text(will) }),
      AttributeChangeType: was === undefined ? 'Add' : will === undefined ? 'Remove' : 'Modify',
      Path: metadata ? '/Metadata' : `/Properties/${target.Name}`,
    });
  }
}

/**
 * The changes a change set shows: resources to add, modify (with the properties that change, whether each forces a
 * new resource, and whether the resource is replaced) and remove.
 */
export async function computeChanges(stack: Stack, run: Run, desired: Desired): Promise<{ changes: Change[]; withValues: Change[] }> {
  const scope = scopeFor(stack, run, desired);
  const { resources } = plan(desired.template, scope);
  const live = new Map([...stack.resources].filter(([, r]) => r.status !== 'DELETE_COMPLETE' && r.physicalId !== undefined));
  // Each existing resource's details, in template order; the list of changes is made once the details are complete.
  const modified: Modified = new Map();
  for (const [id, declaration] of Object.entries(resources)) {
    const current = live.get(id);
    if (!current) continue;
    const type = await resourceType(declaration.Type);
    const createOnly = new Set(type.update ? (type.createOnly ?? []) : Object.keys({ ...current.properties, ...(declaration.Properties ?? {}) }));
    const details: ResourceChangeDetail[] = [];
    // Changes a parameter's new value causes come first (AWS lists them before the properties' own).
    const causes: ResourceChangeDetail[] = [];
    // The resource's Metadata first, then its properties (AWS's order of details).
    const names = new Set([...Object.keys(current.properties), ...Object.keys(declaration.Properties ?? {})]);
    const compared: { target: ResourceChangeDetail['Target']; raw: unknown; was: unknown }[] = [
      ...(declaration.Metadata === undefined && current.metadata === undefined ? [] : [{ target: { Attribute: 'Metadata' as const, RequiresRecreation: 'Never' as const }, raw: declaration.Metadata, was: current.metadata }]),
      ...[...names].map((name) => ({
        target: { Attribute: 'Properties' as const, Name: name, RequiresRecreation: createOnly.has(name) ? ('Always' as const) : ('Never' as const) },
        raw: declaration.Properties?.[name],
        was: current.properties[name],
      })),
    ];
    for (const { target, raw, was } of compared) {
      let value: unknown;
      let dynamic = false;
      try {
        value = raw === undefined ? undefined : resolve(raw, scope);
      } catch {
        dynamic = true;
      }
      if (!dynamic && same(value, was)) continue;
      const parameters = changedParameters(raw, stack, desired);
      if (parameters.length) {
        // A value following a changed parameter: the parameter is the cause, the value changes as it evaluates.
        for (const parameter of parameters) causes.push({ Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: parameter });
        details.push({ Target: target, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' });
        continue;
      }
      details.push({ Target: target, Evaluation: dynamic ? 'Dynamic' : 'Static', ChangeSource: dynamic ? 'ResourceReference' : 'DirectModification' });
    }
    details.unshift(...causes);
    modified.set(id, { details, createOnly });
  }
  const view = (valued: boolean) => {
    const copy: Modified = new Map([...modified].map(([id, e]) => [id, { ...e, details: e.details.map((d) => ({ ...d, Target: { ...d.Target } })) }]));
    return listChanges(scope, resources, copy, live, valued, stack.template.Resources ?? {});
  };
  return { changes: view(false), withValues: view(true) };
}

/** The list of changes, from each existing resource's details (with before and after values when `valued`). */
function listChanges(
  scope: StackScope,
  resources: Record<string, TemplateResource>,
  modified: Modified,
  live: Map<string, StackResource>,
  valued: boolean,
  previous: Record<string, TemplateResource>,
): Change[] {
  const changes: Change[] = [];
  propagate(resources, modified, live, valued);
  const after = afterValues(scope, resources, modified, live);
  const contexts = (context: { BeforeContext?: string; AfterContext?: string }) => (valued ? context : {});
  for (const [id, declaration] of Object.entries(resources)) {
    const current = live.get(id);
    const afterContext = JSON.stringify({ Properties: after(declaration.Properties ?? {}) });
    if (!current) {
      changes.push({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: id, ResourceType: declaration.Type, Scope: [], Details: [], ...contexts({ AfterContext: afterContext }) } });
      continue;
    }
    const { details } = modified.get(id)!;
    if (!details.length && declaration.Type === current.type) continue;
    if (valued) withValues(details, { properties: current.properties, metadata: current.metadata }, { properties: after(declaration.Properties ?? {}) as Record<string, unknown>, metadata: after(declaration.Metadata) });
    const replacement = replacementOf(details, declaration.Type !== current.type);
    changes.push({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Modify',
        LogicalResourceId: id,
        PhysicalResourceId: current.physicalId,
        ResourceType: declaration.Type,
        // What happens to the replaced resource: its UpdateReplacePolicy.
        ...(replacement === 'True' ? { PolicyAction: REPLACE_POLICY[declaration.UpdateReplacePolicy ?? 'Delete'] ?? 'ReplaceAndDelete' } : {}),
        Replacement: replacement,
        Scope: scopeOf(details),
        Details: details,
        ...contexts({ BeforeContext: JSON.stringify({ Properties: current.properties }), AfterContext: afterContext }),
      },
    });
  }
  for (const [id, current] of live) {
    if (Object.hasOwn(resources, id)) continue;
    changes.push({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Remove',
        LogicalResourceId: id,
        PhysicalResourceId: current.physicalId,
        ResourceType: current.type,
        PolicyAction: current.deletionPolicy === 'Retain' ? 'Retain' : 'Delete',
        Scope: [],
        Details: [],
        ...contexts({ BeforeContext: JSON.stringify({ Properties: removedValues(previous, previous[id]?.Properties ?? {}, current.properties) }) }),
      },
    });
  }
  return changes.sort(byLogicalId);
}

/**
 * AWS lists a change set's changes by logical id, whatever their action; an id comes after the ids it begins
 * (`StagingBucketPolicy` before `StagingBucket`, as AWS lists CDK's bootstrap resources).
 */
function byLogicalId(a: Change, b: Change): number {
  const [x, y] = [a.ResourceChange?.LogicalResourceId ?? '', b.ResourceChange?.LogicalResourceId ?? ''];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x.charCodeAt(i) - y.charCodeAt(i);
  return y.length - x.length;
}
