import { randomUUID } from 'node:crypto';
import type {
  CreateStackSetInput,
  DeleteStackSetInput,
  DescribeStackSetInput,
  ListStackSetsInput,
  Parameter,
  StackSet as StackSetOutput,
  UpdateStackSetInput,
} from '@aws-sdk/client-cloudformation';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import { driftDetails } from '../stack-sets/drift.ts';
import { instanceKey, type StackSet } from '../stack-sets/model.ts';
import { adminRoleArn, DEFAULT_EXECUTION_ROLE } from '../stack-sets/roles.ts';
import { checkCallAs, checkInstancesExist, checkPermissionModel, findStackSet, requireStackSet, stackSetNotFound, startDeployment, targetsOf } from '../stack-sets/requests.ts';
import { listPage } from './describe.ts';
import { checkToken, requireStack } from './stacks.ts';
import { checkAutoExpand, checkCapabilities, checkTemplate, templateFrom, type CfnContext } from './template-input.ts';
import { parseTemplate } from '../template/parse.ts';
import { declaredTransforms } from '../transforms/index.ts';

function checkStackSetName(name: unknown): string {
  if (typeof name !== 'string' || !name) throw validationError("1 validation error detected: Value null at 'stackSetName' failed to satisfy constraint: Member must not be null");
  if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(name) || name.length > 128) {
    throw validationError(`1 validation error detected: Value '${name}' at 'stackSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`);
  }
  return name;
}

function checkExecutionRoleName(name: string | undefined): void {
  if (name !== undefined && !/^[a-zA-Z_0-9+=,.@-]{1,64}$/.test(name)) {
    throw validationError(`1 validation error detected: Value '${name}' at 'executionRoleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z_0-9+=,.@-]+`);
  }
}

function checkTags(tags: { Key?: string }[] | undefined): void {
  if ((tags?.length ?? 0) > 50) throw validationError("1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
}

/** The template a stack set is given (TemplateBody, TemplateURL, or the template of an existing stack), checked. */
async function stackSetTemplate(input: { TemplateBody?: string; TemplateURL?: string; StackId?: string; Capabilities?: string[] }, ctx: CfnContext): Promise<string> {
  let body: string;
  let transforms: string[];
  if (input.StackId !== undefined) {
    if (input.TemplateBody !== undefined || input.TemplateURL !== undefined) throw validationError('Specify exactly one of TemplateBody, TemplateUrl or StackId.');
    body = requireStack(ctx, input.StackId).templateBody;
    transforms = declaredTransforms(parseTemplate(body));
    checkTemplate(parseTemplate(body), ctx);
  } else {
    const given = await templateFrom(input, ctx);
    checkTemplate(given.template, ctx);
    checkCapabilities(given.template, input.Capabilities);
    ({ body, transforms } = given);
  }
  checkAutoExpand(transforms, input.Capabilities);
  return body;
}

/** Parameters as the stack set keeps them: the given values, or (UsePreviousValue) the ones it had. */
function parametersFrom(given: Parameter[] | undefined, previous: Parameter[]): Parameter[] {
  return (given ?? []).map((p) => ({
    ParameterKey: p.ParameterKey,
    ParameterValue: p.UsePreviousValue ? previous.find((q) => q.ParameterKey === p.ParameterKey)?.ParameterValue : p.ParameterValue,
  }));
}

export async function createStackSet(input: CreateStackSetInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const name = checkStackSetName(input.StackSetName);
  checkToken(input.ClientRequestToken);
  const existing = findStackSet(ctx, name);
  if (existing) {
    if (input.ClientRequestToken && existing.clientToken === input.ClientRequestToken) return { StackSetId: existing.id };
    throw new AwsError('NameAlreadyExistsException', `StackSet ${name} already exists`);
  }
  checkPermissionModel(input.PermissionModel);
  checkExecutionRoleName(input.ExecutionRoleName);
  checkTags(input.Tags);
  const body = await stackSetTemplate(input, ctx);
  const id = `${name}:${randomUUID()}`;
  const set: StackSet = {
    name,
    id,
    arn: buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `stackset/${id}` }),
    description: input.Description ?? parseTemplate(body).Description,
    status: 'ACTIVE',
    templateBody: body,
    parameters: parametersFrom(input.Parameters, []),
    capabilities: input.Capabilities ?? [],
    tags: input.Tags ?? [],
    permissionModel: 'SELF_MANAGED',
    adminRoleArn: adminRoleArn(input.AdministrationRoleARN, ctx.accountId, ctx.region),
    executionRoleName: input.ExecutionRoleName ?? DEFAULT_EXECUTION_ROLE,
    managedExecution: { Active: input.ManagedExecution?.Active ?? false },
    clientToken: input.ClientRequestToken,
    instances: new Map(),
    operations: [],
  };
  ctx.state.stackSets.set(id, set);
  return { StackSetId: id };
}

