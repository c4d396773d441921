import type {
  DescribeQueriesRequest,
  DescribeQueriesResponse,
  GetQueryResultsRequest,
  GetQueryResultsResponse,
  ListLogGroupsForQueryRequest,
  ListLogGroupsForQueryResponse,
  StartQueryRequest,
  StartQueryResponse,
  StopQueryRequest,
  StopQueryResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { retained } from '../groups.ts';
import type { Row } from '../insights/expression.ts';
import { formatTimestamp, parseQuery, QuerySyntaxError } from '../insights/query.ts';
import { page } from '../pages.ts';
import type { LogEvent, LogGroup, LogsState, LogStream } from '../state.ts';
import { shown } from '../data-protection.ts';

type Ctx = RequestContext<LogsState>;

const DEFAULT_LIMIT = 10_000;

function groupNames(input: StartQueryRequest): string[] {
  const names = [...(input.logGroupName ? [input.logGroupName] : []), ...(input.logGroupNames ?? []), ...(input.logGroupIdentifiers ?? [])];
  return names.map((n) => n.replace(/^arn:[^:]+:logs:[^:]*:\d*:log-group:/, '').replace(/:\*$/, ''));
}

/** JSON messages contribute their fields, flattened with dots, as Insights discovers them. */
function discover(row: Row, value: unknown, prefix: string): void {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) discover(row, v, prefix ? `${prefix}.${k}` : k);
  } else if (prefix && value !== undefined) row.set(prefix, value);
}

/** One event as Insights sees it: its JSON fields (flattened) and the standard `@` fields. */
export function eventRow(state: LogsState, group: LogGroup, stream: LogStream, e: LogEvent, unmask = false): Row {
  const row: Row = new Map();
  const message = shown(e, unmask);
  if (message.trimStart().startsWith('{')) {
    try {
      discover(row, JSON.parse(message), '');
    } catch {
      // not JSON after all: only the standard fields
    }
  }
  row.set('@timestamp', formatTimestamp(e.timestamp));
  row.set('@timestamp#ms', e.timestamp);
  row.set('@message', message);
  row.set('@logStream', stream.name);
  row.set('@log', `${state.accountId}:${group.name}`);
  row.set('@ingestionTime', formatTimestamp(e.ingestionTime));
  row.set('@ptr', Buffer.from(`${group.name}\n${stream.name}\n${e.seq}`).toString('base64'));
  return row;
}

function records(ctx: Ctx, groups: LogGroup[], startMs: number, endMs: number): Row[] {
  const rows: Row[] = [];
  const now = ctx.emulator.clock.now();
  for (const group of groups) {
    for (const stream of group.streams.values()) {
      for (const e of retained(group, stream, now)) {
        if (e.timestamp >= startMs && e.timestamp <= endMs) rows.push(eventRow(ctx.state, group, stream, e));
      }
    }
  }
  return rows;
}

export function startQuery(input: StartQueryRequest, ctx: Ctx): StartQueryResponse {
  const names = groupNames(input);
  if (!names.length) throw invalidParameter('Query must specify either logGroupName, logGroupNames or logGroupIdentifiers.');
  const groups = names.map((name) => {
    const group = ctx.state.groups.get(name);
    if (!group) {
      throw notFound(
        `Log group '${name}' does not exist for account ID '${ctx.accountId}' (Service: AWSLogs; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`,
      );
    }
    return group;
  });
  if (input.endTime! < input.startTime!) throw invalidParameter('End time should not be before the start time');
  let query;
  try {
    query = parseQuery(input.queryString!, input.limit ?? DEFAULT_LIMIT);
  } catch (error) {
    if (error instanceof QuerySyntaxError || error instanceof SyntaxError) {
      throw new AwsError('MalformedQueryException', `Query is malformed: ${error.message}`);
    }
    throw error;
  }
  const scanned = records(ctx, groups, input.startTime! * 1000, input.endTime! * 1000 + 999);
  const { rows, columns, aggregated } = query.run(scanned);
  const shown = [...(columns ?? ['@timestamp', '@message']), ...(aggregated ? [] : ['@ptr'])];
  const results = rows.map((row) =>
    shown.filter((f) => row.get(f) !== undefined).map((field) => ({ field, value: String(row.get(field)) })),
  );
  const queryId = randomUUID();
  ctx.state.queries.set(queryId, {
    queryId,
    queryString: input.queryString!,
    logGroupNames: names,
    startTime: input.startTime!,
    endTime: input.endTime!,
    createTime: ctx.emulator.clock.now(),
    status: 'Complete',
    results,
    statistics: {
      recordsMatched: aggregated ? scanned.length : rows.length,
      recordsScanned: scanned.length,
      bytesScanned: scanned.reduce((total, r) => total + Buffer.byteLength(String(r.get('@message'))), 0),
    },
  });
  return { queryId };
}

export function getQueryResults(input: GetQueryResultsRequest, ctx: Ctx): GetQueryResultsResponse {
  const query = ctx.state.queries.get(input.queryId!);
  if (!query) throw notFound('Query does not exist.');
  return { queryLanguage: 'CWLI', results: query.results, statistics: query.statistics, status: query.status };
}

export function stopQuery(input: StopQueryRequest, ctx: Ctx): StopQueryResponse {
  const query = ctx.state.queries.get(input.queryId!);
  if (!query) throw notFound('Query does not exist.');
  // Queries complete as they start, so there is never one to stop.
  return { success: false };
}

/** The log groups a query searched, as ARNs. */
export function listLogGroupsForQuery(input: ListLogGroupsForQueryRequest, ctx: Ctx): ListLogGroupsForQueryResponse {
  const query = ctx.state.queries.get(input.queryId!);
  if (!query) throw notFound('Query does not exist.');
  const { items, nextToken } = page(query.logGroupNames.map((name) => ctx.state.groupArn(name)), input.nextToken, input.maxResults ?? 50);
  return { logGroupIdentifiers: items, nextToken };
}

export function describeQueries(input: DescribeQueriesRequest, ctx: Ctx): DescribeQueriesResponse {
  const queries = [...ctx.state.queries.values()]
    .filter((q) => (!input.logGroupName || q.logGroupNames.includes(input.logGroupName)) && (!input.status || q.status === input.status))
    .sort((a, b) => b.createTime - a.createTime);
  const { items, nextToken } = page(queries, input.nextToken, input.maxResults ?? 1000);
  return {
    queries: items.map((q) => ({
      queryLanguage: 'CWLI',
      queryId: q.queryId,
      queryString: `SOURCE ${q.logGroupNames.map((n) => `"${n}"`).join(' ')} START=${q.startTime}000 END=${q.endTime}999 | ${q.queryString}`,
      status: q.status,
      createTime: q.createTime,
      logGroupName: q.logGroupNames[0],
    })),
    nextToken,
  };
}
