import { accountRootArn } from '../../core/arn.ts';
import { ClockWatcher } from '../../core/clock-watcher.ts';
import type { Emulator } from '../../core/emulator.ts';
import { nextFireTime, parseSchedule, type Schedule } from '../../core/schedule/expression.ts';
import type { Caller } from '../../core/service.ts';
import type { LogsState, ScheduledQuery, ScheduledQueryRun } from './state.ts';

/** Runs kept per scheduled query for GetScheduledQueryHistory. */
const MAX_HISTORY = 1000;
/** Without a startTimeOffset, a run looks back one period of a rate, or an hour for a cron schedule. */
const DEFAULT_LOOKBACK_MS = 3_600_000;

/** When the query runs next after `afterMs`, within its start and end times; undefined when it never will again. */
function nextRun(query: ScheduledQuery, schedule: Schedule, afterMs: number): number | undefined {
  if (query.state !== 'ENABLED') return undefined;
  const start = Math.max(query.created, (query.scheduleStartTime ?? 0) * 1000);
  const next = nextFireTime(schedule, start, Math.max(afterMs, start - 1), query.timezone);
  return next !== undefined && (query.scheduleEndTime === undefined || next <= query.scheduleEndTime * 1000) ? next : undefined;
}

/** (Re)computes the query's next run from now and makes sure the state's watcher sees it. */
export function armScheduledQuery(state: LogsState, emulator: Emulator, query: ScheduledQuery): void {
  const schedule = parseSchedule(query.scheduleExpression);
  query.nextFireMs = schedule && nextRun(query, schedule, emulator.clock.now());
  state.scheduleWatcher ??= new ClockWatcher(
    emulator.clock,
    () => {
      const times = [...state.scheduledQueries.values()].flatMap((q) => (q.nextFireMs === undefined ? [] : [q.nextFireMs]));
      return times.length ? Math.min(...times) : undefined;
    },
    (nowMs) => {
      for (const q of state.scheduledQueries.values()) {
        if (q.nextFireMs === undefined || q.nextFireMs > nowMs) continue;
        const firedAt = q.nextFireMs;
        const parsed = parseSchedule(q.scheduleExpression)!;
        q.nextFireMs = nextRun(q, parsed, nowMs);
        void run(state, emulator, q, parsed, firedAt);
      }
    },
  );
  state.scheduleWatcher.poke();
}

function caller(state: LogsState, query: ScheduledQuery): Caller {
  return { accountId: state.accountId, arn: accountRootArn(state.accountId, state.region), servicePrincipal: 'logs.amazonaws.com', sourceArn: query.arn, sourceAccount: state.accountId };
}

/** One run, its history kept with the state's next persisted write. */
async function run(state: LogsState, emulator: Emulator, query: ScheduledQuery, schedule: Schedule, firedAt: number): Promise<void> {
  try {
    await execute(state, emulator, query, schedule, firedAt);
  } finally {
    emulator.changedInBackground('logs');
  }
}

/** The query over its look-back window, its results written to the S3 destination as JSON. */
async function execute(state: LogsState, emulator: Emulator, query: ScheduledQuery, schedule: Schedule, firedAt: number): Promise<void> {
  const record: ScheduledQueryRun = { queryId: '', executionStatus: 'Running', triggeredTimestamp: firedAt, destinations: [] };
  query.history.push(record);
  if (query.history.length > MAX_HISTORY) query.history.shift();
  query.lastTriggered = firedAt;
  const options = { caller: caller(state, query), region: state.region, accountId: state.accountId };
  const lookback = query.startTimeOffset !== undefined ? query.startTimeOffset * 1000 : schedule.kind === 'rate' ? schedule.periodMs : DEFAULT_LOOKBACK_MS;
  let results: unknown;
  try {
    if (query.queryLanguage !== 'CWLI') throw new Error(`Query language ${query.queryLanguage} is not run by twinstack.`);
    const started = (await emulator.call('logs', 'StartQuery', {
      logGroupIdentifiers: query.logGroupIdentifiers,
      queryString: query.queryString,
      startTime: Math.floor((firedAt - lookback) / 1000),
      endTime: Math.floor(firedAt / 1000),
    }, options)) as { queryId: string };
    record.queryId = started.queryId;
    results = await emulator.call('logs', 'GetQueryResults', { queryId: started.queryId }, options);
    record.executionStatus = 'Complete';
  } catch (error) {
    record.executionStatus = 'InvalidQuery';
    record.errorMessage = (error as Error).message;
    return;
  }
  if (!query.destination) return;
  const { destinationIdentifier } = query.destination;
  const target = /^s3:\/\/([^/]+)\/?(.*)$/.exec(destinationIdentifier);
  const key = `${target?.[2] ? `${target[2].replace(/\/$/, '')}/` : ''}${query.name}/${record.queryId}.json`;
  const destination: ScheduledQueryRun['destinations'][number] = { destinationType: 'S3', destinationIdentifier, status: 'IN_PROGRESS' };
  record.destinations.push(destination);
  try {
    await emulator.call('s3', 'PutObject', { Bucket: target![1], Key: key, Body: Buffer.from(JSON.stringify(results)), ContentType: 'application/json' }, options);
    destination.status = 'COMPLETE';
    destination.processedIdentifier = `s3://${target![1]}/${key}`;
  } catch (error) {
    destination.status = 'FAILED';
    destination.errorMessage = (error as Error).message;
    record.executionStatus = 'Failed';
  }
}
