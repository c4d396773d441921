import { AwsError } from '../../../core/errors.ts';
import type { ResourceState, ResourceType, Properties } from '../provider.ts';
import { references, resolve, type ResolvedResource } from '../template/intrinsics.ts';
import type { ParameterValue } from '../template/parameters.ts';
import type { Template, TemplateResource } from '../template/parse.ts';
import type { PendingRollback, Stack, StackResource } from '../state.ts';
import { resolveDynamicReferences } from './dynamic-references.ts';
import { dependencies, reversed, walk } from './graph.ts';
import { checkResolvable } from './plan-check.ts';
import { evaluateOutputs, publishExports } from './outputs.ts';
import { engineCaller, failureReason, isAlreadyGone, recordEvent, resourceRequest, setStatus, type Run } from './run.ts';
import { stackScope, type StackScope } from './scope.ts';
import { guardRemovals, stackPolicyDenial } from './stack-policy.ts';
import { awaitSignals, resourceSignalPolicy } from './resource-signal.ts';
import { resourceType } from './types.ts';

/** A template with the values it is deployed with. */
export interface Desired {
  template: Template;
  templateBody: string;
  parameters: ParameterValue[];
}

/** The resources a template creates under its conditions, with their dependency graph (AWS's errors when broken). */
export function plan(template: Template, scope: StackScope): { resources: Record<string, TemplateResource>; graph: Map<string, Set<string>> } {
  const resources: Record<string, TemplateResource> = {};
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Condition === undefined || scope.condition(resource.Condition)) resources[id] = resource;
  }
  // A resource its condition leaves out cannot be referred to (AWS: "Unresolved resource dependencies").
  const known = new Set<string>(['AWS::NoValue', ...scope.parameters.keys(), ...Object.keys(resources)]);
  const graph = dependencies(resources, known, scope);
  checkResolvable(template, scope, resources, known);
  return { resources, graph };
}

