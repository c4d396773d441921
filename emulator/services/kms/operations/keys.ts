import type {
  CancelKeyDeletionCommandInput,
  CreateKeyCommandInput,
  DescribeKeyCommandInput,
  DisableKeyCommandInput,
  EnableKeyCommandInput,
  ListKeysCommandInput,
  ListResourceTagsCommandInput,
  ScheduleKeyDeletionCommandInput,
  TagResourceCommandInput,
  UntagResourceCommandInput,
  UpdateKeyDescriptionCommandInput,
} from '@aws-sdk/client-kms';
import { AwsError, CommonErrors } from '../../../core/errors.ts';
import { accountRootArn } from '../../../core/arn.ts';
import { KmsErrors } from '../errors.ts';
import { findKey, keyMetadata, kmsArn, newKeyId, newMaterial, type KmsContext } from '../keys.ts';
import { page } from '../paging.ts';
import { checkKeyPolicy } from '../policy.ts';
import { KEY_SPECS, type KeyUsage } from '../specs.ts';
import type { CustomKeyStore, KmsKey } from '../state.ts';
import { requireStore } from './custom-key-stores.ts';
import { checkTags, mergeTags } from '../tags.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The key policy KMS gives a key created without one: the account root may do everything, delegating to IAM. */
export function defaultKeyPolicy(ctx: KmsContext): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: accountRootArn(ctx.state.accountId, ctx.region) }, Action: 'kms:*', Resource: '*' },
    ],
  });
}

function keyUsageFor(spec: string, requested: string | undefined): KeyUsage {
  const info = KEY_SPECS[spec];
  if (requested === undefined) {
    // HMAC keys too need their KeyUsage named (AWS-recorded test_hmac_create_key_invalid_operations).
    if (info.family === 'symmetric') return 'ENCRYPT_DECRYPT';
    throw KmsErrors.validation('You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.');
  }
  if (!info.usages.includes(requested as KeyUsage)) throw KmsErrors.validation(`KeyUsage ${requested} is not compatible with KeySpec ${spec}`);
  return requested as KeyUsage;
}

/**
 * The custom key store a key of Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE goes into: it must exist, be of the origin's
 * type and CONNECTED; only single-Region symmetric encryption keys live there, an external one naming its XksKeyId
 * (unique in the store).
 */
function storeForKey(ctx: KmsContext, input: CreateKeyCommandInput, origin: string, spec: string): CustomKeyStore | undefined {
  const inStore = origin === 'AWS_CLOUDHSM' || origin === 'EXTERNAL_KEY_STORE';
  if (!inStore) {
    if (origin !== 'AWS_KMS' && origin !== 'EXTERNAL') throw CommonErrors.notImplemented('kms', `CreateKey with Origin ${input.Origin}`);
    if (input.CustomKeyStoreId !== undefined) throw KmsErrors.validation('CustomKeyStoreId is valid only with Origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE.');
    if (input.XksKeyId !== undefined) throw KmsErrors.validation('XksKeyId is valid only with Origin EXTERNAL_KEY_STORE.');
    return undefined;
  }
  if (input.CustomKeyStoreId === undefined) throw KmsErrors.validation(`CustomKeyStoreId is required with Origin ${origin}.`);
  const store = requireStore(ctx.state, input.CustomKeyStoreId);
  if (store.type !== origin) throw KmsErrors.unsupported(`Custom key store ${store.id} is of type ${store.type}, not ${origin}.`);
  if (spec !== 'SYMMETRIC_DEFAULT' || input.MultiRegion) throw KmsErrors.unsupported('Keys in a custom key store must be single-Region symmetric encryption keys.');
  if (store.connectionState !== 'CONNECTED') {
    throw new AwsError('CustomKeyStoreInvalidStateException', `Custom key store ${store.id} is ${store.connectionState}: keys can be created only in a CONNECTED store.`);
  }
  if (origin === 'EXTERNAL_KEY_STORE') {
    if (input.XksKeyId === undefined) throw KmsErrors.validation('XksKeyId is required with Origin EXTERNAL_KEY_STORE.');
    const taken = [...ctx.state.keys.values()].find((k) => k.customKeyStoreId === store.id && k.xksKeyId === input.XksKeyId);
    if (taken) throw new AwsError('XksKeyAlreadyInUseException', `External key ${input.XksKeyId} is already associated with KMS key ${taken.arn}.`);
  } else if (input.XksKeyId !== undefined) throw KmsErrors.validation('XksKeyId is valid only with Origin EXTERNAL_KEY_STORE.');
  return store;
}

