import type {
  CreateScheduledQueryRequest,
  CreateScheduledQueryResponse,
  DeleteScheduledQueryRequest,
  GetScheduledQueryHistoryRequest,
  GetScheduledQueryHistoryResponse,
  GetScheduledQueryRequest,
  GetScheduledQueryResponse,
  ListScheduledQueriesRequest,
  ListScheduledQueriesResponse,
  UpdateScheduledQueryRequest,
  UpdateScheduledQueryResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { randomUUID } from 'node:crypto';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { parseSchedule } from '../../../core/schedule/expression.ts';
import type { RequestContext } from '../../../core/service.ts';
import { page } from '../pages.ts';
import { armScheduledQuery } from '../scheduled-queries.ts';
import type { LogsState, ScheduledQuery } from '../state.ts';

type Ctx = RequestContext<LogsState>;

const validation = (message: string) => new AwsError('ValidationException', message);
const queryNotFound = () => new AwsError('ResourceNotFoundException', 'The specified scheduled query does not exist.');

/** A scheduled query by name or ARN. */
function findQuery(ctx: Ctx, identifier: string): ScheduledQuery {
  const found = ctx.state.scheduledQueries.get(identifier) ?? [...ctx.state.scheduledQueries.values()].find((q) => q.arn === identifier);
  if (!found) throw queryNotFound();
  return found;
}

type Settings = Omit<CreateScheduledQueryRequest, 'name' | 'tags'>;

/** Checks what Create and Update share, and turns it into the stored settings. */
function settings(input: Settings): Pick<ScheduledQuery, 'description' | 'queryLanguage' | 'queryString' | 'logGroupIdentifiers' | 'scheduleExpression' | 'timezone' | 'startTimeOffset' | 'destination' | 'scheduleStartTime' | 'scheduleEndTime' | 'executionRoleArn' | 'state'> {
  if (!parseSchedule(input.scheduleExpression!)) throw validation(`Invalid schedule expression: ${input.scheduleExpression}`);
  if (input.timezone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: input.timezone });
    } catch {
      throw validation(`Invalid timezone: ${input.timezone}`);
    }
  }
  const role = parseArn(input.executionRoleArn!);
  if (role?.service !== 'iam' || !role.resource.startsWith('role/')) throw validation(`Invalid executionRoleArn: ${input.executionRoleArn}`);
  if (input.scheduleStartTime !== undefined && input.scheduleEndTime !== undefined && input.scheduleEndTime <= input.scheduleStartTime) {
    throw validation('scheduleEndTime must be after scheduleStartTime.');
  }
  if (input.startTimeOffset !== undefined && input.startTimeOffset < 0) throw validation('startTimeOffset must not be negative.');
  const s3 = input.destinationConfiguration?.s3Configuration;
  if (s3 && !/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(s3.destinationIdentifier!)) throw validation(`Invalid S3 destinationIdentifier: ${s3.destinationIdentifier}`);
  return {
    description: input.description,
    queryLanguage: input.queryLanguage!,
    queryString: input.queryString!,
    logGroupIdentifiers: input.logGroupIdentifiers,
    scheduleExpression: input.scheduleExpression!,
    timezone: input.timezone,
    startTimeOffset: input.startTimeOffset,
    destination: s3 && { destinationIdentifier: s3.destinationIdentifier!, roleArn: s3.roleArn!, ownerAccountId: s3.ownerAccountId, kmsKeyId: s3.kmsKeyId },
    scheduleStartTime: input.scheduleStartTime,
    scheduleEndTime: input.scheduleEndTime,
    executionRoleArn: input.executionRoleArn!,
    state: input.state ?? 'ENABLED',
  };
}

