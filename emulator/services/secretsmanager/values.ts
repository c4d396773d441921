import { secretsError } from './errors.ts';
import type { SecretsContext } from './secrets.ts';
import type { Secret, SecretVersion } from './state.ts';

/**
 * Secret values are encrypted through KMS (its front door, as the caller) when the secret names a customer managed
 * key; with the default key (`aws/secretsmanager`, not modelled) they are kept as given. The encryption context
 * binds each value to its secret and version, as Secrets Manager does. KMS failures surface as Secrets Manager's
 * EncryptionFailure / DecryptionFailure with KMS's message.
 */
function kmsOptions(ctx: SecretsContext) {
  return { caller: ctx.caller, region: ctx.region };
}

function context(secret: Secret, versionId: string) {
  return { SecretARN: secret.arn, SecretVersionId: versionId };
}

export async function storeValue(
  ctx: SecretsContext,
  secret: Secret,
  version: SecretVersion,
  value: { SecretString?: string; SecretBinary?: Uint8Array },
): Promise<void> {
  if (!secret.kmsKeyId) {
    version.string = value.SecretString;
    version.binary = value.SecretBinary;
    return;
  }
  const binary = value.SecretBinary !== undefined;
  const plaintext = binary ? value.SecretBinary! : new TextEncoder().encode(value.SecretString);
  try {
    const out = await ctx.emulator.call<{ CiphertextBlob: Uint8Array }>(
      'kms',
      'Encrypt',
      { KeyId: secret.kmsKeyId, Plaintext: plaintext, EncryptionContext: context(secret, version.id) },
      kmsOptions(ctx),
    );
    version.encrypted = { blob: out.CiphertextBlob, binary };
    version.kmsKeyId = secret.kmsKeyId;
  } catch (error) {
    throw secretsError('EncryptionFailure', error instanceof Error ? error.message : 'Encryption failed');
  }
}

export async function readValue(ctx: SecretsContext, secret: Secret, version: SecretVersion): Promise<{ SecretString?: string; SecretBinary?: Uint8Array }> {
  if (!version.encrypted) return { SecretString: version.string, SecretBinary: version.binary };
  try {
    const out = await ctx.emulator.call<{ Plaintext: Uint8Array }>(
      'kms',
      'Decrypt',
      { CiphertextBlob: version.encrypted.blob, EncryptionContext: context(secret, version.id) },
      kmsOptions(ctx),
    );
    return version.encrypted.binary ? { SecretBinary: out.Plaintext } : { SecretString: new TextDecoder().decode(out.Plaintext) };
  } catch (error) {
    throw secretsError('DecryptionFailure', error instanceof Error ? error.message : 'Decryption failed');
  }
}

/** Whether a stored version holds the same value (PutSecretValue is idempotent by ClientRequestToken). */
export async function sameValue(ctx: SecretsContext, secret: Secret, version: SecretVersion, value: { SecretString?: string; SecretBinary?: Uint8Array }) {
  const stored = await readValue(ctx, secret, version);
  if (value.SecretBinary !== undefined) return stored.SecretBinary !== undefined && Buffer.from(stored.SecretBinary).equals(Buffer.from(value.SecretBinary));
  return stored.SecretString === value.SecretString && stored.SecretBinary === undefined;
}
