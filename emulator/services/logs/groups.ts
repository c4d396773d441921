import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { groupNotFound, invalidParameter, streamNotFound } from './errors.ts';
import type { LogGroup, LogsState, LogStream } from './state.ts';

/** AWS checks name lengths itself, with one message for both, before the model's constraints. */
export function checkNameLengths(group?: string, stream?: string): void {
  if ((group?.length ?? 0) > 512 || (stream?.length ?? 0) > 512) {
    throw invalidParameter('Invalid LogGroup or LogStream, both must have length less than or equal to 512.');
  }
}

/** The log group a request names by `logGroupName` or `logGroupIdentifier` (a name or an ARN, with or without `:*`). */
export function findGroup(state: LogsState, input: { logGroupName?: string; logGroupIdentifier?: string }): LogGroup {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw new AwsError('ValidationException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  const identifier = input.logGroupName ?? input.logGroupIdentifier;
  if (identifier === undefined) throw invalidParameter('Either logGroupName or logGroupIdentifier must be provided.');
  checkNameLengths(identifier);
  const arn = parseArn(identifier);
  // Another account's group (readable on AWS only through an observability link, not served) or region's is not found.
  if (arn && (arn.accountId !== state.accountId || arn.region !== state.region)) throw groupNotFound();
  const name = arn?.resource.replace(/^log-group:/, '').replace(/:\*$/, '') ?? identifier;
  const group = state.groups.get(name);
  if (!group) throw groupNotFound();
  return group;
}

export function findStream(group: LogGroup, name: string): LogStream {
  const stream = group.streams.get(name);
  if (!stream) throw streamNotFound();
  return stream;
}

/** Events a group's retention has not yet removed: retention is applied for real, on every read. */
export function retained(group: LogGroup, stream: LogStream, nowMs: number) {
  if (group.retentionInDays !== undefined) {
    const oldest = nowMs - group.retentionInDays * 86_400_000;
    stream.dropBefore(oldest);
  }
  return stream.events;
}

/** A new, empty log group. */
export function newLogGroup(name: string, created: number, options: { kmsKeyId?: string; logGroupClass?: string; deletionProtection?: boolean; tags?: Record<string, string> } = {}): LogGroup {
  return {
    name,
    created,
    kmsKeyId: options.kmsKeyId,
    logGroupClass: options.logGroupClass ?? 'STANDARD',
    deletionProtection: options.deletionProtection ?? false,
    tags: new Map(Object.entries(options.tags ?? {})),
    streams: new Map(),
    metricFilters: new Map(),
    subscriptionFilters: new Map(),
  };
}