/**
 * Changes the stack set and brings its instances to it (all of them, or those of the Accounts and Regions given; the
 * others are then OUTDATED), in one UPDATE operation.
 */
export async function updateStackSet(input: UpdateStackSetInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = requireStackSet(ctx, input.StackSetName);
  checkPermissionModel(input.PermissionModel);
  checkExecutionRoleName(input.ExecutionRoleName);
  checkTags(input.Tags);
  const capabilities = input.Capabilities ?? [];
  let body = set.templateBody;
  if (input.UsePreviousTemplate) {
    if (input.TemplateBody !== undefined || input.TemplateURL !== undefined) throw validationError('Specify exactly one of TemplateBody, TemplateUrl or UsePreviousTemplate.');
    const template = parseTemplate(body);
    checkCapabilities(template, capabilities);
    checkAutoExpand(declaredTransforms(template), capabilities);
  } else {
    body = await stackSetTemplate({ ...input, Capabilities: capabilities }, ctx);
  }
  const partial = input.Accounts !== undefined || input.DeploymentTargets !== undefined;
  const targets = partial
    ? targetsOf(input)
    : [...set.instances.values()].filter((i) => i.status !== 'INOPERABLE').map((i) => ({ account: i.account, region: i.region }));
  checkInstancesExist(set, targets);
  return startDeployment(ctx, set, {
    action: 'UPDATE',
    targets,
    operationId: input.OperationId,
    preferences: input.OperationPreferences,
    admitted: () => {
      Object.assign(set, {
        templateBody: body,
        description: input.Description ?? set.description,
        parameters: parametersFrom(input.Parameters, set.parameters),
        capabilities,
        tags: input.Tags ?? set.tags,
        adminRoleArn: input.AdministrationRoleARN ?? set.adminRoleArn,
        executionRoleName: input.ExecutionRoleName ?? set.executionRoleName,
        managedExecution: input.ManagedExecution ? { Active: input.ManagedExecution.Active ?? false } : set.managedExecution,
      });
      const updating = new Set(targets.map((t) => instanceKey(t.account, t.region)));
      for (const [key, instance] of set.instances) if (!updating.has(key)) instance.status = 'OUTDATED';
    },
  });
}

export function deleteStackSet(input: DeleteStackSetInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = findStackSet(ctx, input.StackSetName);
  if (!set || set.status === 'DELETED') return {};
  if (set.operations.some((o) => o.status === 'RUNNING' || o.status === 'QUEUED' || o.status === 'STOPPING')) {
    throw new AwsError('OperationInProgressException', `Another Operation on StackSet ${set.arn} is in progress`);
  }
  if (set.instances.size) throw new AwsError('StackSetNotEmptyException', `StackSet ${set.name} is not empty`);
  set.status = 'DELETED';
  return {};
}

function describe(set: StackSet): StackSetOutput {
  return {
    StackSetName: set.name,
    StackSetId: set.id,
    Description: set.description,
    Status: set.status,
    TemplateBody: set.templateBody,
    Parameters: set.parameters,
    Capabilities: set.capabilities as never,
    Tags: set.tags,
    StackSetARN: set.arn,
    AdministrationRoleARN: set.adminRoleArn,
    ExecutionRoleName: set.executionRoleName,
    StackSetDriftDetectionDetails: driftDetails(set),
    PermissionModel: set.permissionModel,
    ManagedExecution: set.managedExecution,
    Regions: [...new Set([...set.instances.values()].map((i) => i.region))],
  };
}

export function describeStackSet(input: DescribeStackSetInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const set = findStackSet(ctx, input.StackSetName);
  if (!set) throw stackSetNotFound(input.StackSetName);
  return { StackSet: describe(set) };
}

export function checkMaxResults(max: number | undefined): number {
  if (max === undefined) return 100;
  if (max < 1 || max > 100) throw validationError(`1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value ${max < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`);
  return max;
}

export function listStackSets(input: ListStackSetsInput, ctx: CfnContext) {
  checkCallAs(input.CallAs);
  const size = checkMaxResults(input.MaxResults);
  const sets = [...ctx.state.stackSets.values()].filter((s) => input.Status === undefined || s.status === input.Status);
  return listPage('Summaries', sets, input.NextToken, size, (s) => ({
    StackSetName: s.name,
    StackSetId: s.id,
    Description: s.description,
    Status: s.status,
    PermissionModel: s.permissionModel,
    DriftStatus: driftDetails(s).DriftStatus,
    LastDriftCheckTimestamp: driftDetails(s).LastDriftCheckTimestamp,
    ManagedExecution: s.managedExecution,
  }));
}

