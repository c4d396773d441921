import { randomUUID } from 'node:crypto';
import type {
  CreateChangeSetInput,
  DeleteChangeSetInput,
  DescribeChangeSetInput,
  ExecuteChangeSetInput,
  ListChangeSetsInput,
} from '@aws-sdk/client-cloudformation';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { computeChanges } from '../engine/changes.ts';
import { deploy } from '../engine/deploy.ts';
import { importResources } from '../engine/import.ts';
import { warmServices } from '../engine/types.ts';
import { beginOperation, endOperation, setStatus } from '../engine/run.ts';
import { validationError } from '../errors.ts';
import { describeParameters } from '../template/parameters.ts';
import type { ChangeSet } from '../state.ts';
import { listPage, page } from './describe.ts';
import { checkImport } from './import-check.ts';
import { bindFor, checkPlan, newStack, runOf } from './stack-setup.ts';
import { checkToken, checkUpdatable, desiredUpdate, launch, requireStack } from './stacks.ts';
import { checkCapabilities, checkStackName, checkTemplate, templateFrom, type CfnContext } from './template-input.ts';
import { checkResourceTypes, checkRollbackConfiguration, checkServiceRole } from './stack-request-checks.ts';

const EMPTY_REASON = "The submitted information didn't contain changes. Submit different information to create a change set.";

function notFound(name: string): AwsError {
  return new AwsError('ChangeSetNotFoundException', `ChangeSet [${name}] does not exist`);
}

/** A change set by ARN, or by name within a stack. */
export function findChangeSet(ctx: CfnContext, name: string, stackName: string | undefined): ChangeSet {
  if (name.startsWith('arn:')) {
    const found = ctx.state.changeSets.get(name);
    if (!found) throw notFound(name);
    return found;
  }
  if (!stackName) throw validationError('StackName must be specified if ChangeSetName is not specified as an ARN.');
  const stack = ctx.state.find(stackName);
  if (!stack) throw validationError(`Stack [${stackName}] does not exist`);
  // An executed change set's name may be taken again: the name then means the newer change set.
  const found = [...ctx.state.changeSets.values()].filter((c) => c.stackId === stack.stackId && c.name === name).sort((a, b) => Number(executed(a)) - Number(executed(b)))[0];
  if (!found) throw notFound(name);
  return found;
}

/** A change set that was executed (or is being): AWS lets a new change set of its stack take its name. */
function executed(c: ChangeSet): boolean {
  return c.executionStatus.startsWith('EXECUTE_');
}

