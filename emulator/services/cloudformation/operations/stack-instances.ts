import type {
  CreateStackInstancesInput,
  DeleteStackInstancesInput,
  DescribeStackInstanceInput,
  ImportStacksToStackSetInput,
  ListStackInstancesInput,
  StackInstance as StackInstanceOutput,
  UpdateStackInstancesInput,
} from '@aws-sdk/client-cloudformation';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import { removeInstance } from '../stack-sets/instance-stack.ts';
import { instanceKey, type StackInstance, type StackSet } from '../stack-sets/model.ts';
import { checkCallAs, checkInstancesExist, instanceNotFound, requireStackSet, startDeployment, startOperation, targetsOf } from '../stack-sets/requests.ts';
import type { CloudFormationState } from '../state.ts';
import { listPage } from './describe.ts';
import { checkMaxResults } from './stack-sets.ts';
import type { CfnContext } from './template-input.ts';

function checkOverrides(set: StackSet, overrides: { ParameterKey?: string }[] | undefined): void {
  const known = new Set(set.parameters.map((p) => p.ParameterKey));
  const unknown = (overrides ?? []).find((p) => !known.has(p.ParameterKey));
  if (unknown) throw validationError(`Parameter overrides must be a subset of the parameters of the stack set. Parameter ${unknown.ParameterKey} is not a stack set parameter.`);
}

/** Adds stack instances (new ones OUTDATED until the operation makes their stacks) and deploys them. */
export function createStackInstances(input: CreateStackInstancesInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  const targets = targetsOf(input);
  checkOverrides(set, input.ParameterOverrides);
  return startDeployment(ctx, set, {
    action: 'CREATE',
    targets,
    operationId: input.OperationId,
    preferences: input.OperationPreferences,
    admitted: () => {
      for (const { account, region } of targets) {
        const key = instanceKey(account, region);
        const instance = set.instances.get(key);
        if (instance) {
          if (input.ParameterOverrides) instance.parameterOverrides = input.ParameterOverrides;
          continue;
        }
        set.instances.set(key, { account, region, parameterOverrides: input.ParameterOverrides ?? [], status: 'OUTDATED', detailedStatus: 'PENDING' });
      }
    },
  });
}

/** Changes the parameter overrides of existing instances and updates their stacks. */
export function updateStackInstances(input: UpdateStackInstancesInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  const targets = targetsOf(input);
  checkOverrides(set, input.ParameterOverrides);
  checkInstancesExist(set, targets);
  return startDeployment(ctx, set, {
    action: 'UPDATE',
    targets,
    operationId: input.OperationId,
    preferences: input.OperationPreferences,
    admitted: () => {
      if (!input.ParameterOverrides) return;
      for (const t of targets) set.instances.get(instanceKey(t.account, t.region))!.parameterOverrides = input.ParameterOverrides;
    },
  });
}

/** Deletes the instances' stacks (or, with RetainStacks, lets them go from the stack set as they are). */
export function deleteStackInstances(input: DeleteStackInstancesInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  if (input.RetainStacks === undefined) throw validationError("1 validation error detected: Value null at 'retainStacks' failed to satisfy constraint: Member must not be null");
  const targets = targetsOf(input).filter((t) => set.instances.has(instanceKey(t.account, t.region)));
  const retain = input.RetainStacks;
  return startOperation(ctx, set, { action: 'DELETE', targets, operationId: input.OperationId, preferences: input.OperationPreferences, retainStacks: retain }, (instance, caller) =>
    removeInstance(ctx.emulator, instance, caller, retain),
  );
}

/**
 * Brings existing stacks of the target accounts into the stack set: each becomes an instance and is updated to the
 * stack set's template and parameters.
 */
