import { randomUUID } from 'node:crypto';
import type { DeploymentTargets, StackSetOperationPreferences } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import { launch } from '../operations/stacks.ts';
import type { CfnContext } from '../operations/template-input.ts';
import { instanceKey, type StackSet, type StackSetOperation } from './model.ts';
import { deployInstance } from './instance-stack.ts';
import { runOperation, type InstanceWork, type Target } from './operation.ts';

/** A stack set by name (a live one) or by id (`name:uuid`, deleted ones too). */
export function findStackSet(ctx: CfnContext, nameOrId: string | undefined): StackSet | undefined {
  if (!nameOrId) return undefined;
  const byId = ctx.state.stackSets.get(nameOrId);
  if (byId) return byId;
  return [...ctx.state.stackSets.values()].find((s) => s.name === nameOrId && s.status === 'ACTIVE');
}

export function stackSetNotFound(nameOrId: string | undefined): AwsError {
  return new AwsError('StackSetNotFoundException', `StackSet ${nameOrId ?? ''} not found`);
}

export function instanceNotFound(set: StackSet, account: string, region: string): AwsError {
  return new AwsError('StackInstanceNotFoundException', `StackInstance ${account}/${region} not found in StackSet ${set.id}`);
}

/** StackInstanceNotFoundException unless every target has an instance. */
export function checkInstancesExist(set: StackSet, targets: Target[]): void {
  const missing = targets.find((t) => !set.instances.has(instanceKey(t.account, t.region)));
  if (missing) throw instanceNotFound(set, missing.account, missing.region);
}

/** A live stack set, or StackSetNotFoundException (AWS's wording). */
export function requireStackSet(ctx: CfnContext, nameOrId: string | undefined): StackSet {
  const set = findStackSet(ctx, nameOrId);
  if (!set || set.status !== 'ACTIVE') throw stackSetNotFound(nameOrId);
  return set;
}

/** Delegated administrators are accounts an organization registered: without AWS Organizations there are none. */
export function checkCallAs(callAs: string | undefined): void {
  if (callAs === 'DELEGATED_ADMIN') throw validationError('Account used is not a delegated administrator');
  if (callAs !== undefined && callAs !== 'SELF') {
    throw validationError(`1 validation error detected: Value '${callAs}' at 'callAs' failed to satisfy constraint: Member must satisfy enum value set: [SELF, DELEGATED_ADMIN]`);
  }
}

/** Service-managed stack sets deploy to an organization's accounts: without AWS Organizations, AWS refuses them. */
export function checkPermissionModel(model: string | undefined): void {
  if (model === 'SERVICE_MANAGED') throw validationError('You must enable organizations access to operate a service managed stack set');
  if (model !== undefined && model !== 'SELF_MANAGED') {
    throw validationError(`1 validation error detected: Value '${model}' at 'permissionModel' failed to satisfy constraint: Member must satisfy enum value set: [SERVICE_MANAGED, SELF_MANAGED]`);
  }
}

function checkOperationId(id: string | undefined): void {
  if (id !== undefined && !/^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$/.test(id)) {
    throw validationError(`1 validation error detected: Value '${id}' at 'operationId' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9][-a-zA-Z0-9]*`);
  }
}

function checkPreferences(preferences: StackSetOperationPreferences | undefined): void {
  if (!preferences) return;
  const { FailureToleranceCount, FailureTolerancePercentage, MaxConcurrentCount, MaxConcurrentPercentage } = preferences;
  if (FailureToleranceCount !== undefined && FailureTolerancePercentage !== undefined) {
    throw validationError('FailureToleranceCount and FailureTolerancePercentage cannot both be specified');
  }
  if (MaxConcurrentCount !== undefined && MaxConcurrentPercentage !== undefined) throw validationError('MaxConcurrentCount and MaxConcurrentPercentage cannot both be specified');
  if (MaxConcurrentCount !== undefined && MaxConcurrentCount < 1) throw validationError(`1 validation error detected: Value '${MaxConcurrentCount}' at 'operationPreferences.maxConcurrentCount' failed to satisfy constraint: Member must have value greater than or equal to 1`);
}

