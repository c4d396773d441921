import type { DeletePublicAccessBlockRequest, GetPublicAccessBlockRequest, GetPublicAccessBlockOutput, PublicAccessBlockConfiguration, PutPublicAccessBlockRequest } from '@aws-sdk/client-s3-control';
import { AwsError } from '../../../core/errors.ts';
import { checkAccount, type S3ControlContext } from '../access.ts';
import { S3ControlErrors } from '../errors.ts';
import type { S3controlState } from '../state.ts';

/**
 * The account's public access block (AWS-recorded TestS3ControlPublicAccessBlock of LocalStack's suite): one for the
 * whole account, whatever the region it is set from; the flags not given are false; none given is refused.
 */
const FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/** Account-wide settings live in the account's us-east-1 state, whichever region the request names. */
function accountState(ctx: S3ControlContext): S3controlState {
  return ctx.emulator.state<S3controlState>('s3control', ctx.accountId, 'us-east-1');
}

export function putPublicAccessBlock(input: PutPublicAccessBlockRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  const given = input.PublicAccessBlockConfiguration ?? {};
  if (!FLAGS.some((flag) => given[flag] !== undefined)) throw S3ControlErrors.invalidRequest('Must specify at least one configuration.');
  accountState(ctx).accountPublicAccessBlock = Object.fromEntries(FLAGS.map((flag) => [flag, given[flag] ?? false])) as PublicAccessBlockConfiguration;
  return {};
}

export function getPublicAccessBlock(input: GetPublicAccessBlockRequest, ctx: S3ControlContext): GetPublicAccessBlockOutput {
  checkAccount(input, ctx);
  const configuration = accountState(ctx).accountPublicAccessBlock;
  if (!configuration) {
    throw new AwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', { status: 404, fields: { AccountId: ctx.accountId } });
  }
  return { PublicAccessBlockConfiguration: { ...configuration } };
}

export function deletePublicAccessBlock(input: DeletePublicAccessBlockRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  delete accountState(ctx).accountPublicAccessBlock;
  return {};
}
