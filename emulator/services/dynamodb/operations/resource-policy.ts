import type { DeleteResourcePolicyCommandInput, GetResourcePolicyCommandInput, PutResourcePolicyCommandInput } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

const notFound = (arn: string) => new AwsError('PolicyNotFoundException', `Resource-based policy not found for the provided ResourceArn: ${arn}`);

export function putResourcePolicy(input: PutResourcePolicyCommandInput, ctx: Ctx) {
  const table = ctx.state.tableByArn(input.ResourceArn!);
  const current = table.resourcePolicy;
  if (input.ExpectedRevisionId !== undefined && current?.revisionId !== input.ExpectedRevisionId) {
    throw new AwsError('PolicyNotFoundException', `A policy with the given revision ID does not exist for the provided ResourceArn: ${input.ResourceArn}`);
  }
  table.resourcePolicy = { policy: input.Policy!, revisionId: String(Date.now() * 1000 + Math.floor(Math.random() * 1000)) };
  return { RevisionId: table.resourcePolicy.revisionId };
}

export function getResourcePolicy(input: GetResourcePolicyCommandInput, ctx: Ctx) {
  const policy = ctx.state.tableByArn(input.ResourceArn!).resourcePolicy;
  if (!policy) throw notFound(input.ResourceArn!);
  return { Policy: policy.policy, RevisionId: policy.revisionId };
}

export function deleteResourcePolicy(input: DeleteResourcePolicyCommandInput, ctx: Ctx) {
  const table = ctx.state.tableByArn(input.ResourceArn!);
  if (!table.resourcePolicy) throw notFound(input.ResourceArn!);
  const revisionId = table.resourcePolicy.revisionId;
  table.resourcePolicy = undefined;
  return { RevisionId: revisionId };
}
