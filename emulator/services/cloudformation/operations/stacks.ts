import type { CreateStackInput, DeleteStackInput, UpdateStackInput, UpdateTerminationProtectionInput } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import type { Caller } from '../../../core/service.ts';
import { deploy, type Desired } from '../engine/deploy.ts';
import { removeStack } from '../engine/remove.ts';
import { beginOperation, setStatus } from '../engine/run.ts';
import { stackNotFound, validationError } from '../errors.ts';
import type { Stack } from '../state.ts';
import { parseTemplate } from '../template/parse.ts';
import { declaredTransforms } from '../transforms/index.ts';
import { awaitedByFirstPoll } from './first-poll.ts';
import { bindFor, checkPlan, newStack, runOf } from './stack-setup.ts';
import { stackPolicyFrom } from './stack-policy.ts';
import { checkAutoExpand, checkCapabilities, checkStackName, checkTemplate, templateFrom, type CfnContext } from './template-input.ts';
import { checkResourceTypes, checkRollbackConfiguration, checkServiceRole } from './stack-request-checks.ts';

/** States a stack can be updated (or have an update change set executed) from. */
export const UPDATABLE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);

/** How long a stack operation's request waits for the operation before answering (it goes on in the background). */
const ANSWER_WITHIN_MS = 2000;

/**
 * Runs a stack's (or stack set's) operation in the background (`running` settles when it ends, under the stack's id).
 * The request's answer waits for it a little: the answer is the same, and clients whose waiters first look right away
 * (then every 5 to 30 s) find a stack of fast resources already complete; that first look waits some more
 * (first-poll.ts).
 */
export async function launch(ctx: CfnContext, id: string, work: () => Promise<void>): Promise<void> {
  const running = work().catch((error: unknown) => {
    console.error('[twinstack] cloudformation stack operation failed:', error);
  });
  ctx.state.running.set(id, running);
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([running.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS)))]);
  clearTimeout(timer);
  if (!ended) awaitedByFirstPoll(ctx.state, id, running);
}

function checkTags(tags: { Key?: string; Value?: string }[] | undefined, caller: Caller): void {
  if ((tags?.length ?? 0) > 50) throw validationError('1 validation error detected: Value at \'tags\' failed to satisfy constraint: Member must have length less than or equal to 50');
  // AWS's wording, as CreateStack answers it (quoted in aws-quickstart/quickstart-examples#39).
  if (tags?.some((tag) => isReservedTagKey(tag.Key ?? '', caller))) throw validationError('aws: prefixed tag key names are not allowed for external use.');
}

export function checkToken(token: string | undefined): void {
  if (token !== undefined && !/^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$/.test(token)) {
    throw validationError(`1 validation error detected: Value '${token}' at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9][-a-zA-Z0-9]*`);
  }
}

