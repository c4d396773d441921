import { mayAccess, notAuthorized } from '../../core/access.ts';
import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import type { KinesisState } from './state.ts';

/** Only the owner's account may manage resource policies (Kinesis API Reference, PutResourcePolicy). */
const OWNER_ONLY = new Set(['PutResourcePolicy', 'GetResourcePolicy', 'DeleteResourcePolicy']);

/**
 * A stream or consumer ARN names its account: a request naming another account's stream runs against that
 * account's state once the stream's (or consumer's) resource policy lets the caller in; otherwise it gets Kinesis'
 * AccessDeniedException. Names, and ARNs of the caller's own account, are resolved in the caller's state as before.
 */
export function contextForStream(
  input: { StreamARN?: unknown; ConsumerARN?: unknown; ResourceARN?: unknown },
  ctx: RequestContext<KinesisState>,
): RequestContext<KinesisState> {
  const { StreamARN, ConsumerARN, ResourceARN } = input;
  const named = typeof StreamARN === 'string' ? StreamARN : typeof ConsumerARN === 'string' ? ConsumerARN : typeof ResourceARN === 'string' ? ResourceARN : undefined;
  // Most requests name their stream by name: nothing to parse or look up for them.
  if (named === undefined) return ctx;
  const arn = parseArn(named);
  if (!arn || arn.service !== 'kinesis' || !/^\d{12}$/.test(arn.accountId) || arn.accountId === ctx.caller.accountId) return ctx;
  if (arn.region !== ctx.region) return ctx;
  const state = ctx.emulator.state<KinesisState>('kinesis', arn.accountId, arn.region);
  const streamArn = named.replace(/\/consumer\/.*$/, '');
  const policy = state.policies.get(named) ?? state.policies.get(streamArn);
  const action = `kinesis:${ctx.operation}`;
  if ((ctx.emulator.crossAccount !== 'open' && OWNER_ONLY.has(ctx.operation)) || !mayAccess(ctx, action, named, arn.accountId, policy)) {
    throw new AwsError('AccessDeniedException', notAuthorized(ctx.caller, action, named));
  }
  return { ...ctx, accountId: arn.accountId, state };
}