/** The accounts x regions a request names (self-managed: `Accounts`, or `DeploymentTargets.Accounts`). */
export function targetsOf(input: { Accounts?: string[]; DeploymentTargets?: DeploymentTargets; Regions?: string[] }): Target[] {
  if (input.Accounts && input.DeploymentTargets) throw validationError('Accounts and DeploymentTargets cannot both be specified');
  if (input.DeploymentTargets?.OrganizationalUnitIds?.length) throw validationError('You must enable organizations access to operate a service managed stack set');
  const accounts = input.Accounts ?? input.DeploymentTargets?.Accounts;
  if (!accounts?.length) throw validationError('Either Accounts or DeploymentTargets should be specified');
  const bad = accounts.find((a) => !/^[0-9]{12}$/.test(a));
  if (bad !== undefined) throw validationError(`1 validation error detected: Value '[${accounts.join(', ')}]' at 'accounts' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: ^[0-9]{12}$]`);
  const regions = input.Regions ?? [];
  if (!regions.length) throw validationError("1 validation error detected: Value null at 'regions' failed to satisfy constraint: Member must not be null");
  return [...new Set(regions)].flatMap((region) => [...new Set(accounts)].map((account) => ({ account, region })));
}

const ACTIVE_OPERATION = new Set(['RUNNING', 'STOPPING', 'QUEUED']);

/**
 * Starts an operation of a stack set over its targets (each must have an instance) and answers its id. An operation
 * id seen before answers that operation again (AWS's idempotency); while another operation runs, a new one waits in
 * the queue with managed execution, or is refused without it.
 */
interface OperationRequest {
  action: StackSetOperation['action'];
  targets: Target[];
  operationId?: string;
  preferences?: StackSetOperationPreferences;
  retainStacks?: boolean;
  /** Changes the request makes once the operation is admitted (and before it runs). */
  admitted?: () => void;
}

export async function startOperation(ctx: CfnContext, set: StackSet, request: OperationRequest, work: InstanceWork): Promise<{ OperationId: string }> {
  checkOperationId(request.operationId);
  checkPreferences(request.preferences);
  const seen = request.operationId ? set.operations.find((o) => o.id === request.operationId) : undefined;
  if (seen) {
    if (seen.action === request.action) return { OperationId: seen.id };
    throw new AwsError('OperationIdAlreadyExistsException', `The operation ID ${request.operationId} already exists`);
  }
  const busy = set.operations.some((o) => ACTIVE_OPERATION.has(o.status));
  if (busy && !set.managedExecution.Active) throw new AwsError('OperationInProgressException', `Another Operation on StackSet ${set.arn} is in progress`);
  const op: StackSetOperation = {
    id: request.operationId ?? randomUUID(),
    action: request.action,
    status: busy ? 'QUEUED' : 'RUNNING',
    preferences: request.preferences ?? { FailureToleranceCount: 0, MaxConcurrentCount: 1, RegionOrder: [] },
    retainStacks: request.retainStacks,
    adminRoleArn: set.adminRoleArn,
    executionRoleName: set.executionRoleName,
    created: ctx.emulator.clock.date(),
    results: new Map(request.targets.map((t) => [instanceKey(t.account, t.region), { account: t.account, region: t.region, status: 'PENDING' }])),
  };
  request.admitted?.();
  for (const t of request.action === 'DETECT_DRIFT' ? [] : request.targets) {
    const instance = set.instances.get(instanceKey(t.account, t.region));
    if (instance) Object.assign(instance, { detailedStatus: 'PENDING', lastOperationId: op.id });
  }
  set.operations.unshift(op);
  const previous = ctx.state.running.get(set.id);
  await launch(ctx, set.id, async () => {
    await previous;
    await runOperation(ctx.emulator, set, op, ctx.accountId, work);
  });
  return { OperationId: op.id };
}

/** Starts an operation that brings the targets' stacks to the stack set's template and parameters. */
export function startDeployment(ctx: CfnContext, set: StackSet, request: OperationRequest): Promise<{ OperationId: string }> {
  return startOperation(ctx, set, request, (instance, caller) => deployInstance(ctx.emulator, set, instance, caller));
}