export async function createStack(input: CreateStackInput, ctx: CfnContext) {
  const name = checkStackName(input.StackName);
  checkToken(input.ClientRequestToken);
  const existing = ctx.state.find(name);
  if (existing) {
    if (input.ClientRequestToken && existing.lastToken?.token === input.ClientRequestToken && existing.lastToken.operation === 'CreateStack') return retried(existing);
    throw new AwsError('AlreadyExistsException', `Stack [${name}] already exists`);
  }
  checkTags(input.Tags, ctx.caller);
  const { body, template, transforms, transformFailure } = await templateFrom(input, ctx, { deferTransformFailure: true });
  if (!transformFailure) checkTemplate(template, ctx);
  checkAutoExpand(transforms, input.Capabilities);
  if (!transformFailure) {
    checkCapabilities(template, input.Capabilities);
    checkResourceTypes(template, input.ResourceTypes);
  }
  checkRollbackConfiguration(input.RollbackConfiguration);
  await checkServiceRole(ctx, input.RoleARN);
  if (input.OnFailure !== undefined && input.DisableRollback !== undefined) {
    throw validationError('You may not specify both DisableRollback and OnFailure.');
  }
  const parameters = transformFailure ? [] : await bindFor(ctx, template, input.Parameters);
  const stackPolicyBody = await stackPolicyFrom(ctx, input.StackPolicyBody, input.StackPolicyURL);
  const stack = newStack(ctx, { name, body, template, status: 'CREATE_IN_PROGRESS' });
  if (!transformFailure) checkPlan(ctx, stack, template, parameters);
  Object.assign(stack, {
    description: template.Description,
    capabilities: input.Capabilities ?? [],
    tags: input.Tags ?? [],
    notificationArns: input.NotificationARNs ?? [],
    roleArn: input.RoleARN,
    timeoutInMinutes: input.TimeoutInMinutes,
    disableRollback: input.DisableRollback ?? input.OnFailure === 'DO_NOTHING',
    terminationProtection: input.EnableTerminationProtection ?? false,
    stackPolicyBody,
    lastToken: input.ClientRequestToken ? { token: input.ClientRequestToken, operation: 'CreateStack' } : undefined,
  });
  ctx.state.stacks.push(stack);
  const run = runOf(ctx, input.ClientRequestToken);
  const operation = beginOperation(stack, run, 'CREATE_STACK');
  if (stack.lastToken) stack.lastToken.operationId = operation.id;
  setStatus(stack, run, 'CREATE_IN_PROGRESS', 'User Initiated');
  const onFailure = input.OnFailure ?? (input.DisableRollback ? 'DO_NOTHING' : 'ROLLBACK');
  if (transformFailure) {
    // As AWS records it: the stack fails before any resource, with the transform's message.
    if (onFailure === 'DO_NOTHING') setStatus(stack, run, 'CREATE_FAILED', transformFailure);
    else {
      setStatus(stack, run, 'ROLLBACK_IN_PROGRESS', `${transformFailure}. Rollback requested by user.`);
      setStatus(stack, run, 'ROLLBACK_COMPLETE');
    }
    return { StackId: stack.stackId, OperationId: operation.id };
  }
  await launch(ctx, stack.stackId, () => deploy(stack, run, { template, templateBody: body, parameters }, { creating: true, onFailure }));
  return { StackId: stack.stackId, OperationId: operation.id };
}

/** The answer to a request retried with the ClientRequestToken of the stack's last operation. */
function retried(stack: Stack) {
  return { StackId: stack.stackId, OperationId: stack.lastToken?.operationId };
}

/** A live stack by name or id, or AWS's ValidationError. */
export function requireStack(ctx: CfnContext, name: string | undefined): Stack {
  const stack = name ? ctx.state.find(name) : undefined;
  if (!stack) throw stackNotFound(name ?? '');
  return stack;
}

export function checkUpdatable(stack: Stack): void {
  if (!UPDATABLE.has(stack.status)) throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
}

/**
 * The template and parameters an update or update change set asks for (UsePreviousTemplate, UsePreviousValue); with
 * deferTransformFailure, a failing transform's message (the template then stays unprocessed and unchecked).
 */
export async function desiredUpdate(
  stack: Stack,
  input: Pick<UpdateStackInput, 'TemplateBody' | 'TemplateURL' | 'UsePreviousTemplate' | 'Parameters' | 'Capabilities'>,
  ctx: CfnContext,
  options: { deferTransformFailure?: boolean | 'change-set' } = {},
): Promise<Desired & { transforms: string[]; transformFailure?: string }> {
  let body = stack.templateBody;
  let template = stack.template;
  let transforms = input.UsePreviousTemplate ? declaredTransforms(parseTemplate(stack.templateBody)) : [];
  let transformFailure: string | undefined;
  if (input.UsePreviousTemplate) {
    if (input.TemplateBody !== undefined || input.TemplateURL !== undefined) throw validationError('Specify exactly one of TemplateBody, TemplateUrl or UsePreviousTemplate.');
  } else {
    ({ body, template, transforms, transformFailure } = await templateFrom(input, ctx, options));
  }
  if (transformFailure) return { template, templateBody: body, parameters: [], transforms, transformFailure };
  checkTemplate(template, ctx);
  checkCapabilities(template, input.Capabilities);
  const parameters = await bindFor(ctx, template, input.Parameters, stack.parameters);
  checkPlan(ctx, stack, template, parameters);
  return { template, templateBody: body, parameters, transforms };
}

