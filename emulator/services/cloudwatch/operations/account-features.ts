import type { DescribeAlarmContributorsInput, DescribeAlarmContributorsOutput, GetOTelEnrichmentOutput } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { AwsError } from '../../../core/errors.ts';
import type { CloudWatchState } from '../state.ts';

type Ctx = RequestContext<CloudWatchState>;

/** OTel enrichment of vended metrics: a per-account-and-region switch, Stopped until started. */
export const getOTelEnrichment = (_input: object, ctx: Ctx): GetOTelEnrichmentOutput => ({ Status: ctx.state.otelEnrichment });

export function startOTelEnrichment(_input: object, ctx: Ctx): object {
  ctx.state.otelEnrichment = 'Running';
  return {};
}

export function stopOTelEnrichment(_input: object, ctx: Ctx): object {
  ctx.state.otelEnrichment = 'Stopped';
  return {};
}

/**
 * The contributors of a multi-time-series alarm (one alarm over many series, each with its own state). The alarms
 * twinstack evaluates each watch one series or one math expression, so an existing alarm has no contributors.
 */
export function describeAlarmContributors(input: DescribeAlarmContributorsInput, ctx: Ctx): DescribeAlarmContributorsOutput {
  if (!ctx.state.alarms.has(input.AlarmName!)) throw new AwsError('ResourceNotFoundException', `Alarm ${input.AlarmName} does not exist.`);
  return { AlarmContributors: [] };
}
