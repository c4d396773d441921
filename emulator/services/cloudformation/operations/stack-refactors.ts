import { randomUUID } from 'node:crypto';
import type {
  CreateStackRefactorInput,
  DescribeStackRefactorInput,
  ExecuteStackRefactorInput,
  ListStackRefactorActionsInput,
  ListStackRefactorsInput,
  StackRefactorAction,
} from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { buildArn } from '../../../core/arn.ts';
import { scopeFor } from '../engine/deploy.ts';
import { evaluateOutputs, publishExports } from '../engine/outputs.ts';
import { setStatus } from '../engine/run.ts';
import { validationError } from '../errors.ts';
import type { Template } from '../template/parse.ts';
import type { Stack } from '../state.ts';
import { listPage } from './describe.ts';
import { newStack, runOf } from './stack-setup.ts';
import { checkStackName, checkTemplate, templateFrom, type CfnContext } from './template-input.ts';
import { pageSize } from './type-registration.ts';

/** One stack a refactor rewrites: its new template, and the stack (undefined until a new one is created). */
interface RefactorStack {
  name: string;
  stackId: string;
  body: string;
  template: Template;
  existing: boolean;
}

interface Move {
  source: { stack: string; logicalId: string };
  destination: { stack: string; logicalId: string };
  physicalId?: string;
  manual: boolean;
}

export interface StackRefactor {
  id: string;
  description?: string;
  status: 'CREATE_COMPLETE' | 'CREATE_FAILED';
  statusReason?: string;
  executionStatus: 'UNAVAILABLE' | 'AVAILABLE' | 'EXECUTE_COMPLETE' | 'EXECUTE_FAILED';
  executionStatusReason?: string;
  stacks: RefactorStack[];
  moves: Move[];
}

function refactorOf(ctx: CfnContext, id: string | undefined): StackRefactor {
  if (id === undefined) throw validationError("1 validation error detected: Value null at 'stackRefactorId' failed to satisfy constraint: Member must not be null");
  const found = ctx.state.refactors.get(id);
  if (!found) throw new AwsError('StackRefactorNotFoundException', `Stack refactor ${id} does not exist.`);
  return found;
}

const resourcesOf = (template: Template) => template.Resources ?? {};

/**
 * Works out the moves between the stacks' current and new templates: a resource leaving one stack must arrive in
 * another (by a mapping, or under the same logical id) as the same type, and nothing else may appear or go.
 */
function planMoves(ctx: CfnContext, stacks: RefactorStack[], input: CreateStackRefactorInput): Move[] {
  const current = new Map(stacks.map((s) => [s.name, s.existing ? ctx.state.find(s.name)! : undefined]));
  const leaving = stacks.flatMap((s) => {
    const stack = current.get(s.name);
    return stack ? [...stack.resources.values()].filter((r) => r.status !== 'DELETE_COMPLETE' && !Object.hasOwn(resourcesOf(s.template), r.logicalId)).map((r) => ({ stack: s.name, resource: r })) : [];
  });
  const arriving = stacks.flatMap((s) => {
    const stack = current.get(s.name);
    return Object.entries(resourcesOf(s.template))
      .filter(([id]) => !stack?.resources.has(id) || stack.resources.get(id)!.status === 'DELETE_COMPLETE')
      .map(([id, declaration]) => ({ stack: s.name, logicalId: id, type: declaration.Type }));
  });
  const moves: Move[] = [];
  for (const arrival of arriving) {
    const mapping = input.ResourceMappings?.find((m) => m.Destination?.StackName === arrival.stack && m.Destination.LogicalResourceId === arrival.logicalId);
    const origin = mapping
      ? leaving.find((l) => l.stack === mapping.Source?.StackName && l.resource.logicalId === mapping.Source.LogicalResourceId)
      : leaving.find((l) => l.resource.logicalId === arrival.logicalId && l.stack !== arrival.stack);
    if (!origin) throw validationError(`Resource ${arrival.logicalId} in stack ${arrival.stack} is new; a stack refactor can only move existing resources.`);
    if (origin.resource.type !== arrival.type) throw validationError(`Resource ${arrival.logicalId} in stack ${arrival.stack} changes type from ${origin.resource.type} to ${arrival.type}.`);
    leaving.splice(leaving.indexOf(origin), 1);
    moves.push({ source: { stack: origin.stack, logicalId: origin.resource.logicalId }, destination: { stack: arrival.stack, logicalId: arrival.logicalId }, physicalId: origin.resource.physicalId, manual: Boolean(mapping) });
  }
  if (leaving.length) throw validationError(`Resources [${leaving.map((l) => `${l.stack}/${l.resource.logicalId}`).join(', ')}] are removed without being moved to another stack.`);
  return moves;
}