export async function updateStack(input: UpdateStackInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  const stack = requireStack(ctx, input.StackName);
  if (input.ClientRequestToken && stack.lastToken?.token === input.ClientRequestToken && stack.lastToken.operation === 'UpdateStack') return retried(stack);
  checkUpdatable(stack);
  checkTags(input.Tags, ctx.caller);
  checkRollbackConfiguration(input.RollbackConfiguration);
  const desired = await desiredUpdate(stack, input, ctx);
  checkAutoExpand(desired.transforms, input.Capabilities);
  checkResourceTypes(desired.template, input.ResourceTypes);
  await checkServiceRole(ctx, input.RoleARN);
  const policy = await stackPolicyFrom(ctx, input.StackPolicyBody, input.StackPolicyURL);
  const duringUpdate = await stackPolicyFrom(ctx, input.StackPolicyDuringUpdateBody, input.StackPolicyDuringUpdateURL, 'StackPolicyDuringUpdate');
  const tags = input.Tags ?? stack.tags;
  const unchanged =
    JSON.stringify(desired.template) === JSON.stringify(stack.template) &&
    JSON.stringify(desired.parameters) === JSON.stringify(stack.parameters) &&
    JSON.stringify(tags) === JSON.stringify(stack.tags);
  if (unchanged) throw validationError('No updates are to be performed.');
  Object.assign(stack, {
    // An update that names no capabilities keeps the stack's (AWS's DescribeStacks shows them after it).
    capabilities: input.Capabilities ?? stack.capabilities,
    tags,
    notificationArns: input.NotificationARNs ?? stack.notificationArns,
    roleArn: input.RoleARN ?? stack.roleArn,
    disableRollback: input.DisableRollback ?? stack.disableRollback,
    updated: ctx.emulator.clock.date(),
    description: desired.template.Description,
    lastToken: input.ClientRequestToken ? { token: input.ClientRequestToken, operation: 'UpdateStack' } : undefined,
    changeSetId: undefined,
  });
  const run = runOf(ctx, input.ClientRequestToken);
  const operation = beginOperation(stack, run, 'UPDATE_STACK');
  if (stack.lastToken) stack.lastToken.operationId = operation.id;
  setStatus(stack, run, 'UPDATE_IN_PROGRESS', 'User Initiated');
  // A policy for the update only governs it (GetStackPolicy shows it meanwhile); the stack's own, or the new one
  // the request sets, applies afterwards.
  const after = policy ?? stack.stackPolicyBody;
  if (duringUpdate !== undefined) stack.stackPolicyBody = duringUpdate;
  await launch(ctx, stack.stackId, async () => {
    try {
      await deploy(stack, run, desired, { creating: false, onFailure: stack.disableRollback ? 'DO_NOTHING' : 'ROLLBACK' });
    } finally {
      stack.stackPolicyBody = after;
    }
  });
  return { StackId: stack.stackId, OperationId: operation.id };
}

export async function deleteStack(input: DeleteStackInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  const name = input.StackName ?? '';
  const stack = ctx.state.find(name);
  if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS') return {};
  if (stack.terminationProtection) throw validationError(`Stack [${stack.stackName}] cannot be deleted while TerminationProtection is enabled`);
  if (input.RetainResources?.length && stack.status !== 'DELETE_FAILED') {
    throw validationError(`Invalid operation on stack [${stack.stackId}]. RetainResources can only be specified when stack is in DELETE_FAILED state`);
  }
  stack.lastToken = input.ClientRequestToken ? { token: input.ClientRequestToken, operation: 'DeleteStack' } : undefined;
  const run = runOf(ctx, input.ClientRequestToken);
  const previous = ctx.state.running.get(stack.stackId);
  beginOperation(stack, run, 'DELETE_STACK');
  setStatus(stack, run, 'DELETE_IN_PROGRESS', 'User Initiated');
  await launch(ctx, stack.stackId, async () => {
    await previous;
    await removeStack(stack, run, new Set(input.RetainResources ?? []));
  });
  return {};
}

export function updateTerminationProtection(input: UpdateTerminationProtectionInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  if (stack.parentId) throw validationError('Termination protection cannot be updated on a nested stack; update its root stack instead.');
  stack.terminationProtection = Boolean(input.EnableTerminationProtection);
  return { StackId: stack.stackId };
}
