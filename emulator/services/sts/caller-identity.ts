import type {
  GetAccessKeyInfoCommandInput,
  GetAccessKeyInfoCommandOutput,
  GetCallerIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { callerIdentity } from './identity.ts';

export function getCallerIdentity(_input: unknown, ctx: RequestContext): Omit<GetCallerIdentityCommandOutput, '$metadata'> {
  const caller = callerIdentity(ctx);
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
}

/** The account an access key acts in: the same mapping the gateway applies to signed requests. */
export function getAccessKeyInfo(input: GetAccessKeyInfoCommandInput, ctx: RequestContext): Omit<GetAccessKeyInfoCommandOutput, '$metadata'> {
  return { Account: ctx.emulator.credentials.accountFor(input.AccessKeyId) };
}
