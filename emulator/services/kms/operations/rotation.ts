import type {
  DisableKeyRotationCommandInput,
  EnableKeyRotationCommandInput,
  GetKeyRotationStatusCommandInput,
  ListKeyRotationsCommandInput,
  RotateKeyOnDemandCommandInput,
} from '@aws-sdk/client-kms';
import { KmsErrors } from '../errors.ts';
import { findKey, newSecretMaterial, requireUsable, rotationDate, type KmsContext } from '../keys.ts';
import { page } from '../paging.ts';
import type { KmsKey } from '../state.ts';

/** KMS's quota of on-demand rotations per key. */
const MAX_ON_DEMAND = 25;

/** Only symmetric encryption keys with key material from KMS rotate. */
function rotatable(ctx: KmsContext, keyId: string): KmsKey {
  const key = findKey(ctx, keyId, { aliases: false });
  if (key.spec !== 'SYMMETRIC_DEFAULT') throw KmsErrors.unsupported(`${key.arn} key spec ${key.spec} is not valid for this operation.`);
  return key;
}

export function enableKeyRotation(input: EnableKeyRotationCommandInput, ctx: KmsContext) {
  const key = rotatable(ctx, input.KeyId!);
  requireUsable(key);
  if (key.origin === 'EXTERNAL') throw KmsErrors.unsupported(`${key.arn} origin is EXTERNAL which is not valid for this operation.`);
  key.rotationEnabled = true;
  key.rotationPeriodInDays = input.RotationPeriodInDays ?? 365;
  key.nextRotationDate = rotationDate(ctx, key.rotationPeriodInDays);
  return {};
}

export function disableKeyRotation(input: DisableKeyRotationCommandInput, ctx: KmsContext) {
  const key = rotatable(ctx, input.KeyId!);
  requireUsable(key);
  key.rotationEnabled = false;
  key.nextRotationDate = undefined;
  return {};
}

export function getKeyRotationStatus(input: GetKeyRotationStatusCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!);
  // AWS shows OnDemandRotationStartDate only while an on-demand rotation is in progress; here one completes at once
  // (AWS-recorded test_rotate_key_on_demand_with_symmetric_key_and_automatic_rotation_*: absent after the rotation).
  return {
    KeyRotationEnabled: key.rotationEnabled,
    KeyId: key.arn,
    RotationPeriodInDays: key.rotationEnabled ? key.rotationPeriodInDays : undefined,
    NextRotationDate: key.nextRotationDate,
  };
}

/** New key material at once; ciphertexts under the old material still decrypt. */
export function rotateKeyOnDemand(input: RotateKeyOnDemandCommandInput, ctx: KmsContext) {
  // A disabled key is refused as such before its spec is looked at (AWS-recorded
  // test_rotate_key_on_demand_raises_error_given_key_is_disabled, an RSA key).
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  if (key.state === 'Disabled') throw KmsErrors.disabled(key.arn);
  // AWS refuses other key specs here with no message (AWS-recorded test_rotate_key_on_demand_raises_error_given_non_symmetric_key).
  if (key.spec !== 'SYMMETRIC_DEFAULT') throw KmsErrors.unsupported('');
  requireUsable(key);
  if (key.rotations.filter((r) => r.type === 'ON_DEMAND').length >= MAX_ON_DEMAND) {
    throw KmsErrors.limitExceeded(`The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.arn}`);
  }
  // Keys of imported material rotate to the new material imported for them, and only then.
  if (key.origin === 'EXTERNAL' && !key.pendingMaterial) throw KmsErrors.unsupported(`${key.arn} origin is EXTERNAL which is not valid for this operation.`);
  const material = key.pendingMaterial ?? newSecretMaterial(key.spec);
  key.pendingMaterial = undefined;
  key.materials.push(material);
  key.rotations.push({ materialId: material.id, date: ctx.emulator.clock.date(), type: 'ON_DEMAND' });
  return { KeyId: key.arn };
}

export function listKeyRotations(input: ListKeyRotationsCommandInput, ctx: KmsContext) {
  const key = rotatable(ctx, input.KeyId!);
  const { items, Truncated, NextMarker } = page(key.rotations, input.Limit, input.Marker);
  return {
    Rotations: items.map((r) => ({ KeyId: key.arn, KeyMaterialId: r.materialId, RotationDate: r.date, RotationType: r.type })),
    Truncated,
    NextMarker,
  };
}