export async function createKey(input: CreateKeyCommandInput, ctx: KmsContext) {
  const spec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
  if (!Object.hasOwn(KEY_SPECS, spec)) throw CommonErrors.notImplemented('kms', `CreateKey with KeySpec ${spec}`);
  const origin = input.Origin ?? 'AWS_KMS';
  const usage = keyUsageFor(spec, input.KeyUsage);
  const store = storeForKey(ctx, input, origin, spec);
  checkTags(input.Tags ?? [], ctx.caller);
  if (input.Policy !== undefined) checkKeyPolicy(input.Policy);
  const id = newKeyId(Boolean(input.MultiRegion));
  const key: KmsKey = {
    id,
    arn: kmsArn(ctx, `key/${id}`),
    accountId: ctx.state.accountId,
    createDate: ctx.emulator.clock.date(),
    description: input.Description ?? '',
    usage,
    spec,
    manager: 'CUSTOMER',
    // A key of EXTERNAL origin waits for ImportKeyMaterial.
    state: origin === 'EXTERNAL' ? 'PendingImport' : 'Enabled',
    origin: origin as KmsKey['origin'],
    multiRegion: Boolean(input.MultiRegion),
    customKeyStoreId: store?.id,
    cloudHsmClusterId: store?.cloudHsmClusterId,
    xksKeyId: input.XksKeyId,
    policy: input.Policy ?? defaultKeyPolicy(ctx),
    tags: (input.Tags ?? []).map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
    materials: origin === 'EXTERNAL' ? [] : [await newMaterial(spec)],
    rotationEnabled: false,
    rotations: [],
  };
  ctx.state.keys.set(id, key);
  return { KeyMetadata: keyMetadata(key) };
}

export function describeKey(input: DescribeKeyCommandInput, ctx: KmsContext) {
  return { KeyMetadata: keyMetadata(findKey(ctx, input.KeyId!)) };
}

export function listKeys(input: ListKeysCommandInput, ctx: KmsContext) {
  const keys = [...ctx.state.keys.keys()].map((id) => findKeyQuietly(ctx, id)).filter((k): k is KmsKey => Boolean(k));
  const { items, Truncated, NextMarker } = page(keys, input.Limit, input.Marker);
  return { Keys: items.map((k) => ({ KeyId: k.id, KeyArn: k.arn })), Truncated, NextMarker };
}

/** A key by id, or undefined once its deletion date has passed. */
function findKeyQuietly(ctx: KmsContext, id: string): KmsKey | undefined {
  try {
    return findKey(ctx, id);
  } catch {
    return undefined;
  }
}

function notPendingDeletion(key: KmsKey): void {
  if (key.state === 'PendingDeletion') throw KmsErrors.invalidState(`${key.arn} is pending deletion.`);
}

function notPendingImport(key: KmsKey): void {
  if (key.state === 'PendingImport') throw KmsErrors.invalidState(`${key.arn} is pending import.`);
}

export function enableKey(input: EnableKeyCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  notPendingDeletion(key);
  notPendingImport(key);
  key.state = 'Enabled';
  return {};
}

export function disableKey(input: DisableKeyCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  notPendingDeletion(key);
  notPendingImport(key);
  key.state = 'Disabled';
  return {};
}

export function scheduleKeyDeletion(input: ScheduleKeyDeletionCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  notPendingDeletion(key);
  const days = input.PendingWindowInDays ?? 30;
  key.state = 'PendingDeletion';
  key.pendingWindowInDays = days;
  key.deletionDate = new Date(ctx.emulator.clock.now() + days * DAY_MS);
  return { KeyId: key.arn, DeletionDate: key.deletionDate, KeyState: key.state, PendingWindowInDays: days };
}

/** A key whose deletion is cancelled comes back disabled, as on AWS. */
export function cancelKeyDeletion(input: CancelKeyDeletionCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  if (key.state !== 'PendingDeletion') throw KmsErrors.invalidState(`${key.arn} is not pending deletion.`);
  key.state = 'Disabled';
  key.deletionDate = undefined;
  key.pendingWindowInDays = undefined;
  return { KeyId: key.arn };
}

export function updateKeyDescription(input: UpdateKeyDescriptionCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  notPendingDeletion(key);
  key.description = input.Description ?? '';
  return {};
}

export function tagResource(input: TagResourceCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  key.tags = mergeTags(key.tags, input.Tags!, ctx.caller);
  return {};
}

export function untagResource(input: UntagResourceCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  const drop = new Set(input.TagKeys);
  key.tags = key.tags.filter((t) => !drop.has(t.TagKey!));
  return {};
}

export function listResourceTags(input: ListResourceTagsCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  const { items, Truncated, NextMarker } = page(key.tags, input.Limit, input.Marker);
  return { Tags: items, Truncated, NextMarker };
}
