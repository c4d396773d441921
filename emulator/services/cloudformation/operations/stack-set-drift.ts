import type { DetectStackSetDriftInput, ListStackInstanceResourceDriftsInput, ListStackSetAutoDeploymentTargetsInput } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import { detectInstanceDrift } from '../stack-sets/drift.ts';
import { instanceKey } from '../stack-sets/model.ts';
import { checkCallAs, instanceNotFound, requireStackSet, startOperation } from '../stack-sets/requests.ts';
import { listPage } from './describe.ts';
import { checkMaxResults } from './stack-sets.ts';
import type { CfnContext } from './template-input.ts';

/** Detects drift on every instance of the stack set, in one DETECT_DRIFT operation (with the operation preferences). */
export function detectStackSetDrift(input: DetectStackSetDriftInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  const targets = [...set.instances.values()].map((i) => ({ account: i.account, region: i.region }));
  return startOperation(ctx, set, { action: 'DETECT_DRIFT', targets, operationId: input.OperationId, preferences: input.OperationPreferences }, (instance, caller, result) =>
    detectInstanceDrift(ctx.emulator, instance, caller, result),
  );
}

const DRIFT_STATUSES = new Set(['IN_SYNC', 'MODIFIED', 'DELETED', 'NOT_CHECKED']);

/** The resource drifts one drift detection operation found in one instance's stack. */
export function listStackInstanceResourceDrifts(input: ListStackInstanceResourceDriftsInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const size = checkMaxResults(input.MaxResults);
  const statuses = input.StackInstanceResourceDriftStatuses;
  const unknown = statuses?.find((s) => !DRIFT_STATUSES.has(s));
  if (unknown !== undefined) {
    throw validationError(`1 validation error detected: Value '[${statuses!.join(', ')}]' at 'stackInstanceResourceDriftStatuses' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [IN_SYNC, MODIFIED, DELETED, NOT_CHECKED]]`);
  }
  const set = requireStackSet(ctx, input.StackSetName);
  const account = input.StackInstanceAccount ?? '';
  const region = input.StackInstanceRegion ?? '';
  if (!set.instances.has(instanceKey(account, region))) throw instanceNotFound(set, account, region);
  const op = set.operations.find((o) => o.id === input.OperationId);
  if (!op) throw new AwsError('OperationNotFoundException', `Operation ${input.OperationId ?? ''} not found for StackSet ${set.id}`);
  const drifts = (op.results.get(instanceKey(account, region))?.drifts ?? []).filter((d) => !statuses?.length || statuses.includes(d.StackResourceDriftStatus!));
  return listPage('Summaries', drifts, input.NextToken, size, (d) => ({
    StackId: d.StackId,
    LogicalResourceId: d.LogicalResourceId,
    PhysicalResourceId: d.PhysicalResourceId,
    PhysicalResourceIdContext: d.PhysicalResourceIdContext,
    ResourceType: d.ResourceType,
    PropertyDifferences: d.PropertyDifferences,
    StackResourceDriftStatus: d.StackResourceDriftStatus,
    Timestamp: d.Timestamp,
  }));
}

/**
 * The organizational units a service-managed stack set deploys to automatically. Stack sets here are self-managed
 * (there is no AWS Organizations to target), so none has any.
 */
export function listStackSetAutoDeploymentTargets(input: ListStackSetAutoDeploymentTargetsInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const size = checkMaxResults(input.MaxResults);
  requireStackSet(ctx, input.StackSetName);
  return listPage('Summaries', [] as { OrganizationalUnitId?: string; Regions?: string[] }[], input.NextToken, size, (s) => s);
}
