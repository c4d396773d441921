import { randomUUID } from 'node:crypto';
import { parseArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Execution, SfnState } from '../state.ts';

/** Event types each logging level keeps (AWS: ERROR logs failures, FATAL only the execution's own failure). */
const FATAL = new Set(['ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);

function kept(level: string | undefined, type: string): boolean {
  if (level === 'ALL') return true;
  if (level === 'ERROR') return FATAL.has(type) || /Failed$|TimedOut$|Aborted$/.test(type);
  if (level === 'FATAL') return FATAL.has(type);
  return false;
}

/**
 * An ended execution's history in its state machine's CloudWatch Logs group (LoggingConfiguration), one log event
 * per history event in AWS's log format, without the input and output unless `includeExecutionData`.
 */
export async function sendExecutionLogs(emulator: Emulator, state: SfnState, execution: Execution): Promise<void> {
  const logging = execution.config.loggingConfiguration;
  const groupArn = logging.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
  if (!groupArn || !logging.level || logging.level === 'OFF' || !emulator.isEnabled('logs')) return;
  const group = parseArn(groupArn);
  const logGroupName = group?.resource.replace(/^log-group:/, '').replace(/:\*$/, '');
  if (!group || !logGroupName) return;
  const events = execution.events.filter((e) => kept(logging.level, e.type!));
  if (!events.length) return;
  const caller = { accountId: group.accountId || state.accountId, arn: execution.config.roleArn };
  const options = { caller, region: group.region || state.region };
  const day = execution.startDate.toISOString().slice(0, 10).replace(/-/g, '/');
  const logStreamName = `states/${execution.machineName}/${day}/${randomUUID().replace(/-/g, '')}`;
  await emulator.call('logs', 'CreateLogStream', { logGroupName, logStreamName }, options);
  const logEvents = events.map((e) => {
    const { id, previousEventId, timestamp, type, ...rest } = e;
    const details = Object.values(rest)[0] as Record<string, unknown> | undefined;
    const shown = logging.includeExecutionData ? details : details && Object.fromEntries(Object.entries(details).filter(([k]) => !['input', 'output', 'parameters'].includes(k)));
    return {
      timestamp: timestamp!.getTime(),
      message: JSON.stringify({
        id: String(id),
        type,
        details: shown ?? {},
        previous_event_id: String(previousEventId ?? 0),
        event_timestamp: String(timestamp!.getTime()),
        execution_arn: execution.arn,
        redrive_count: String(execution.redriveCount),
      }),
    };
  });
  await emulator.call('logs', 'PutLogEvents', { logGroupName, logStreamName, logEvents }, options);
}
