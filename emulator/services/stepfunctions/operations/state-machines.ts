import { randomUUID } from 'node:crypto';
import type {
  CreateStateMachineInput,
  CreateStateMachineOutput,
  DeleteStateMachineInput,
  DescribeStateMachineForExecutionInput,
  DescribeStateMachineForExecutionOutput,
  DescribeStateMachineInput,
  DescribeStateMachineOutput,
  ListStateMachinesInput,
  ListStateMachinesOutput,
  UpdateStateMachineInput,
  UpdateStateMachineOutput,
} from '@aws-sdk/client-sfn';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { checkDefinition, invalidDefinitionMessage } from '../asl/definition.ts';
import { variableReferences } from '../asl/variable-references.ts';
import { checkName, findExecution, findMachine, page, SfnErrors, splitQualified } from '../errors.ts';
import { StopReason } from '../runtime/running.ts';
import type { MachineConfig, MachineType, SfnState, StateMachine } from '../state.ts';
import { checkTagKeys, setTags } from './tags.ts';
import { publishVersion } from './versions.ts';

type Ctx = RequestContext<SfnState>;

/** The definition checked as CreateStateMachine checks it: InvalidDefinition with AWS's diagnostics. */
export function validDefinition(text: string, type: MachineType): void {
  const { diagnostics } = checkDefinition(text, type);
  if (diagnostics.some((d) => d.severity === 'ERROR')) throw new AwsError('InvalidDefinition', invalidDefinitionMessage(diagnostics));
}

function checkLogging(config: CreateStateMachineInput['loggingConfiguration']): void {
  if (!config) return;
  const destinations = config.destinations ?? [];
  if (config.level && config.level !== 'OFF' && destinations.length === 0)
    throw new AwsError('InvalidLoggingConfiguration', 'Invalid Logging Configuration: Must specify exactly one Log Destination.');
  for (const d of destinations) {
    const arn = d.cloudWatchLogsLogGroup?.logGroupArn ?? '';
    if (!/^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:.+:\*$/.test(arn))
      throw new AwsError('InvalidLoggingConfiguration', `Invalid Logging Configuration: The CloudWatch Logs Resource Policy size was exceeded or the log group ARN is invalid: ${arn}`);
  }
}

const DEFAULT_LOGGING = { level: 'OFF', includeExecutionData: false } as const;

export function createStateMachine(input: CreateStateMachineInput, ctx: Ctx): CreateStateMachineOutput {
  checkName(input.name!);
  checkTagKeys(input.tags, ctx.caller);
  const type = (input.type ?? 'STANDARD') as MachineType;
  validDefinition(input.definition!, type);
  checkLogging(input.loggingConfiguration);
  if (input.versionDescription !== undefined && !input.publish) throw SfnErrors.validation('Version description can only be set when publish is true');
  const arn = ctx.state.arn(`stateMachine:${input.name}`);
  const existing = ctx.state.machines.get(arn);
  const logging = { ...DEFAULT_LOGGING, ...input.loggingConfiguration };
  if (existing) {
    // Creating the same machine again is idempotent; anything different is a conflict.
    const same = existing.definition === input.definition && existing.roleArn === input.roleArn && existing.type === type && JSON.stringify(existing.loggingConfiguration) === JSON.stringify(logging);
    if (!same) throw new AwsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    return { stateMachineArn: arn, creationDate: existing.creationDate };
  }
  const now = ctx.emulator.clock.date();
  const machine: StateMachine = {
    name: input.name!,
    arn,
    definition: input.definition!,
    roleArn: input.roleArn!,
    type,
    loggingConfiguration: logging,
    tracingConfiguration: { enabled: input.tracingConfiguration?.enabled ?? false },
    encryptionConfiguration: input.encryptionConfiguration,
    revisionId: '',
    creationDate: now,
    versions: new Map(),
    lastVersion: 0,
    aliases: new Map(),
  };
  ctx.state.machines.set(arn, machine);
  setTags(ctx.state, arn, input.tags ?? []);
  const version = input.publish ? publishVersion(ctx, machine, input.versionDescription) : undefined;
  return { stateMachineArn: arn, creationDate: now, ...(version ? { stateMachineVersionArn: version.arn } : {}) };
}

function describeConfig(config: MachineConfig): Omit<DescribeStateMachineOutput, 'stateMachineArn' | 'name' | 'creationDate'> {
  return {
    status: 'ACTIVE',
    definition: config.definition,
    roleArn: config.roleArn,
    type: config.type,
    loggingConfiguration: config.loggingConfiguration,
    tracingConfiguration: config.tracingConfiguration,
    ...(config.revisionId ? { revisionId: config.revisionId } : {}),
    ...(config.encryptionConfiguration ? { encryptionConfiguration: config.encryptionConfiguration } : {}),
    ...variableReferencesOf(config.definition),
  };
}

function variableReferencesOf(definition: string): Pick<DescribeStateMachineOutput, 'variableReferences'> {
  const references = variableReferences(definition);
  return references ? { variableReferences: references } : {};
}

