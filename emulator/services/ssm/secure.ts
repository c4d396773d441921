import { AwsError } from '../../core/errors.ts';
import type { SsmContext } from './parameters.ts';
import type { Parameter, ParameterVersion } from './state.ts';

/** SecureString values default to the AWS managed key for SSM, which KMS makes on first use. */
export const DEFAULT_KEY = 'alias/aws/ssm';

/**
 * SecureString values are encrypted through KMS's front door (as the caller), bound to the parameter name by the
 * encryption context, as Parameter Store does; the stored value is the ciphertext's base64, which is what
 * GetParameter returns without WithDecryption. KMS errors keep KMS's code and message (e.g. DisabledException).
 */
function context(parameter: Parameter) {
  return { PARAMETER_ARN: parameter.arn };
}

export async function encryptValue(ctx: SsmContext, parameter: Parameter, value: string, keyId: string): Promise<string> {
  if (!ctx.emulator.serviceNames().includes('kms')) throw new AwsError('InvalidKeyId', 'SecureString parameters need the kms service enabled in twinstack.');
  const out = await ctx.emulator.call<{ CiphertextBlob: Uint8Array }>(
    'kms',
    'Encrypt',
    { KeyId: keyId, Plaintext: new TextEncoder().encode(value), EncryptionContext: context(parameter) },
    { caller: ctx.caller, region: ctx.region },
  );
  return Buffer.from(out.CiphertextBlob).toString('base64');
}

export async function visibleValue(ctx: SsmContext, parameter: Parameter, version: ParameterVersion, withDecryption: boolean | undefined): Promise<string> {
  if (version.type !== 'SecureString' || !withDecryption) return version.value;
  const out = await ctx.emulator.call<{ Plaintext: Uint8Array }>(
    'kms',
    'Decrypt',
    { CiphertextBlob: Buffer.from(version.value, 'base64'), EncryptionContext: context(parameter) },
    { caller: ctx.caller, region: ctx.region },
  );
  return new TextDecoder().decode(out.Plaintext);
}
