import type { DecreaseStreamRetentionPeriodCommandInput, IncreaseStreamRetentionPeriodCommandInput } from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument } from '../errors.ts';
import { MAX_RETENTION_HOURS, MIN_RETENTION_HOURS } from '../limits.ts';
import type { KinesisState } from '../state.ts';

type Ctx = RequestContext<KinesisState>;

function checkBounds(hours: number) {
  if (hours < MIN_RETENTION_HOURS) {
    throw invalidArgument(`Minimum allowed retention period is ${MIN_RETENTION_HOURS} hours. Requested retention period (${hours} hours) is too short.`);
  }
  if (hours > MAX_RETENTION_HOURS) {
    throw invalidArgument(`Maximum allowed retention period is ${MAX_RETENTION_HOURS} hours. Requested retention period (${hours} hours) is too long.`);
  }
}

export function increaseStreamRetentionPeriod(input: IncreaseStreamRetentionPeriodCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const hours = input.RetentionPeriodHours!;
  checkBounds(hours);
  if (hours < stream.retentionHours) {
    throw invalidArgument(
      `Requested retention period (${hours} hours) for stream ${stream.name} can not be shorter than existing retention period (${stream.retentionHours} hours). Use DecreaseRetentionPeriod API.`,
    );
  }
  stream.retentionHours = hours;
  return {};
}

export function decreaseStreamRetentionPeriod(input: DecreaseStreamRetentionPeriodCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const hours = input.RetentionPeriodHours!;
  checkBounds(hours);
  if (hours > stream.retentionHours) {
    throw invalidArgument(
      `Requested retention period (${hours} hours) for stream ${stream.name} can not be longer than existing retention period (${stream.retentionHours} hours). Use IncreaseRetentionPeriod API.`,
    );
  }
  stream.retentionHours = hours;
  return {};
}
