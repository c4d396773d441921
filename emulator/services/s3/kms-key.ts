import { AwsError } from '../../core/errors.ts';
import type { S3Context } from './registry.ts';

interface KeyMetadata {
  Arn?: string;
  KeyState?: string;
}

/**
 * SSE-KMS reads and writes need the key usable: S3 answers KMS's error, prefixed `KMS.`, for a key KMS does not know
 * in the bucket's region (`Invalid keyId 'x'`, `Key '<arn>' does not exist`, `Invalid arn <region>` for another
 * region's key), a disabled key or one pending deletion. The key is asked of KMS through its front door, as the
 * caller, by the id the request gave (`given`) or the stored ARN; its key ARN is the answer (an alias such as the AWS-managed `alias/aws/s3` is reported as the key it names).
 * When KMS cannot answer at all (not among the emulator's services), the key is left as given.
 */
export async function usableKmsKeyArn(ctx: S3Context, keyArn: string | undefined, given?: string): Promise<string | undefined> {
  if (!keyArn) return undefined;
  let metadata: KeyMetadata | undefined;
  try {
    // KMS is asked about the key as the request named it (its errors quote that name).
    const output = (await ctx.emulator.call('kms', 'DescribeKey', { KeyId: given ?? keyArn }, { caller: ctx.caller, accountId: ctx.accountId, region: ctx.region })) as {
      KeyMetadata?: KeyMetadata;
    };
    metadata = output.KeyMetadata;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NotFoundException') throw new AwsError('KMS.NotFoundException', error.message, { status: 400 });
    return keyArn;
  }
  if (metadata?.KeyState === 'Disabled') throw new AwsError('KMS.DisabledException', `${metadata.Arn} is disabled.`, { status: 400 });
  if (metadata?.KeyState === 'PendingDeletion') throw new AwsError('KMS.KMSInvalidStateException', `${metadata.Arn} is pending deletion.`, { status: 400 });
  return metadata?.Arn ?? keyArn;
}