export function describeStateMachine(input: DescribeStateMachineInput, ctx: Ctx): DescribeStateMachineOutput {
  const { machineArn, qualifier } = splitQualified(ctx.state, input.stateMachineArn!);
  const machine = ctx.state.machines.get(machineArn);
  if (!machine) throw SfnErrors.machineDoesNotExist(input.stateMachineArn!);
  if (qualifier === undefined) return { stateMachineArn: machine.arn, name: machine.name, creationDate: machine.creationDate, ...describeConfig(machine) };
  const version = /^\d+$/.test(qualifier) ? machine.versions.get(Number(qualifier)) : undefined;
  if (!version) throw SfnErrors.machineDoesNotExist(input.stateMachineArn!);
  return {
    stateMachineArn: version.arn,
    name: machine.name,
    creationDate: version.creationDate,
    ...describeConfig(version),
    ...(version.description !== undefined ? { description: version.description } : {}),
  };
}

export function describeStateMachineForExecution(input: DescribeStateMachineForExecutionInput, ctx: Ctx): DescribeStateMachineForExecutionOutput {
  const execution = findExecution(ctx.state, input.executionArn!);
  const machine = ctx.state.machines.get(execution.stateMachineArn);
  return {
    stateMachineArn: execution.stateMachineVersionArn ?? execution.stateMachineArn,
    name: execution.machineName,
    updateDate: machine?.updateDate ?? machine?.creationDate ?? execution.startDate,
    ...(execution.mapRunArn ? { mapRunArn: execution.mapRunArn, label: execution.machineName.split('/').pop() } : {}),
    ...(({ status: _status, type: _type, ...rest }) => rest)(describeConfig(execution.config)),
  } as DescribeStateMachineForExecutionOutput;
}

export function updateStateMachine(input: UpdateStateMachineInput, ctx: Ctx): UpdateStateMachineOutput {
  // A version's or alias's ARN names no machine that can be updated (recorded: `name:2` -> StateMachineDoesNotExist).
  if (splitQualified(ctx.state, input.stateMachineArn!).qualifier !== undefined) throw SfnErrors.machineDoesNotExist(input.stateMachineArn!);
  const machine = findMachine(ctx.state, input.stateMachineArn!);
  if (input.definition === undefined && input.roleArn === undefined && input.loggingConfiguration === undefined && input.tracingConfiguration === undefined && input.encryptionConfiguration === undefined && !input.publish)
    throw new AwsError('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified');
  if (input.versionDescription !== undefined && !input.publish) throw SfnErrors.validation('Version description can only be set when publish is true');
  if (input.definition !== undefined) validDefinition(input.definition, machine.type);
  checkLogging(input.loggingConfiguration);
  const changed =
    (input.definition !== undefined && input.definition !== machine.definition) ||
    (input.roleArn !== undefined && input.roleArn !== machine.roleArn) ||
    input.loggingConfiguration !== undefined ||
    input.tracingConfiguration !== undefined ||
    input.encryptionConfiguration !== undefined;
  if (input.definition !== undefined) machine.definition = input.definition;
  if (input.roleArn !== undefined) machine.roleArn = input.roleArn;
  if (input.loggingConfiguration) machine.loggingConfiguration = { ...DEFAULT_LOGGING, ...input.loggingConfiguration };
  if (input.tracingConfiguration) machine.tracingConfiguration = { enabled: input.tracingConfiguration.enabled ?? false };
  if (input.encryptionConfiguration) machine.encryptionConfiguration = input.encryptionConfiguration;
  const now = ctx.emulator.clock.date();
  if (changed) {
    machine.revisionId = randomUUID();
    machine.updateDate = now;
  }
  const version = input.publish ? publishVersion(ctx, machine, input.versionDescription) : undefined;
  return { updateDate: machine.updateDate ?? now, ...(machine.revisionId ? { revisionId: machine.revisionId } : {}), ...(version ? { stateMachineVersionArn: version.arn } : {}) };
}

export function deleteStateMachine(input: DeleteStateMachineInput, ctx: Ctx): object {
  const { qualifier } = splitQualified(ctx.state, input.stateMachineArn!);
  if (qualifier !== undefined) throw SfnErrors.validation(`Invalid Arn: 'Resource type not valid in this context: ${input.stateMachineArn}'`);
  // Deleting a machine that does not exist succeeds, as on AWS; running executions are stopped.
  const machine = ctx.state.machines.get(input.stateMachineArn!);
  if (!machine) return {};
  ctx.state.machines.delete(machine.arn);
  ctx.state.tags.delete(machine.arn);
  for (const execution of ctx.state.executions.values())
    if (execution.stateMachineArn === machine.arn && execution.status === 'RUNNING') ctx.state.running.get(execution.arn)?.controller.abort(new StopReason('aborted'));
  return {};
}

export function listStateMachines(input: ListStateMachinesInput, ctx: Ctx): ListStateMachinesOutput {
  const all = [...ctx.state.machines.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(all, input.maxResults, input.nextToken);
  return {
    stateMachines: items.map((m) => ({ stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: m.creationDate })),
    ...(nextToken ? { nextToken } : {}),
  };
}