export function importStacksToStackSet(input: ImportStacksToStackSetInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  if (input.OrganizationalUnitIds?.length) throw validationError('You must enable organizations access to operate a service managed stack set');
  if (input.StackIdsUrl !== undefined) throw validationError('StackIdsUrl is not supported for stack sets with self-managed permissions');
  const stackIds = input.StackIds ?? [];
  if (!stackIds.length) throw validationError('Either StackIds or StackIdsUrl should be specified');
  if (stackIds.length > 10) throw new AwsError('LimitExceededException', 'The number of stacks to import exceeds the limit of 10');
  const found = stackIds.map((stackId) => {
    const arn = parseArn(stackId);
    const stack = arn && ctx.emulator.state<CloudFormationState>('cloudformation', arn.accountId, arn.region).find(stackId);
    if (!arn || !stack) throw new AwsError('StackNotFoundException', `Stack with id ${stackId} does not exist`);
    const owner = [...ctx.state.stackSets.values()].find((s) => s.status === 'ACTIVE' && [...s.instances.values()].some((i) => i.stackId === stack.stackId));
    if (owner) throw new AwsError('InvalidOperationException', `Stack ${stackId} is already part of StackSet ${owner.id}`);
    return { account: arn.accountId, region: arn.region, stackId: stack.stackId };
  });
  const taken = found.find((t) => set.instances.has(instanceKey(t.account, t.region)));
  if (taken) throw new AwsError('InvalidOperationException', `StackSet ${set.id} already has a stack instance in account ${taken.account} and region ${taken.region}`);
  return startDeployment(ctx, set, {
    action: 'CREATE',
    targets: found,
    operationId: input.OperationId,
    preferences: input.OperationPreferences,
    admitted: () => {
      for (const t of found) set.instances.set(instanceKey(t.account, t.region), { ...t, parameterOverrides: [], status: 'OUTDATED', detailedStatus: 'PENDING' });
    },
  });
}

function describeInstance(set: StackSet, instance: StackInstance): StackInstanceOutput {
  return {
    StackSetId: set.id,
    Region: instance.region,
    Account: instance.account,
    StackId: instance.stackId,
    ParameterOverrides: instance.parameterOverrides,
    Status: instance.status as never,
    StackInstanceStatus: { DetailedStatus: instance.detailedStatus as never },
    StatusReason: instance.statusReason,
    DriftStatus: instance.drift?.status ?? 'NOT_CHECKED',
    LastDriftCheckTimestamp: instance.drift?.timestamp,
    LastOperationId: instance.lastOperationId,
  };
}

export function describeStackInstance(input: DescribeStackInstanceInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  const instance = set.instances.get(instanceKey(input.StackInstanceAccount ?? '', input.StackInstanceRegion ?? ''));
  if (!instance) throw instanceNotFound(set, input.StackInstanceAccount ?? '', input.StackInstanceRegion ?? '');
  return { StackInstance: describeInstance(set, instance) };
}

const FILTERS: Record<string, (instance: StackInstance, value: string) => boolean> = {
  DETAILED_STATUS: (i, v) => i.detailedStatus === v,
  LAST_OPERATION_ID: (i, v) => i.lastOperationId === v,
  DRIFT_STATUS: (i, v) => (i.drift?.status ?? 'NOT_CHECKED') === v,
};

export function listStackInstances(input: ListStackInstancesInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  const size = checkMaxResults(input.MaxResults);
  const filters = input.Filters ?? [];
  for (const filter of filters) {
    if (!Object.hasOwn(FILTERS, filter.Name ?? '')) {
      throw validationError(`1 validation error detected: Value '${filter.Name}' at 'filters.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [DETAILED_STATUS, LAST_OPERATION_ID, DRIFT_STATUS]`);
    }
  }
  const instances = [...set.instances.values()].filter(
    (i) =>
      (input.StackInstanceAccount === undefined || i.account === input.StackInstanceAccount) &&
      (input.StackInstanceRegion === undefined || i.region === input.StackInstanceRegion) &&
      filters.every((f) => FILTERS[f.Name!](i, f.Values ?? '')),
  );
  return listPage('Summaries', instances, input.NextToken, size, (i) => {
    const { ParameterOverrides: _overrides, ...summary } = describeInstance(set, i);
    return summary;
  });
}
