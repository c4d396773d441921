import { randomUUID } from 'node:crypto';
import type { CancelCommandCommandInput, Command, ListCommandInvocationsCommandInput, ListCommandsCommandInput, SendCommandCommandInput } from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { getDocument, selectVersion } from '../documents/lookup.ts';
import { SsmErrors } from '../errors.ts';
import type { SsmContext } from '../parameters.ts';
import { notManaged } from './managed-nodes.ts';

/*
 * Run Command in an account without managed nodes (no SSM Agent ever registers with twinstack). SendCommand checks
 * the document and its version as AWS does; node ids it names are no managed nodes (InvalidInstanceId), and Targets
 * (tags, resource groups) match none, so such a command is accepted and done at once: Success with a TargetCount of 0
 * and no invocations. ListCommands lists those commands; a command id of none is InvalidCommandId with AWS's empty
 * message; GetCommandInvocation finds no invocation (InvocationDoesNotExist).
 */

const noCommand = () => new AwsError('InvalidCommandId', '');

export function sendCommand(input: SendCommandCommandInput, ctx: SsmContext) {
  const document = getDocument(ctx, input.DocumentName!);
  if (document.documentType !== 'Command') throw SsmErrors.documentNotFound();
  const version = selectVersion(document, { DocumentVersion: input.DocumentVersion });
  if (input.InstanceIds?.length) throw notManaged(input.InstanceIds[0]);
  if (!input.Targets?.length) throw SsmErrors.validation('Either InstanceIds or Targets must be specified.');
  const now = ctx.emulator.clock.date();
  const command: Command = {
    CommandId: randomUUID(),
    DocumentName: input.DocumentName,
    DocumentVersion: input.DocumentVersion ?? version.version,
    Comment: input.Comment ?? '',
    ExpiresAfter: new Date(now.getTime() + (input.TimeoutSeconds ?? 3600) * 1000),
    Parameters: input.Parameters ?? {},
    InstanceIds: [],
    Targets: input.Targets,
    RequestedDateTime: now,
    Status: 'Success',
    StatusDetails: 'Success',
    OutputS3Region: input.OutputS3Region ?? ctx.region,
    OutputS3BucketName: input.OutputS3BucketName ?? '',
    OutputS3KeyPrefix: input.OutputS3KeyPrefix ?? '',
    MaxConcurrency: input.MaxConcurrency ?? '50',
    MaxErrors: input.MaxErrors ?? '0',
    TargetCount: 0,
    CompletedCount: 0,
    ErrorCount: 0,
    DeliveryTimedOutCount: 0,
    ServiceRole: input.ServiceRoleArn ?? '',
    NotificationConfig: input.NotificationConfig ?? { NotificationArn: '', NotificationEvents: [] },
    CloudWatchOutputConfig: input.CloudWatchOutputConfig ?? { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
    TimeoutSeconds: input.TimeoutSeconds ?? 3600,
    AlarmConfiguration: input.AlarmConfiguration,
  };
  (ctx.state.commands ??= new Map()).set(command.CommandId!, command);
  return { Command: command };
}

function commandOf(ctx: SsmContext, id: string): Command {
  const command = ctx.state.commands?.get(id);
  if (!command) throw noCommand();
  return command;
}

/** Newest first, as Run Command lists them; an instance id narrows to its commands, of which there are none. */
export function listCommands(input: ListCommandsCommandInput, ctx: SsmContext) {
  if (input.NextToken !== undefined) throw SsmErrors.invalidNextToken();
  if (input.CommandId !== undefined) return { Commands: [commandOf(ctx, input.CommandId)] };
  if (input.InstanceId !== undefined) return { Commands: [] };
  return { Commands: [...(ctx.state.commands?.values() ?? [])].reverse().slice(0, input.MaxResults ?? 50) };
}

/** A command that ran on no node has no invocations. */
export function listCommandInvocations(input: ListCommandInvocationsCommandInput, ctx: SsmContext) {
  if (input.NextToken !== undefined) throw SsmErrors.invalidNextToken();
  if (input.CommandId !== undefined) commandOf(ctx, input.CommandId);
  return { CommandInvocations: [] };
}

/** Cancelling is an attempt: a command already done stays as it was. */
export function cancelCommand(input: CancelCommandCommandInput, ctx: SsmContext) {
  commandOf(ctx, input.CommandId!);
  return {};
}
