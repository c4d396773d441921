import type { Change, ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import { resolve } from '../template/intrinsics.ts';
import type { Stack } from '../state.ts';
import { plan, scopeFor, type Desired } from './deploy.ts';
import type { Run } from './run.ts';
import { resourceType } from './types.ts';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const REPLACE_POLICY: Record<string, 'ReplaceAndDelete' | 'ReplaceAndRetain' | 'ReplaceAndSnapshot'> = { Delete: 'ReplaceAndDelete', Retain: 'ReplaceAndRetain', Snapshot: 'ReplaceAndSnapshot' };

/** The template parameters a property value refers to (`Ref`) whose value the change set changes, in order. */
function changedParameters(raw: unknown, stack: Stack, desired: Desired): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const ref = (value as { Ref?: unknown }).Ref;
      if (typeof ref === 'string') found.add(ref);
      Object.values(value).forEach(visit);
    }
  };
  visit(raw);
  const valueOf = (parameters: Desired['parameters'], key: string) => parameters.find((p) => p.key === key)?.text;
  return [...found].filter((key) => Object.hasOwn(desired.template.Parameters ?? {}, key) && valueOf(desired.parameters, key) !== valueOf(stack.parameters, key));
}

/**
 * The changes a change set shows: resources to add, modify (with the properties that change, whether each forces a
 * new resource, and whether the resource is replaced) and remove.
 */
export async function computeChanges(stack: Stack, run: Run, desired: Desired): Promise<Change[]> {
  const scope = scopeFor(stack, run, desired);
  const { resources } = plan(desired.template, scope);
  const changes: Change[] = [];
  const live = new Map([...stack.resources].filter(([, r]) => r.status !== 'DELETE_COMPLETE' && r.physicalId !== undefined));
  for (const [id, declaration] of Object.entries(resources)) {
    const current = live.get(id);
    if (!current) {
      changes.push({ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: id, ResourceType: declaration.Type, Scope: [], Details: [] } });
      continue;
    }
    const type = await resourceType(declaration.Type);
    const createOnly = new Set(type.update ? (type.createOnly ?? []) : Object.keys({ ...current.properties, ...(declaration.Properties ?? {}) }));
    const details: ResourceChangeDetail[] = [];
    // Changes a parameter's new value causes come first (AWS lists them before the properties' own).
    const causes: ResourceChangeDetail[] = [];
    const names = new Set([...Object.keys(current.properties), ...Object.keys(declaration.Properties ?? {})]);
    for (const name of names) {
      const raw = declaration.Properties?.[name];
      let value: unknown;
      let dynamic = false;
      try {
        value = raw === undefined ? undefined : resolve(raw, scope);
      } catch {
        dynamic = true;
      }
      if (!dynamic && same(value, current.properties[name])) continue;
      const target = { Attribute: 'Properties' as const, Name: name, RequiresRecreation: createOnly.has(name) ? ('Always' as const) : ('Never' as const) };
      const parameters = changedParameters(raw, stack, desired);
      if (parameters.length) {
        // A property following a changed parameter: the parameter is the cause, the property changes as it evaluates.
        for (const parameter of parameters) causes.push({ Target: target, Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: parameter });
        details.push({ Target: target, Evaluation: 'Dynamic', ChangeSource: 'DirectModification' });
        continue;
      }
      details.push({ Target: target, Evaluation: dynamic ? 'Dynamic' : 'Static', ChangeSource: dynamic ? 'ResourceReference' : 'DirectModification' });
    }
    details.unshift(...causes);
    if (!details.length && declaration.Type === current.type) continue;
    const replacing = declaration.Type !== current.type || details.some((d) => d.Target?.RequiresRecreation === 'Always');
    const replacement = replacing ? (details.every((d) => d.Evaluation === 'Static' || d.ChangeSource === 'DirectModification' || d.Target?.RequiresRecreation !== 'Always') ? 'True' : 'Conditional') : 'False';
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
        Scope: ['Properties'],
        Details: details,
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
      },
    });
  }
  return changes;
}
