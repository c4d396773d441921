import type { DeleteResourcePolicyCommandInput, GetResourcePolicyCommandInput, PutResourcePolicyCommandInput } from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument } from '../errors.ts';
import type { KinesisState } from '../state.ts';

type Ctx = RequestContext<KinesisState>;

/** Policies attach to streams and consumers; the resource must exist. */
function existingResource(arn: string, ctx: Ctx): string {
  if (arn.includes('/consumer/')) ctx.state.consumerByArn(arn);
  else ctx.state.stream({ StreamARN: arn });
  return arn;
}

export function putResourcePolicy(input: PutResourcePolicyCommandInput, ctx: Ctx) {
  const arn = existingResource(input.ResourceARN!, ctx);
  try {
    JSON.parse(input.Policy!);
  } catch {
    throw invalidArgument('Policy is not a valid JSON document.');
  }
  ctx.state.policies.set(arn, input.Policy!);
  return {};
}

/** Without a policy, AWS answers with an empty JSON document. */
export function getResourcePolicy(input: GetResourcePolicyCommandInput, ctx: Ctx) {
  return { Policy: ctx.state.policies.get(existingResource(input.ResourceARN!, ctx)) ?? '{}' };
}

export function deleteResourcePolicy(input: DeleteResourcePolicyCommandInput, ctx: Ctx) {
  ctx.state.policies.delete(existingResource(input.ResourceARN!, ctx));
  return {};
}