/** A Logs Insights query run on a schedule, on the emulator clock, writing its results to S3. */
export function createScheduledQuery(input: CreateScheduledQueryRequest, ctx: Ctx): CreateScheduledQueryResponse {
  if (ctx.state.scheduledQueries.has(input.name!)) throw new AwsError('ConflictException', `A scheduled query named ${input.name} already exists.`);
  const id = randomUUID();
  const now = ctx.emulator.clock.now();
  const query: ScheduledQuery = {
    id,
    arn: buildArn({ service: 'logs', region: ctx.region, accountId: ctx.accountId, resource: `scheduled-query:${id}` }),
    name: input.name!,
    ...settings(input),
    created: now,
    lastUpdated: now,
    history: [],
    tags: new Map(Object.entries(input.tags ?? {})),
  };
  ctx.state.scheduledQueries.set(query.name, query);
  armScheduledQuery(ctx.state, ctx.emulator, query);
  return { scheduledQueryArn: query.arn, state: query.state };
}

export function getScheduledQuery(input: GetScheduledQueryRequest, ctx: Ctx): GetScheduledQueryResponse {
  return view(findQuery(ctx, input.identifier!));
}

export function updateScheduledQuery(input: UpdateScheduledQueryRequest, ctx: Ctx): UpdateScheduledQueryResponse {
  const query = findQuery(ctx, input.identifier!);
  Object.assign(query, settings(input), { lastUpdated: ctx.emulator.clock.now() });
  armScheduledQuery(ctx.state, ctx.emulator, query);
  return view(query);
}

export function deleteScheduledQuery(input: DeleteScheduledQueryRequest, ctx: Ctx): object {
  ctx.state.scheduledQueries.delete(findQuery(ctx, input.identifier!).name);
  ctx.state.scheduleWatcher?.poke();
  return {};
}

export function listScheduledQueries(input: ListScheduledQueriesRequest, ctx: Ctx): ListScheduledQueriesResponse {
  const matching = [...ctx.state.scheduledQueries.values()].filter((q) => input.state === undefined || q.state === input.state);
  const { items, nextToken } = page(matching, input.nextToken, input.maxResults ?? 1000);
  return {
    scheduledQueries: items.map((q) => {
      const v = view(q);
      return {
        scheduledQueryArn: v.scheduledQueryArn,
        name: v.name,
        state: v.state,
        lastTriggeredTime: v.lastTriggeredTime,
        lastExecutionStatus: v.lastExecutionStatus,
        scheduleExpression: v.scheduleExpression,
        timezone: v.timezone,
        destinationConfiguration: v.destinationConfiguration,
        creationTime: v.creationTime,
        lastUpdatedTime: v.lastUpdatedTime,
      };
    }),
    nextToken,
  };
}

export function getScheduledQueryHistory(input: GetScheduledQueryHistoryRequest, ctx: Ctx): GetScheduledQueryHistoryResponse {
  const query = findQuery(ctx, input.identifier!);
  if (input.endTime! < input.startTime!) throw validation('endTime must not be before startTime.');
  const runs = query.history.filter(
    (r) => r.triggeredTimestamp >= input.startTime! * 1000 && r.triggeredTimestamp <= input.endTime! * 1000 && (!input.executionStatuses?.length || input.executionStatuses.includes(r.executionStatus)),
  );
  const { items, nextToken } = page([...runs].reverse(), input.nextToken, input.maxResults ?? 1000);
  return { name: query.name, scheduledQueryArn: query.arn, triggerHistory: items.map((r) => ({ ...r, destinations: r.destinations.map((d) => ({ ...d })) })), nextToken };
}

function view(q: ScheduledQuery): GetScheduledQueryResponse {
  return {
    scheduledQueryArn: q.arn,
    name: q.name,
    description: q.description,
    queryLanguage: q.queryLanguage as 'CWLI',
    queryString: q.queryString,
    logGroupIdentifiers: q.logGroupIdentifiers,
    scheduleExpression: q.scheduleExpression,
    timezone: q.timezone,
    startTimeOffset: q.startTimeOffset,
    destinationConfiguration: q.destination && { s3Configuration: { ...q.destination } },
    state: q.state,
    lastTriggeredTime: q.lastTriggered,
    lastExecutionStatus: q.history[q.history.length - 1]?.executionStatus,
    scheduleStartTime: q.scheduleStartTime,
    scheduleEndTime: q.scheduleEndTime,
    executionRoleArn: q.executionRoleArn,
    creationTime: q.created,
    lastUpdatedTime: q.lastUpdated,
  };
}
