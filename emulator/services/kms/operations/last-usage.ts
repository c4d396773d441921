import type { GetKeyLastUsageCommandInput } from '@aws-sdk/client-kms';
import type { Handler } from '../../../core/service.ts';
import { findKey, type KmsContext } from '../keys.ts';
import type { KmsState } from '../state.ts';

/** The cryptographic operations GetKeyLastUsage reports (the model's KeyLastUsageTrackingOperation). */
export const TRACKED_OPERATIONS = new Set([
  'Decrypt',
  'DeriveSharedSecret',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'ReEncrypt',
  'Sign',
  'Verify',
  'VerifyMac',
]);

/**
 * A tracked operation that succeeded marks the keys it used (KeyId of its output; ReEncrypt's source key too) with
 * the operation, time and request id. Failed operations (an invalid signature included) leave no mark, as on AWS.
 */
export function trackingUse(operation: string, handler: Handler<KmsState>): Handler<KmsState> {
  return async (input, ctx) => {
    const output = (await handler(input, ctx)) as { KeyId?: string; SourceKeyId?: string };
    for (const arn of new Set([output.KeyId, output.SourceKeyId])) {
      const key = arn === undefined ? undefined : ctx.state.keys.get(arn.slice(arn.lastIndexOf('/') + 1));
      if (key && key.arn === arn) key.lastUsage = { operation, date: ctx.emulator.clock.date(), requestId: ctx.requestId };
    }
    return output;
  };
}

/** KMS records use from a key's creation here (TrackingStartDate), without CloudTrail event ids. Aliases are refused. */
export function getKeyLastUsage(input: GetKeyLastUsageCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  const used = key.lastUsage;
  return {
    KeyId: key.id,
    KeyLastUsage: used ? { Operation: used.operation, Timestamp: used.date, KmsRequestId: used.requestId } : undefined,
    TrackingStartDate: key.createDate,
    KeyCreationDate: key.createDate,
  };
}
