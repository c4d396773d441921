import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GenerateMacCommandInput, VerifyMacCommandInput } from '@aws-sdk/client-kms';
import { keyForUse } from '../access.ts';
import { KmsErrors } from '../errors.ts';
import { currentMaterial, specInfo, type KmsContext } from '../keys.ts';
import { hashOf } from '../specs.ts';

function macOf(ctx: KmsContext, input: GenerateMacCommandInput, operation: 'GenerateMac' | 'VerifyMac') {
  const key = keyForUse(ctx, input.KeyId!, 'GENERATE_VERIFY_MAC', operation);
  const algorithm = input.MacAlgorithm!;
  if (!specInfo(key).mac?.includes(algorithm)) throw KmsErrors.invalidKeyUsage(`Algorithm ${algorithm} is incompatible with key spec ${key.spec}.`);
  const mac = createHmac(hashOf(algorithm).name, currentMaterial(key).secret!).update(input.Message!).digest();
  return { key, algorithm, mac };
}

export function generateMac(input: GenerateMacCommandInput, ctx: KmsContext) {
  const { key, algorithm, mac } = macOf(ctx, input, 'GenerateMac');
  if (input.DryRun) throw KmsErrors.dryRun();
  return { Mac: mac, MacAlgorithm: algorithm, KeyId: key.arn };
}

export function verifyMac(input: VerifyMacCommandInput, ctx: KmsContext) {
  const { key, algorithm, mac } = macOf(ctx, input, 'VerifyMac');
  if (input.DryRun) throw KmsErrors.dryRun();
  const given = Buffer.from(input.Mac!);
  if (given.length !== mac.length || !timingSafeEqual(given, mac)) throw KmsErrors.invalidMac();
  return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm };
}
