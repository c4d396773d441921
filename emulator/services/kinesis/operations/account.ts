import type { UpdateAccountSettingsCommandInput } from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { ON_DEMAND_STREAM_LIMIT, shardLimit } from '../limits.ts';
import type { KinesisState } from '../state.ts';
import { onDemandStreamCount } from './streams.ts';

type Ctx = RequestContext<KinesisState>;

export function describeLimits(_input: unknown, ctx: Ctx) {
  return {
    ShardLimit: shardLimit(ctx.state.region),
    OpenShardCount: ctx.state.openShardCount(),
    OnDemandStreamCount: onDemandStreamCount(ctx.state),
    OnDemandStreamCountLimit: ON_DEMAND_STREAM_LIMIT,
  };
}

/** A minimum throughput billing commitment lasts at least 24 hours once enabled. */
const COMMITMENT_MINIMUM_MS = 24 * 3_600_000;

function commitmentOutput(state: KinesisState) {
  const commitment = state.minimumThroughputBillingCommitment;
  if (!commitment) return { Status: 'DISABLED' };
  return {
    Status: commitment.status,
    StartedAt: commitment.startedAt,
    EndedAt: commitment.endedAt,
    EarliestAllowedEndAt: commitment.startedAt && new Date(commitment.startedAt.getTime() + COMMITMENT_MINIMUM_MS),
  };
}

export function describeAccountSettings(_input: unknown, ctx: Ctx) {
  return { MinimumThroughputBillingCommitment: commitmentOutput(ctx.state) };
}

export function updateAccountSettings(input: UpdateAccountSettingsCommandInput, ctx: Ctx) {
  const status = input.MinimumThroughputBillingCommitment!.Status!;
  const previous = ctx.state.minimumThroughputBillingCommitment;
  ctx.state.minimumThroughputBillingCommitment =
    status === 'ENABLED' ? { status, startedAt: ctx.emulator.clock.date() } : { status, startedAt: previous?.startedAt, endedAt: ctx.emulator.clock.date() };
  return { MinimumThroughputBillingCommitment: commitmentOutput(ctx.state) };
}