/** Prepares moving resources between stacks (and, when allowed, into new ones) from the stacks' new templates. */
export async function createStackRefactor(input: CreateStackRefactorInput, ctx: CfnContext) {
  if (!input.StackDefinitions?.length) throw validationError("1 validation error detected: Value null at 'stackDefinitions' failed to satisfy constraint: Member must not be null");
  const stacks: RefactorStack[] = [];
  for (const definition of input.StackDefinitions) {
    const name = checkStackName(definition.StackName);
    if (stacks.some((s) => s.name === name)) throw validationError(`Stack ${name} is defined more than once.`);
    const { body, template } = await templateFrom(definition, ctx);
    checkTemplate(template, ctx);
    const stack = ctx.state.find(name);
    if (!stack && !input.EnableStackCreation) throw validationError(`Stack [${name}] does not exist`);
    if (stack && /_IN_PROGRESS$/.test(stack.status)) throw validationError(`Stack ${name} is in ${stack.status} state and cannot be refactored.`);
    const stackId = stack?.stackId ?? buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `stack/${name}/${randomUUID()}` });
    stacks.push({ name, stackId, body, template, existing: Boolean(stack) });
  }
  const id = buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `stackRefactor/${randomUUID()}` });
  const refactor: StackRefactor = { id, description: input.Description, status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE', stacks, moves: [] };
  try {
    refactor.moves = planMoves(ctx, stacks, input);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    Object.assign(refactor, { status: 'CREATE_FAILED', statusReason: error.message, executionStatus: 'UNAVAILABLE' });
  }
  ctx.state.refactors.set(id, refactor);
  return { StackRefactorId: id };
}

function summary(r: StackRefactor) {
  return { StackRefactorId: r.id, Description: r.description, ExecutionStatus: r.executionStatus, ExecutionStatusReason: r.executionStatusReason, Status: r.status, StatusReason: r.statusReason };
}

export function describeStackRefactor(input: DescribeStackRefactorInput, ctx: CfnContext) {
  const refactor = refactorOf(ctx, input.StackRefactorId);
  return { ...summary(refactor), StackIds: refactor.stacks.map((s) => s.stackId) };
}

export function listStackRefactors(input: ListStackRefactorsInput, ctx: CfnContext) {
  const filter = input.ExecutionStatusFilter?.length ? new Set<string>(input.ExecutionStatusFilter) : undefined;
  const all = [...ctx.state.refactors.values()].filter((r) => !filter || filter.has(r.executionStatus));
  return listPage('StackRefactorSummaries', all, input.NextToken, pageSize(input.MaxResults), summary);
}

export function listStackRefactorActions(input: ListStackRefactorActionsInput, ctx: CfnContext) {
  const refactor = refactorOf(ctx, input.StackRefactorId);
  const actions: StackRefactorAction[] = [
    ...refactor.stacks.filter((s) => !s.existing).map((s) => ({ Action: 'CREATE' as const, Entity: 'STACK' as const, Description: `Stack ${s.name} will be created`, Detection: 'AUTO' as const })),
    ...refactor.moves.map((m) => ({
      Action: 'MOVE' as const,
      Entity: 'RESOURCE' as const,
      PhysicalResourceId: m.physicalId,
      Description: `Resource ${m.source.logicalId} moves from stack ${m.source.stack} to stack ${m.destination.stack}${m.destination.logicalId === m.source.logicalId ? '' : ` as ${m.destination.logicalId}`}`,
      Detection: m.manual ? ('MANUAL' as const) : ('AUTO' as const),
      ResourceMapping: { Source: { StackName: m.source.stack, LogicalResourceId: m.source.logicalId }, Destination: { StackName: m.destination.stack, LogicalResourceId: m.destination.logicalId } },
    })),
  ];
  return listPage('StackRefactorActions', actions, input.NextToken, pageSize(input.MaxResults), (a) => a);
}

/** The stack a refactor writes to: the live one, or a new one in CREATE_IN_PROGRESS (created with no resources). */
function stackFor(ctx: CfnContext, target: RefactorStack): Stack {
  const live = ctx.state.find(target.name);
  if (live) return live;
  const stack = { ...newStack(ctx, { name: target.name, body: target.body, template: target.template, status: 'CREATE_IN_PROGRESS' }), stackId: target.stackId };
  ctx.state.stacks.push(stack);
  return stack;
}

/**
 * Moves the resources: only CloudFormation's records change (each resource stays as it is in its service), then the
 * stacks take their new templates and outputs.
 */
export function executeStackRefactor(input: ExecuteStackRefactorInput, ctx: CfnContext) {
  const refactor = refactorOf(ctx, input.StackRefactorId);
  if (refactor.executionStatus !== 'AVAILABLE') throw validationError(`Stack refactor ${refactor.id} is in ${refactor.executionStatus} state and cannot be executed.`);
  const run = runOf(ctx);
  const stacks = new Map(refactor.stacks.map((s) => [s.name, stackFor(ctx, s)]));
  for (const [name, stack] of stacks) {
    if (refactor.stacks.find((s) => s.name === name)!.existing) setStatus(stack, run, 'UPDATE_IN_PROGRESS', 'User Initiated');
  }
  for (const move of refactor.moves) {
    const source = stacks.get(move.source.stack)!;
    const resource = source.resources.get(move.source.logicalId)!;
    source.resources.delete(move.source.logicalId);
    stacks.get(move.destination.stack)!.resources.set(move.destination.logicalId, { ...resource, logicalId: move.destination.logicalId, updated: ctx.emulator.clock.date() });
  }
  for (const target of refactor.stacks) {
    const stack = stacks.get(target.name)!;
    const desired = { template: target.template, templateBody: target.body, parameters: stack.parameters };
    Object.assign(stack, { template: target.template, templateBody: target.body, description: target.template.Description, updated: target.existing ? ctx.emulator.clock.date() : undefined });
    const scope = scopeFor(stack, run, desired);
    stack.outputs = evaluateOutputs(target.template, scope);
    publishExports(stack, run, stack.outputs, scope.imports);
    setStatus(stack, run, target.existing ? 'UPDATE_COMPLETE' : 'CREATE_COMPLETE');
  }
  refactor.executionStatus = 'EXECUTE_COMPLETE';
  return {};
}
