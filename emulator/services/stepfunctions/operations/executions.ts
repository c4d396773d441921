import { randomUUID } from 'node:crypto';
import type {
  DescribeExecutionInput,
  DescribeExecutionOutput,
  ListExecutionsInput,
  ListExecutionsOutput,
  RedriveExecutionInput,
  RedriveExecutionOutput,
  StartExecutionInput,
  StartExecutionOutput,
  StartSyncExecutionInput,
  StartSyncExecutionOutput,
  StopExecutionInput,
  StopExecutionOutput,
} from '@aws-sdk/client-sfn';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { MachineDef } from '../asl/definition.ts';
import { checkArn, checkName, executionInputError, findExecution, page, parseJsonInput, SfnErrors, splitQualified } from '../errors.ts';
import { launch } from '../runtime/lifecycle.ts';
import { StopReason } from '../runtime/running.ts';
import type { Execution, MachineConfig, SfnState, StateMachine } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/** What StartExecution runs: the machine, one of its versions, or the version an alias routes this start to. */
function resolveTarget(ctx: Ctx, arn: string): { machine: StateMachine; config: MachineConfig; versionArn?: string; aliasArn?: string } {
  const { machineArn, qualifier } = splitQualified(ctx.state, arn);
  const machine = ctx.state.machines.get(machineArn);
  if (!machine) throw SfnErrors.machineDoesNotExist(arn);
  if (qualifier === undefined) return { machine, config: machine };
  if (/^\d+$/.test(qualifier)) {
    const version = machine.versions.get(Number(qualifier));
    if (!version) throw SfnErrors.machineDoesNotExist(arn);
    return { machine, config: version, versionArn: version.arn };
  }
  const alias = machine.aliases.get(qualifier);
  if (!alias) throw SfnErrors.machineDoesNotExist(arn);
  let pick = Math.random() * 100;
  const route = alias.routingConfiguration.find((r) => (pick -= r.weight ?? 0) < 0) ?? alias.routingConfiguration[0];
  const version = machine.versions.get(Number(route.stateMachineVersionArn!.split(':').pop()))!;
  return { machine, config: version, versionArn: version.arn, aliasArn: alias.arn };
}

function start(ctx: Ctx, input: StartExecutionInput, sync: boolean): Execution {
  const target = resolveTarget(ctx, input.stateMachineArn!);
  if (sync && target.config.type !== 'EXPRESS') throw SfnErrors.typeNotSupported();
  const name = input.name ?? randomUUID();
  checkName(name);
  const text = input.input ?? '{}';
  const parsed = parseJsonInput(text, executionInputError);
  const express = target.config.type === 'EXPRESS';
  const arn = express ? ctx.state.arn(`express:${target.machine.name}:${name}:${randomUUID()}`) : ctx.state.arn(`execution:${target.machine.name}:${name}`);
  const existing = ctx.state.executions.get(arn);
  if (existing) {
    // Starting the same execution again while it runs is idempotent, as on AWS.
    if (existing.status === 'RUNNING' && existing.input === text && existing.stateMachineArn === target.machine.arn) return existing;
    throw new AwsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
  }
  const execution: Execution = {
    arn,
    name,
    stateMachineArn: target.machine.arn,
    stateMachineVersionArn: target.versionArn,
    stateMachineAliasArn: target.aliasArn,
    config: target.config,
    machineName: target.machine.name,
    status: 'RUNNING',
    startDate: ctx.emulator.clock.date(),
    input: text,
    traceHeader: input.traceHeader,
    events: [],
    redriveCount: 0,
    recorded: !express,
  };
  if (!express) ctx.state.executions.set(arn, execution);
  launch(ctx.emulator, ctx.state, execution, JSON.parse(target.config.definition) as MachineDef, parsed);
  return execution;
}

export function startExecution(input: StartExecutionInput, ctx: Ctx): StartExecutionOutput {
  const execution = start(ctx, input, false);
  return { executionArn: execution.arn, startDate: execution.startDate };
}

export async function startSyncExecution(input: StartSyncExecutionInput, ctx: Ctx): Promise<StartSyncExecutionOutput> {
  const execution = start(ctx, input, true);
  await ctx.state.running.get(execution.arn)?.done;
  const ms = execution.stopDate!.getTime() - execution.startDate.getTime();
  return {
    ...described(execution),
    status: execution.status as StartSyncExecutionOutput['status'],
    stopDate: execution.stopDate!,
    // Express workflows are billed per 100 ms and 64 MB steps.
    billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: Math.max(100, Math.ceil(ms / 100) * 100) },
  };
}

function redriveStatus(execution: Execution): Pick<DescribeExecutionOutput, 'redriveStatus' | 'redriveStatusReason'> {
  if (execution.mapRunArn) return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is a Map Run child execution and cannot be redriven' };
  if (['FAILED', 'TIMED_OUT', 'ABORTED'].includes(execution.status)) return { redriveStatus: 'REDRIVABLE' };
  return { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: `Execution is ${execution.status} and cannot be redriven` };
}