export async function createChangeSet(input: CreateChangeSetInput, ctx: CfnContext) {
  // A change set for an existing stack may name it by its id; a new stack needs a name.
  const byId = typeof input.StackName === 'string' && /^arn:[-a-zA-Z0-9:/._+]*$/.test(input.StackName);
  const stackName = byId ? input.StackName! : checkStackName(input.StackName);
  const name = input.ChangeSetName ?? '';
  if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(name) || name.length > 128) {
    throw validationError(`1 validation error detected: Value '${name}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  }
  checkToken(input.ClientToken);
  const type = input.ChangeSetType ?? 'UPDATE';
  let stack = ctx.state.find(stackName);
  if (byId && !stack) throw validationError(`Stack [${stackName}] does not exist`);
  if (type === 'CREATE') {
    // AWS answers ValidationError here, not AlreadyExistsException (recorded; a deleted stack named by its id too).
    if (stack && stack.status !== 'REVIEW_IN_PROGRESS') throw validationError(`Stack [${stackName}] already exists and cannot be created again with the changeSet [${name}].`);
  } else if (type === 'UPDATE') {
    if (!stack) throw validationError(`Stack [${stackName}] does not exist`);
    if (stack.status === 'REVIEW_IN_PROGRESS') throw validationError(`Stack [${stack.stackId}] does not exist`);
    checkUpdatable(stack);
  } else if (type === 'IMPORT') {
    if (stack && stack.status !== 'REVIEW_IN_PROGRESS') checkUpdatable(stack);
  } else throw validationError(`1 validation error detected: Value '${type}' at 'changeSetType' failed to satisfy constraint: Member must satisfy enum value set: [IMPORT, UPDATE, CREATE]`);
  if (stack && [...ctx.state.changeSets.values()].some((c) => c.stackId === stack!.stackId && c.name === name && !executed(c))) {
    throw new AwsError('AlreadyExistsException', `ChangeSet [${name}] already exists`);
  }
  let desired;
  // A transform that fails (an AWS::Include of a bucket that does not exist) leaves a FAILED change set with its reason.
  let transformFailure: string | undefined;
  if (type === 'CREATE' || !stack || stack.status === 'REVIEW_IN_PROGRESS') {
    const processed = await templateFrom(input, ctx, { deferTransformFailure: 'change-set' });
    const { body, template } = processed;
    transformFailure = processed.transformFailure;
    if (!transformFailure) {
      checkTemplate(template, ctx);
      checkCapabilities(template, input.Capabilities);
    }
    const parameters = transformFailure ? [] : await bindFor(ctx, template, input.Parameters);
    desired = { template, templateBody: body, parameters };
  } else {
    ({ transformFailure, ...desired } = await desiredUpdate(stack, input, ctx, { deferTransformFailure: 'change-set' }));
  }
  checkResourceTypes(desired.template, input.ResourceTypes);
  checkRollbackConfiguration(input.RollbackConfiguration);
  await checkServiceRole(ctx, input.RoleARN);
  const fresh = !stack;
  if (!stack) {
    stack = newStack(ctx, { name: stackName, body: '{}', template: { Resources: {} }, status: 'REVIEW_IN_PROGRESS' });
    // The stack under review has no tags yet: they come with the execution (AWS's DescribeStacks shows none).
    Object.assign(stack, { notificationArns: input.NotificationARNs ?? [], roleArn: input.RoleARN });
    ctx.state.stacks.push(stack);
  }
  const run = runOf(ctx);
  const operation = beginOperation(stack, run, 'CREATE_CHANGESET');
  if (fresh) setStatus(stack, run, 'REVIEW_IN_PROGRESS', 'User Initiated');
  if (!transformFailure) {
    checkPlan(ctx, stack, desired.template, desired.parameters);
    warmServices(desired.template, ctx.emulator);
  }
  const imports = type === 'IMPORT' ? await checkImport(desired.template, input.ResourcesToImport, stack.status === 'REVIEW_IN_PROGRESS' ? undefined : stack) : undefined;
  const id = buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `changeSet/${name}/${randomUUID()}` });
  const changeSet: ChangeSet = {
    id,
    name,
    stackId: stack.stackId,
    stackName: stack.stackName,
    type,
    status: 'CREATE_PENDING',
    executionStatus: 'UNAVAILABLE',
    created: ctx.emulator.clock.date(),
    description: input.Description,
    templateBody: desired.templateBody,
    template: desired.template,
    parameters: desired.parameters,
    capabilities: input.Capabilities ?? [],
    tags: input.Tags ?? stack.tags,
    notificationArns: input.NotificationARNs ?? stack.notificationArns,
    roleArn: input.RoleARN ?? stack.roleArn,
    changes: [],
    includeNestedStacks: input.IncludeNestedStacks,
    clientToken: input.ClientToken,
    resourcesToImport: imports && input.ResourcesToImport,
  };
  ctx.state.changeSets.set(id, changeSet);
  operation.changeSetId = id;
  const target = stack;
  // AWS computes the changes in the background; they are ready here when the answer leaves, so waiters see them at once.
  await (async () => {
    changeSet.status = 'CREATE_IN_PROGRESS';
    if (transformFailure) {
      Object.assign(changeSet, { status: 'FAILED', statusReason: transformFailure });
      return;
    }
    try {
      if (imports) changeSet.changes = imports;
      else ({ changes: changeSet.changes, withValues: changeSet.changesWithValues } = await computeChanges(target, run, desired));
      const unchanged =
        type === 'UPDATE' &&
        !changeSet.changes.length &&
        JSON.stringify(desired.template.Outputs ?? {}) === JSON.stringify(target.template.Outputs ?? {}) &&
        JSON.stringify(desired.parameters) === JSON.stringify(target.parameters) &&
        JSON.stringify(changeSet.tags) === JSON.stringify(target.tags);
      if (unchanged) {
        Object.assign(changeSet, { status: 'FAILED', statusReason: EMPTY_REASON });
        return;
      }
      Object.assign(changeSet, { status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' });
    } catch (error) {
      Object.assign(changeSet, { status: 'FAILED', statusReason: error instanceof Error ? error.message : String(error) });
    }
  })();
  endOperation(run, changeSet.status === 'CREATE_COMPLETE' ? 'SUCCEEDED' : 'FAILED');
  return { Id: id, StackId: stack.stackId };
}

export function describeChangeSet(input: DescribeChangeSetInput, ctx: CfnContext) {
  const c = findChangeSet(ctx, input.ChangeSetName ?? '', input.StackName);
  const { items, next } = page(input.IncludePropertyValues ? (c.changesWithValues ?? c.changes) : c.changes, input.NextToken, 1000);
  return {
    ChangeSetName: c.name,
    ChangeSetId: c.id,
    StackId: c.stackId,
    StackName: c.stackName,
    Description: c.description,
    Parameters: c.parameters.length ? describeParameters(c.parameters) : undefined,
    CreationTime: c.created,
    ExecutionStatus: c.executionStatus as never,
    Status: c.status as never,
    StatusReason: c.statusReason,
    NotificationARNs: c.notificationArns,
    RollbackConfiguration: {},
    Capabilities: c.capabilities as never,
    Tags: c.tags.length ? c.tags : undefined,
    Changes: items,
    NextToken: next,
    IncludeNestedStacks: c.includeNestedStacks ?? false,
  };
}

export async function executeChangeSet(input: ExecuteChangeSetInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  const c = findChangeSet(ctx, input.ChangeSetName ?? '', input.StackName);
  // A change set that failed to be created is refused by its status, another by its execution status.
  if (c.status !== 'CREATE_COMPLETE') throw new AwsError('InvalidChangeSetStatusException', `ChangeSet [${c.id}] cannot be executed in its current status of [${c.status}]`);
  if (c.executionStatus !== 'AVAILABLE') {
    throw new AwsError('InvalidChangeSetStatusException', `ChangeSet [${c.id}] cannot be executed in its current execution status of [${c.executionStatus}]`);
  }
  const stack = requireStack(ctx, c.stackId);
  const creating = stack.status === 'REVIEW_IN_PROGRESS';
  const run = runOf(ctx, input.ClientRequestToken);
  beginOperation(stack, run, creating ? 'CREATE_STACK' : 'UPDATE_STACK', c.id);
  c.executionStatus = 'EXECUTE_IN_PROGRESS';
  Object.assign(stack, {
    description: c.template.Description,
    capabilities: c.capabilities,
    tags: c.tags,
    notificationArns: c.notificationArns,
    roleArn: c.roleArn,
    changeSetId: c.id,
    disableRollback: input.DisableRollback ?? false,
    // A stack made by a change set shows when it was last updated from the start (the snapshots of AWS do).
    updated: ctx.emulator.clock.date(),
  });
  if (c.resourcesToImport) {
    setStatus(stack, run, 'IMPORT_IN_PROGRESS', 'User Initiated');
    await launch(ctx, stack.stackId, async () => {
      await importResources(stack, run, { template: c.template, templateBody: c.templateBody, parameters: c.parameters }, c.resourcesToImport!);
      c.executionStatus = stack.status === 'IMPORT_COMPLETE' ? 'EXECUTE_COMPLETE' : 'EXECUTE_FAILED';
      for (const other of [...ctx.state.changeSets.values()]) if (other.stackId === stack.stackId && other !== c) ctx.state.changeSets.delete(other.id);
    });
    return {};
  }
  setStatus(stack, run, creating ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS', 'User Initiated');
  const onFailure = input.DisableRollback ? 'DO_NOTHING' : 'ROLLBACK';
  await launch(ctx, stack.stackId, async () => {
    await deploy(stack, run, { template: c.template, templateBody: c.templateBody, parameters: c.parameters }, { creating, onFailure });
    c.executionStatus = /_COMPLETE$/.test(stack.status) && !/ROLLBACK/.test(stack.status) ? 'EXECUTE_COMPLETE' : 'EXECUTE_FAILED';
    // Executing a change set removes the stack's other change sets, as on AWS.
    for (const other of [...ctx.state.changeSets.values()]) if (other.stackId === stack.stackId && other !== c) ctx.state.changeSets.delete(other.id);
  });
  return {};
}

export function deleteChangeSet(input: DeleteChangeSetInput, ctx: CfnContext) {
  let c: ChangeSet;
  try {
    c = findChangeSet(ctx, input.ChangeSetName ?? '', input.StackName);
  } catch (error) {
    // Deleting a change set by name succeeds while its stack exists, whether the change set does or not (the CDK
    // CLI deletes `cdk-deploy-change-set` before every deploy and relies on it).
    if (error instanceof AwsError && error.code === 'ChangeSetNotFoundException' && !input.ChangeSetName?.startsWith('arn:')) return {};
    throw error;
  }
  if (c.executionStatus === 'EXECUTE_IN_PROGRESS') {
    throw new AwsError('InvalidChangeSetStatusException', `Cannot delete ChangeSet ${c.id} while it is in ${c.executionStatus} status`);
  }
  ctx.state.changeSets.delete(c.id);
  return {};
}

export function listChangeSets(input: ListChangeSetsInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  // AWS drops a stack's executed change sets from the list (its recording of test_list_change_sets).
  const all = [...ctx.state.changeSets.values()].filter((c) => c.stackId === stack.stackId && !executed(c));
  return listPage('Summaries', all, input.NextToken, 100, (c) => ({
    StackId: c.stackId,
    StackName: c.stackName,
    ChangeSetId: c.id,
    ChangeSetName: c.name,
    ExecutionStatus: c.executionStatus as never,
    Status: c.status as never,
    StatusReason: c.statusReason,
    CreationTime: c.created,
    Description: c.description,
    IncludeNestedStacks: c.includeNestedStacks ?? false,
  }));
}
