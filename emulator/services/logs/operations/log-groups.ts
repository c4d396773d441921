import type {
  AssociateKmsKeyRequest,
  CreateLogGroupRequest,
  DeleteLogGroupRequest,
  DeleteRetentionPolicyRequest,
  DescribeLogGroupsRequest,
  DescribeLogGroupsResponse,
  DisassociateKmsKeyRequest,
  ListLogGroupsRequest,
  ListLogGroupsResponse,
  LogGroup as LogGroupShape,
  PutBearerTokenAuthenticationRequest,
  PutLogGroupDeletionProtectionRequest,
  PutRetentionPolicyRequest,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { matchesDataSources } from '../data-sources.ts';
import { alreadyExists, invalidParameter } from '../errors.ts';
import { findGroup, newLogGroup } from '../groups.ts';
import { page } from '../pages.ts';
import type { LogGroup, LogsState } from '../state.ts';
import { checkTagKeys } from './tagging.ts';

type Ctx = RequestContext<LogsState>;

/** The retention periods AWS accepts, in days. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export function createLogGroup(input: CreateLogGroupRequest, ctx: Ctx): object {
  if (ctx.state.groups.has(input.logGroupName!)) throw alreadyExists('The specified log group already exists');
  checkTagKeys(input.tags, ctx.caller);
  ctx.state.groups.set(
    input.logGroupName!,
    newLogGroup(input.logGroupName!, ctx.emulator.clock.now(), {
      kmsKeyId: input.kmsKeyId,
      logGroupClass: input.logGroupClass,
      deletionProtection: input.deletionProtectionEnabled,
      tags: input.tags,
    }),
  );
  return {};
}

export function deleteLogGroup(input: DeleteLogGroupRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  if (group.deletionProtection) throw new AwsError('OperationAbortedException', 'Log group deletion protection is enabled.');
  ctx.state.groups.delete(group.name);
  return {};
}

/** A log group as DescribeLogGroups shows it. */
export function describeGroup(state: LogsState, group: LogGroup): LogGroupShape {
  const arn = state.groupArn(group.name);
  let storedBytes = 0;
  for (const stream of group.streams.values()) for (const e of stream.events) storedBytes += Buffer.byteLength(e.message) + 26;
  return {
    logGroupName: group.name,
    creationTime: group.created,
    retentionInDays: group.retentionInDays,
    metricFilterCount: group.metricFilters.size,
    arn: `${arn}:*`,
    storedBytes,
    kmsKeyId: group.kmsKeyId,
    logGroupClass: group.logGroupClass as LogGroupShape['logGroupClass'],
    logGroupArn: arn,
    deletionProtectionEnabled: group.deletionProtection,
    dataProtectionStatus: group.dataProtection ? 'ACTIVATED' : undefined,
    bearerTokenAuthenticationEnabled: group.bearerTokenAuthentication,
  };
}

function sortedGroups(state: LogsState): LogGroup[] {
  return [...state.groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function describeLogGroups(input: DescribeLogGroupsRequest, ctx: Ctx): DescribeLogGroupsResponse {
  if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const identifiers = input.logGroupIdentifiers?.map((id) => id.replace(/^arn:[^:]+:logs:[^:]*:\d*:log-group:/, '').replace(/:\*$/, ''));
  const groups = sortedGroups(ctx.state).filter(
    (g) =>
      (!input.logGroupNamePrefix || g.name.startsWith(input.logGroupNamePrefix)) &&
      (!input.logGroupNamePattern || g.name.toLowerCase().includes(input.logGroupNamePattern.toLowerCase())) &&
      (!input.logGroupClass || g.logGroupClass === input.logGroupClass) &&
      (!identifiers || identifiers.includes(g.name)),
  );
  const { items, nextToken } = page(groups, input.nextToken, input.limit ?? 50);
  return { logGroups: items.map((g) => describeGroup(ctx.state, g)), nextToken };
}

/** A `logGroupNamePattern` (a regular expression) compiled, or undefined without one. */
export function namePattern(text: string | undefined): RegExp | undefined {
  if (!text) return undefined;
  try {
    return new RegExp(text);
  } catch {
    throw invalidParameter('Invalid logGroupNamePattern.');
  }
}

export function listLogGroups(input: ListLogGroupsRequest, ctx: Ctx): ListLogGroupsResponse {
  const pattern = namePattern(input.logGroupNamePattern);
  const groups = sortedGroups(ctx.state).filter(
    (g) =>
      (!pattern || pattern.test(g.name)) && (!input.logGroupClass || g.logGroupClass === input.logGroupClass) && (!input.dataSources || matchesDataSources(g, input.dataSources)),
  );
  const { items, nextToken } = page(groups, input.nextToken, input.limit ?? 50);
  return {
    logGroups: items.map((g) => ({ logGroupName: g.name, logGroupClass: g.logGroupClass as 'STANDARD', logGroupArn: ctx.state.groupArn(g.name) })),
    nextToken,
  };
}

export function putRetentionPolicy(input: PutRetentionPolicyRequest, ctx: Ctx): object {
  const group = findGroup(ctx.state, input);
  if (!RETENTION_DAYS.includes(input.retentionInDays!)) {
    throw invalidParameter(
      `1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
    );
  }
  group.retentionInDays = input.retentionInDays;
  return {};
}

export function deleteRetentionPolicy(input: DeleteRetentionPolicyRequest, ctx: Ctx): object {
  findGroup(ctx.state, input).retentionInDays = undefined;
  return {};
}

export function associateKmsKey(input: AssociateKmsKeyRequest, ctx: Ctx): object {
  if (!input.logGroupName) throw invalidParameter('Either logGroupName or resourceIdentifier must be provided.');
  findGroup(ctx.state, input).kmsKeyId = input.kmsKeyId;
  return {};
}

export function disassociateKmsKey(input: DisassociateKmsKeyRequest, ctx: Ctx): object {
  if (!input.logGroupName) throw invalidParameter('Either logGroupName or resourceIdentifier must be provided.');
  findGroup(ctx.state, input).kmsKeyId = undefined;
  return {};
}

export function putLogGroupDeletionProtection(input: PutLogGroupDeletionProtectionRequest, ctx: Ctx): object {
  findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier }).deletionProtection = input.deletionProtectionEnabled ?? false;
  return {};
}

/** Lets clients put events to the group with a bearer token (AWS's HTTP ingestion endpoint, not served here) as well as SigV4. */
export function putBearerTokenAuthentication(input: PutBearerTokenAuthenticationRequest, ctx: Ctx): object {
  findGroup(ctx.state, { logGroupIdentifier: input.logGroupIdentifier }).bearerTokenAuthentication = input.bearerTokenAuthenticationEnabled;
  return {};
}
