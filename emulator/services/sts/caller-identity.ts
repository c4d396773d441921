import type {
  GetAccessKeyInfoCommandInput,
  GetAccessKeyInfoCommandOutput,
  GetCallerIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { callerIdentity } from './identity.ts';
import { accountOfKeyId } from './keys.ts';

export function getCallerIdentity(_input: unknown, ctx: RequestContext): Omit<GetCallerIdentityCommandOutput, '$metadata'> {
  const caller = callerIdentity(ctx);
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
}

/**
 * The account an access key belongs to: the one twinstack issued or was configured with; else, as AWS does, the
 * account encoded in an AWS-format key id (AKIA/ASIA and 16 base32 characters); else the gateway's own mapping.
 */
export function getAccessKeyInfo(input: GetAccessKeyInfoCommandInput, ctx: RequestContext): Omit<GetAccessKeyInfoCommandOutput, '$metadata'> {
  const id = input.AccessKeyId ?? '';
  const known = ctx.emulator.credentials.lookup(id);
  return { Account: known?.accountId ?? accountOfKeyId(id) ?? ctx.emulator.credentials.accountFor(id) };
}
