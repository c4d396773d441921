import type {
  DeleteStateMachineVersionInput,
  ListStateMachineVersionsInput,
  ListStateMachineVersionsOutput,
  PublishStateMachineVersionInput,
  PublishStateMachineVersionOutput,
} from '@aws-sdk/client-sfn';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { findMachine, page, SfnErrors, splitQualified } from '../errors.ts';
import type { MachineVersion, SfnState, StateMachine } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/** AWS keeps at most 1000 versions per state machine. */
const MAX_VERSIONS = 1000;

/** Publishes the machine's current revision; publishing an unchanged revision again returns the latest version. */
export function publishVersion(ctx: Ctx, machine: StateMachine, description?: string, expectedRevision?: string): MachineVersion {
  if (expectedRevision !== undefined && expectedRevision !== (machine.revisionId || 'INITIAL'))
    throw SfnErrors.conflict(`Failed to publish the State Machine version for revision ${expectedRevision}. The current State Machine revision is ${machine.revisionId || 'INITIAL'}.`);
  const latest = machine.versions.get(machine.lastVersion);
  if (latest && latest.revisionId === machine.revisionId && latest.definition === machine.definition && latest.roleArn === machine.roleArn) return latest;
  if (machine.versions.size >= MAX_VERSIONS) throw new AwsError('ServiceQuotaExceededException', `Maximum number of versions (${MAX_VERSIONS}) reached for state machine ${machine.arn}`);
  const number = ++machine.lastVersion;
  const version: MachineVersion = {
    arn: `${machine.arn}:${number}`,
    version: number,
    description,
    creationDate: ctx.emulator.clock.date(),
    definition: machine.definition,
    roleArn: machine.roleArn,
    type: machine.type,
    loggingConfiguration: machine.loggingConfiguration,
    tracingConfiguration: machine.tracingConfiguration,
    encryptionConfiguration: machine.encryptionConfiguration,
    revisionId: machine.revisionId,
  };
  machine.versions.set(number, version);
  return version;
}

export function publishStateMachineVersion(input: PublishStateMachineVersionInput, ctx: Ctx): PublishStateMachineVersionOutput {
  const machine = findMachine(ctx.state, input.stateMachineArn!);
  const version = publishVersion(ctx, machine, input.description, input.revisionId);
  return { stateMachineVersionArn: version.arn, creationDate: version.creationDate };
}

export function listStateMachineVersions(input: ListStateMachineVersionsInput, ctx: Ctx): ListStateMachineVersionsOutput {
  const machine = findMachine(ctx.state, input.stateMachineArn!);
  const all = [...machine.versions.values()].sort((a, b) => b.version - a.version);
  const { items, nextToken } = page(all, input.maxResults, input.nextToken);
  return { stateMachineVersions: items.map((v) => ({ stateMachineVersionArn: v.arn, creationDate: v.creationDate })), ...(nextToken ? { nextToken } : {}) };
}

export function deleteStateMachineVersion(input: DeleteStateMachineVersionInput, ctx: Ctx): object {
  const { machineArn, qualifier } = splitQualified(ctx.state, input.stateMachineVersionArn!);
  if (qualifier === undefined || !/^\d+$/.test(qualifier)) throw SfnErrors.invalidArn(`Invalid ARN format: ${input.stateMachineVersionArn}`);
  const machine = ctx.state.machines.get(machineArn);
  if (!machine) return {};
  const routed = [...machine.aliases.values()].find((a) => a.routingConfiguration.some((r) => r.stateMachineVersionArn === input.stateMachineVersionArn));
  if (routed)
    throw SfnErrors.conflict(`Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${routed.name}]`);
  machine.versions.delete(Number(qualifier));
  return {};
}
