import type { Change, ResourceChangeDetail } from '@aws-sdk/client-cloudformation';
import { resolve } from '../template/intrinsics.ts';
import type { Stack } from '../state.ts';
import { plan, scopeFor, type Desired } from './deploy.ts';
import type { Run } from './run.ts';
import { resourceType } from './types.ts';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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
      details.push({
        Target: { Attribute: 'Properties', Name: name, RequiresRecreation: createOnly.has(name) ? 'Always' : 'Never' },
        Evaluation: dynamic ? 'Dynamic' : 'Static',
        ChangeSource: dynamic ? 'ResourceReference' : 'DirectModification',
      });
    }
    if (!details.length && declaration.Type === current.type) continue;
    const replacing = declaration.Type !== current.type || details.some((d) => d.Target?.RequiresRecreation === 'Always');
    changes.push({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Modify',
        LogicalResourceId: id,
        PhysicalResourceId: current.physicalId,
        ResourceType: declaration.Type,
        Replacement: replacing ? (details.every((d) => d.Evaluation === 'Static' || d.Target?.RequiresRecreation !== 'Always') ? 'True' : 'Conditional') : 'False',
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
