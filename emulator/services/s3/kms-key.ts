import { AwsError } from '../../core/errors.ts';
import type { S3Context } from './registry.ts';

interface KeyMetadata {
  Arn?: string;
  KeyState?: string;
}

/**
 * SSE-KMS reads and writes need the key usable: S3 answers KMS's error, prefixed `KMS.`, for a disabled key or one
 * pending deletion. The key is asked of KMS through its front door, as the caller; a key KMS does not know is left to
 * the write's own checks.
 */
export async function checkKmsKeyState(ctx: S3Context, keyArn: string | undefined): Promise<void> {
  if (!keyArn) return;
  let metadata: KeyMetadata | undefined;
  try {
    const output = (await ctx.emulator.call('kms', 'DescribeKey', { KeyId: keyArn }, { caller: ctx.caller, accountId: ctx.accountId, region: ctx.region })) as {
      KeyMetadata?: KeyMetadata;
    };
    metadata = output.KeyMetadata;
  } catch {
    return;
  }
  if (metadata?.KeyState === 'Disabled') throw new AwsError('KMS.DisabledException', `${metadata.Arn} is disabled.`, { status: 400 });
  if (metadata?.KeyState === 'PendingDeletion') throw new AwsError('KMS.KMSInvalidStateException', `${metadata.Arn} is pending deletion.`, { status: 400 });
}