export function scopeFor(stack: Stack, run: Run, desired: Desired): StackScope {
  const live = (id: string): ResolvedResource | undefined => {
    const resource = stack.resources.get(id);
    if (!resource || resource.physicalId === undefined || !/_COMPLETE$/.test(resource.status) || resource.status === 'DELETE_COMPLETE') return undefined;
    return { ref: resource.ref ?? resource.physicalId, attributes: resource.attributes };
  };
  return stackScope(desired.template, { ...stack, accountId: run.accountId, region: run.region, notificationArns: stack.notificationArns }, desired.parameters, live, run.state);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a change of properties needs a new resource: a create-only property changed, or the type cannot update. */
export function needsReplacement(type: ResourceType, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  if (!type.update) return true;
  return (type.createOnly ?? []).some((name) => !same(before[name], after[name]));
}

/** Undo information for one resource changed by an update, applied in reverse on rollback. */
type Journal = PendingRollback['journal'][number];

export async function resolvedProperties(stack: Stack, run: Run, declaration: TemplateResource, scope: StackScope): Promise<Properties> {
  const properties = resolve(declaration.Properties ?? {}, scope) as Properties;
  const call = (service: string, operation: string, input: object) =>
    run.emulator.call<never>(service, operation, input, { caller: engineCaller(stack), accountId: run.accountId, region: run.region });
  return (await resolveDynamicReferences(properties, call)) as Properties;
}

export function record(stack: Stack, run: Run, id: string, declaration: TemplateResource, status: string, fields: Partial<StackResource>): StackResource {
  const previous = stack.resources.get(id);
  const resource: StackResource = {
    logicalId: id,
    type: declaration.Type,
    properties: {},
    attributes: {},
    ...previous,
    ...fields,
    status,
    updated: run.emulator.clock.date(),
    deletionPolicy: declaration.DeletionPolicy,
    updateReplacePolicy: declaration.UpdateReplacePolicy,
    metadata: fields.metadata ?? declaration.Metadata,
  };
  stack.resources.set(id, resource);
  return resource;
}

/**
 * A resource's Metadata with its intrinsics resolved, as DescribeStackResource shows it (a NoEcho parameter's value
 * too). Metadata may name resources its properties do not depend on, not made yet: it is then kept as declared.
 */
export function resolvedMetadata(declaration: TemplateResource, scope: StackScope): unknown {
  if (declaration.Metadata === undefined) return undefined;
  try {
    return resolve(declaration.Metadata, scope);
  } catch {
    return declaration.Metadata;
  }
}

export function stateFields(type: ResourceType, result: ResourceState, properties: Properties): Partial<StackResource> {
  return { physicalId: result.physicalId, attributes: result.attributes, ref: type.ref?.(result) ?? result.physicalId, properties };
}

/** Creates, updates or replaces one resource so that it matches its declaration. */
/** What one stack operation keeps while it applies resources: its undo journal, replaced resources, and whether it is stopping. */
interface Progress {
  journal: Journal[];
  replaced: StackResource[];
  /** A resource failed or the update was cancelled: resources waiting for signals stop ("Resource creation cancelled"). */
  stopping: () => boolean;
}

async function applyResource(stack: Stack, run: Run, id: string, declaration: TemplateResource, scope: StackScope, progress: Progress): Promise<void> {
  const { journal, replaced } = progress;
  const before = stack.resources.get(id);
  const exists = before && before.physicalId !== undefined && before.status !== 'DELETE_COMPLETE' && !/^CREATE_FAILED$/.test(before.status);
  // A resource new to the stack is created (CREATE_* events) even during an update.
  const phase = exists ? 'UPDATE' : 'CREATE';
  let properties: Properties | undefined;
  const metadata = resolvedMetadata(declaration, scope);
  const put = (status: string, fields: Partial<StackResource>) => record(stack, run, id, declaration, status, { metadata, ...fields });
  // After CancelUpdateStack no new resource work starts (the walk counts this one as failed, without an event).
  if (stack.cancelling) throw new AwsError('ValidationError', 'Stack update cancelled');
  try {
    const type = await resourceType(declaration.Type);
    const signalPolicy = resourceSignalPolicy(resolve(declaration.CreationPolicy ?? {}, scope));
    properties = await resolvedProperties(stack, run, declaration, scope);
    const unsupported = type.properties && Object.keys(properties).find((name) => !type.properties!.includes(name));
    if (unsupported) throw new AwsError('ValidationError', `Encountered unsupported property ${unsupported}`);
    if (exists && before.type === declaration.Type && same(before.properties, properties)) {
      put(before.status, {});
      return;
    }
    const event = (status: string, reason?: string, physicalId?: string) => recordEvent(stack, run, { logicalId: id, physicalId, type: declaration.Type, status, reason, properties });
    const request = { ...resourceRequest(stack, run, id, declaration.Type, properties), creationPolicy: declaration.CreationPolicy };
    const inPlace = exists && before.type === declaration.Type && !needsReplacement(type, before.properties, properties);
    const denial = exists ? stackPolicyDenial(stack.stackPolicyBody, id, declaration.Type, inPlace ? 'Modify' : 'Replace') : undefined;
    if (denial) throw new AwsError('ValidationError', denial);
    if (inPlace) {
      event('UPDATE_IN_PROGRESS', undefined, before.physicalId);
      journal.push({ id, before: { ...before } });
      const result = await type.update!({ ...request, physicalId: before.physicalId!, attributes: before.attributes, previous: before.properties });
      put('UPDATE_COMPLETE', stateFields(type, result, properties));
      event('UPDATE_COMPLETE', undefined, result.physicalId);
      return;
    }
    if (exists) {
      event('UPDATE_IN_PROGRESS', 'Requested update requires the creation of a new physical resource; hence creating one.', before.physicalId);
      journal.push({ id, before: { ...before } });
    } else {
      event(`${phase}_IN_PROGRESS`);
      journal.push({ id });
    }
    put(`${phase}_IN_PROGRESS`, { physicalId: exists ? before.physicalId : undefined, properties });
    // The physical id is known once the type gives it (early, or with its answer); a failure after that leaves it to delete.
    let initiated = false;
    const initiate = (physicalId: string) => {
      if (initiated) return;
      initiated = true;
      put(`${phase}_IN_PROGRESS`, { physicalId });
      event(`${phase}_IN_PROGRESS`, 'Resource creation Initiated', physicalId);
    };
    const result = await type.create({ ...request, initiated: initiate });
    initiate(result.physicalId);
    const created = put(`${phase}_IN_PROGRESS`, stateFields(type, result, properties));
    if (signalPolicy) await awaitSignals(run, created, signalPolicy, progress.stopping);
    put(`${phase}_COMPLETE`, {});
    event(`${phase}_COMPLETE`, undefined, result.physicalId);
    if (exists) replaced.push(before);
  } catch (error) {
    const reason = failureReason(error);
    const current = stack.resources.get(id);
    put(`${phase}_FAILED`, { statusReason: reason, properties: properties ?? current?.properties ?? {} });
    recordEvent(stack, run, { logicalId: id, physicalId: current?.physicalId, type: declaration.Type, status: `${phase}_FAILED`, reason, properties: properties ?? declaration.Properties });
    throw error;
  }
}

/** Deletes one resource (kept when its policy says Retain), with its events; a resource already gone counts as deleted. */
export async function deleteResource(stack: Stack, run: Run, resource: StackResource, policy = resource.deletionPolicy): Promise<void> {
  const event = (status: string, reason?: string) =>
    recordEvent(stack, run, { logicalId: resource.logicalId, physicalId: resource.physicalId, type: resource.type, status, reason, properties: resource.properties });
  if (policy === 'Retain' || policy === 'RetainExceptOnCreate') {
    event('DELETE_SKIPPED');
    return;
  }
  event('DELETE_IN_PROGRESS');
  if (resource.physicalId !== undefined) {
    try {
      const type = await resourceType(resource.type);
      const request = resourceRequest(stack, run, resource.logicalId, resource.type, resource.properties);
      await type.delete({ ...request, physicalId: resource.physicalId, attributes: resource.attributes });
    } catch (error) {
      if (!isAlreadyGone(error)) {
        const reason = failureReason(error);
        resource.status = 'DELETE_FAILED';
        resource.statusReason = reason;
        event('DELETE_FAILED', reason);
        throw error;
      }
    }
  }
  event('DELETE_COMPLETE');
}

/** Deletes resources in reverse dependency order (those of `template`'s graph first), as many at once as allowed. */
export async function deleteResources(stack: Stack, run: Run, ids: string[], template: Template): Promise<string[]> {
  const declared = template.Resources ?? {};
  const graph = new Map<string, Set<string>>();
  for (const id of ids) {
    const declaration = Object.hasOwn(declared, id) ? declared[id] : undefined;
    const dependsOn = declaration?.DependsOn === undefined ? [] : [declaration.DependsOn].flat();
    const needs = [...references(declaration?.Properties ?? {}), ...dependsOn];
    graph.set(id, new Set(needs.filter((n) => n !== id && ids.includes(n))));
  }
  const { failed } = await walk(reversed(graph), async (id) => {
    const resource = stack.resources.get(id)!;
    await deleteResource(stack, run, resource);
    resource.status = 'DELETE_COMPLETE';
    resource.updated = run.emulator.clock.date();
  });
  return failed;
}

/** Resources of the stack that exist (or may, after a failure), for deletion. */
export function liveResourceIds(stack: Stack): string[] {
  return [...stack.resources.values()].filter((r) => r.status !== 'DELETE_COMPLETE').map((r) => r.logicalId);
}

export async function rollbackCreate(stack: Stack, run: Run, reason: string, desired: Desired, onFailure: string): Promise<void> {
  if (onFailure === 'DO_NOTHING') {
    setStatus(stack, run, 'CREATE_FAILED', reason);
    return;
  }
  setStatus(stack, run, 'ROLLBACK_IN_PROGRESS', reason);
  // A stack whose creation is rolled back shows when its resources were deleted (AWS's DeletionTime).
  stack.deleted = run.emulator.clock.date();
  const failed = await deleteResources(stack, run, liveResourceIds(stack), desired.template);
  if (failed.length) {
    setStatus(stack, run, 'ROLLBACK_FAILED', `The following resource(s) failed to delete: [${failed.join(', ')}]. `);
    return;
  }
  if (onFailure === 'DELETE') {
    setStatus(stack, run, 'DELETE_IN_PROGRESS');
    setStatus(stack, run, 'DELETE_COMPLETE');
    return;
  }
  setStatus(stack, run, 'ROLLBACK_COMPLETE');
}

/**
 * Undoes a failed update's changes, newest first. When one cannot be undone the stack stops in UPDATE_ROLLBACK_FAILED
 * keeping the rest (that one included) for ContinueUpdateRollback, which may name resources to skip.
 */
export async function rollbackUpdate(stack: Stack, run: Run, reason: string | undefined, pending: PendingRollback, skip = new Set<string>()): Promise<void> {
  const { journal, previous, replaced } = pending;
  stack.pendingRollback = undefined;
  setStatus(stack, run, 'UPDATE_ROLLBACK_IN_PROGRESS', reason);
  Object.assign(stack, { template: previous.template, templateBody: previous.templateBody, parameters: previous.parameters });
  while (journal.length) {
    const { id, before } = journal[journal.length - 1];
    const now = stack.resources.get(id)!;
    if (skip.has(id)) {
      // Skipped resources are taken as rolled back (AWS marks them UPDATE_COMPLETE).
      now.status = 'UPDATE_COMPLETE';
      journal.pop();
      continue;
    }
    const declaration = previous.template.Resources?.[id] ?? { Type: now.type };
    try {
      if (!before) {
        await deleteResource(stack, run, now, 'Delete');
        stack.resources.delete(id);
      } else if (before.physicalId !== now.physicalId) {
        await deleteResource(stack, run, now, 'Delete');
        stack.resources.set(id, before);
        recordEvent(stack, run, { logicalId: id, physicalId: before.physicalId, type: before.type, status: 'UPDATE_COMPLETE' });
        replaced.splice(replaced.indexOf(before), 1);
      } else if (now.status !== 'UPDATE_FAILED' || !same(now.properties, before.properties)) {
        recordEvent(stack, run, { logicalId: id, physicalId: now.physicalId, type: now.type, status: 'UPDATE_IN_PROGRESS' });
        const type = await resourceType(now.type);
        const request = resourceRequest(stack, run, id, now.type, before.properties);
        const result = await type.update!({ ...request, physicalId: now.physicalId!, attributes: now.attributes, previous: now.properties });
        record(stack, run, id, declaration, 'UPDATE_COMPLETE', stateFields(type, result, before.properties));
        recordEvent(stack, run, { logicalId: id, physicalId: result.physicalId, type: now.type, status: 'UPDATE_COMPLETE' });
      } else {
        stack.resources.set(id, before);
      }
    } catch (error) {
      stack.pendingRollback = pending;
      setStatus(stack, run, 'UPDATE_ROLLBACK_FAILED', `The following resource(s) failed to update: [${id}]. ${failureReason(error)}`);
      return;
    }
    journal.pop();
  }
  setStatus(stack, run, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
  setStatus(stack, run, 'UPDATE_ROLLBACK_COMPLETE');
}

/**
 * Creates a stack's resources, or brings an existing stack to a new template, in dependency order and in parallel
 * where the graph allows, then its outputs and exports; rolls back on failure (unless told not to).
 */
export async function deploy(stack: Stack, run: Run, desired: Desired, options: { creating: boolean; onFailure: string }): Promise<void> {
  const { creating } = options;
  const previous: Desired = { template: stack.template, templateBody: stack.templateBody, parameters: stack.parameters };
  const previousOutputs = stack.outputs;
  const journal: Journal[] = [];
  const replaced: StackResource[] = [];
  const reasons: string[] = [];
  const scope = scopeFor(stack, run, desired);
  try {
    const { resources, graph } = plan(desired.template, scope);
    if (!creating) guardRemovals(stack, run, resources);
    Object.assign(stack, { template: desired.template, templateBody: desired.templateBody, parameters: desired.parameters });
    let failing = false;
    const progress: Progress = { journal, replaced, stopping: () => failing || Boolean(stack.cancelling) };
    const { failed } = await walk(graph, (id) =>
      applyResource(stack, run, id, resources[id], scope, progress).catch((error: unknown) => {
        failing = true;
        throw error;
      }),
    );
    if (stack.cancelling) {
      reasons.push('Stack update cancelled');
    } else if (failed.length) {
      reasons.push(`The following resource(s) failed to ${creating ? 'create' : 'update'}: [${failed.join(', ')}]. `);
    } else {
      const outputs = evaluateOutputs(desired.template, scope);
      publishExports(stack, run, outputs, scope.imports);
      stack.outputs = outputs;
      if (!creating) {
        setStatus(stack, run, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');
        const removed = [...stack.resources.values()].filter((r) => !Object.hasOwn(resources, r.logicalId) && r.status !== 'DELETE_COMPLETE');
        await deleteResources(stack, run, removed.map((r) => r.logicalId), previous.template).catch(() => []);
        for (const r of removed) stack.resources.delete(r.logicalId);
        for (const old of replaced) await deleteResource(stack, run, old, old.updateReplacePolicy).catch(() => undefined);
      }
      setStatus(stack, run, `${creating ? 'CREATE' : 'UPDATE'}_COMPLETE`);
      return;
    }
  } catch (error) {
    reasons.push(error instanceof Error && (error as { code?: string }).code === 'ValidationError' ? error.message : failureReason(error));
  }
  stack.cancelling = undefined;
  const reason = creating ? `${reasons[0]}Rollback requested by user.` : `${reasons[0]}`;
  stack.outputs = previousOutputs;
  if (creating) await rollbackCreate(stack, run, reason, desired, options.onFailure);
  else if (options.onFailure === 'DO_NOTHING') {
    stack.pendingRollback = { journal, previous, replaced };
    setStatus(stack, run, 'UPDATE_FAILED', reason);
  } else await rollbackUpdate(stack, run, reason, { journal, previous, replaced });
}