/** What DescribeExecution and StartSyncExecution both tell of an execution. */
function described(e: Execution) {
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: e.startDate,
    ...(e.stopDate ? { stopDate: e.stopDate } : {}),
    input: e.input,
    inputDetails: { included: true },
    ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
    ...(e.error !== undefined ? { error: e.error } : {}),
    ...(e.cause !== undefined ? { cause: e.cause } : {}),
    ...(e.traceHeader !== undefined ? { traceHeader: e.traceHeader } : {}),
  };
}

export function describeExecution(input: DescribeExecutionInput, ctx: Ctx): DescribeExecutionOutput {
  const e = findExecution(ctx.state, input.executionArn!);
  return {
    ...described(e),
    ...(e.mapRunArn ? { mapRunArn: e.mapRunArn } : {}),
    ...(e.stateMachineVersionArn ? { stateMachineVersionArn: e.stateMachineVersionArn } : {}),
    ...(e.stateMachineAliasArn ? { stateMachineAliasArn: e.stateMachineAliasArn } : {}),
    redriveCount: e.redriveCount,
    ...(e.redriveDate ? { redriveDate: e.redriveDate } : {}),
    ...redriveStatus(e),
  };
}

export function listExecutions(input: ListExecutionsInput, ctx: Ctx): ListExecutionsOutput {
  if (input.stateMachineArn === undefined && input.mapRunArn === undefined) throw SfnErrors.validation('Must provide a StateMachine ARN or a MapRun ARN');
  let matches: (e: Execution) => boolean;
  if (input.mapRunArn !== undefined) {
    checkArn(input.mapRunArn, ['mapRun']);
    if (!ctx.state.mapRuns.has(input.mapRunArn)) throw SfnErrors.resourceNotFound(`Resource not found: '${input.mapRunArn}'`);
    matches = (e) => e.mapRunArn === input.mapRunArn;
  } else {
    const arn = input.stateMachineArn!;
    const { machineArn, qualifier } = splitQualified(ctx.state, arn);
    const machine = ctx.state.machines.get(machineArn);
    if (!machine || (qualifier !== undefined && !machine.versions.has(Number(qualifier)) && !machine.aliases.has(qualifier))) throw SfnErrors.machineDoesNotExist(arn);
    if (machine.type === 'EXPRESS') throw SfnErrors.typeNotSupported();
    matches =
      qualifier === undefined
        ? (e) => e.stateMachineArn === machineArn && !e.mapRunArn
        : /^\d+$/.test(qualifier)
          ? (e) => e.stateMachineVersionArn === arn
          : (e) => e.stateMachineAliasArn === arn;
  }
  const all = [...ctx.state.executions.values()]
    .filter((e) => e.recorded && matches(e))
    .filter((e) => input.statusFilter === undefined || e.status === input.statusFilter)
    .filter((e) => input.redriveFilter === undefined || (input.redriveFilter === 'REDRIVEN') === e.redriveCount > 0)
    .reverse();
  const { items, nextToken } = page(all, input.maxResults, input.nextToken);
  return {
    executions: items.map((e) => ({
      executionArn: e.arn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate,
      ...(e.stopDate ? { stopDate: e.stopDate } : {}),
      ...(e.mapRunArn ? { mapRunArn: e.mapRunArn } : {}),
      ...(e.stateMachineVersionArn ? { stateMachineVersionArn: e.stateMachineVersionArn } : {}),
      ...(e.stateMachineAliasArn ? { stateMachineAliasArn: e.stateMachineAliasArn } : {}),
      redriveCount: e.redriveCount,
      ...(e.redriveDate ? { redriveDate: e.redriveDate } : {}),
    })),
    ...(nextToken ? { nextToken } : {}),
  };
}

export async function stopExecution(input: StopExecutionInput, ctx: Ctx): Promise<StopExecutionOutput> {
  const execution = findExecution(ctx.state, input.executionArn!);
  const running = ctx.state.running.get(execution.arn);
  if (running) {
    running.controller.abort(new StopReason('aborted', input.error, input.cause));
    await running.done;
  }
  return { stopDate: execution.stopDate ?? ctx.emulator.clock.date() };
}

export function redriveExecution(input: RedriveExecutionInput, ctx: Ctx): RedriveExecutionOutput {
  const execution = findExecution(ctx.state, input.executionArn!);
  const status = redriveStatus(execution);
  if (status.redriveStatus !== 'REDRIVABLE' || !execution.resumeAt)
    throw new AwsError('ExecutionNotRedrivable', `Execution with ARN ${execution.arn} cannot be redriven. ${status.redriveStatusReason ?? 'It has no failed state to redrive.'}`);
  if (execution.stopDate && ctx.emulator.clock.now() - execution.stopDate.getTime() > 14 * 24 * 3600 * 1000)
    throw new AwsError('ExecutionNotRedrivable', `Execution with ARN ${execution.arn} cannot be redriven. It stopped more than 14 days ago.`);
  const machine = JSON.parse(execution.config.definition) as MachineDef;
  Object.assign(execution, { status: 'RUNNING', stopDate: undefined, output: undefined, error: undefined, cause: undefined, redriveCount: execution.redriveCount + 1, redriveDate: ctx.emulator.clock.date() });
  launch(ctx.emulator, ctx.state, execution, { ...machine, StartAt: execution.resumeAt.state }, JSON.parse(execution.resumeAt.input), { redriven: true });
  return { redriveDate: execution.redriveDate! };
}
