import type { DeleteResourcePolicyCommandInput, GetResourcePolicyCommandInput, PutResourcePolicyCommandInput } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

const notFound = (arn: string) => new AwsError('PolicyNotFoundException', `Resource-based policy not found for the provided ResourceArn: ${arn}`);

/** `NO_POLICY` as ExpectedRevisionId means "only if the resource has no policy" (PutResourcePolicy API reference). */
const NO_POLICY = 'NO_POLICY';

/**
 * ExpectedRevisionId, honoured by Put and Delete: a mismatch, or no policy to match, is a PolicyNotFoundException
 * (the API reference's rule; AWS's exact wording was not found in recorded data, so the existing wording stays).
 */
function checkExpectedRevision(expected: string | undefined, current: { revisionId: string } | undefined, arn: string) {
  if (expected === undefined) return;
  const matches = expected === NO_POLICY ? current === undefined : current?.revisionId === expected;
  if (!matches) throw new AwsError('PolicyNotFoundException', `A policy with the given revision ID does not exist for the provided ResourceArn: ${arn}`);
}

/** A stream ARN holds the stream's own policy; any other ARN its table's. */
function holderOf(arn: string, ctx: Ctx): { resourcePolicy?: { policy: string; revisionId: string } } {
  const table = ctx.state.tableByArn(arn);
  if (!/\/stream\//.test(arn)) return table;
  const stream = ctx.state.streams.streams.get(arn);
  if (!stream || stream.tableName !== table.name) throw new AwsError('ResourceNotFoundException', `ResourceArn: ${arn} not found`);
  return stream;
}

/** "Running it multiple times on the same resource using the same policy document will return the same revision ID." */
export function putResourcePolicy(input: PutResourcePolicyCommandInput, ctx: Ctx) {
  const table = holderOf(input.ResourceArn!, ctx);
  const current = table.resourcePolicy;
  checkExpectedRevision(input.ExpectedRevisionId, current, input.ResourceArn!);
  if (current?.policy !== input.Policy) {
    table.resourcePolicy = { policy: input.Policy!, revisionId: String(ctx.emulator.clock.now() * 1000 + Math.floor(Math.random() * 1000)) };
  }
  return { RevisionId: table.resourcePolicy!.revisionId };
}

export function getResourcePolicy(input: GetResourcePolicyCommandInput, ctx: Ctx) {
  const policy = holderOf(input.ResourceArn!, ctx).resourcePolicy;
  if (!policy) throw notFound(input.ResourceArn!);
  return { Policy: policy.policy, RevisionId: policy.revisionId };
}

export function deleteResourcePolicy(input: DeleteResourcePolicyCommandInput, ctx: Ctx) {
  const table = holderOf(input.ResourceArn!, ctx);
  if (!table.resourcePolicy) throw notFound(input.ResourceArn!);
  checkExpectedRevision(input.ExpectedRevisionId, table.resourcePolicy, input.ResourceArn!);
  const revisionId = table.resourcePolicy.revisionId;
  table.resourcePolicy = undefined;
  return { RevisionId: revisionId };
}
