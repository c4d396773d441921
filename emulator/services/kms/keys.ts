import { createHash, generateKeyPair, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import { buildArn, parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { authorizeKeyUse } from './access.ts';
import { KmsErrors } from './errors.ts';
import { KEY_SPECS, type KeySpecInfo } from './specs.ts';
import type { KeyMaterial, KmsKey, KmsState } from './state.ts';

export type KmsContext = RequestContext<KmsState>;

const DAY_MS = 24 * 60 * 60 * 1000;
const KEY_ID = /^(mrk-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$/;

export function kmsArn(ctx: KmsContext, resource: string, accountId = ctx.state.accountId): string {
  return buildArn({ service: 'kms', region: ctx.region, accountId, resource });
}

export function specInfo(key: KmsKey): KeySpecInfo {
  return KEY_SPECS[key.spec];
}

const generatePair = promisify(generateKeyPair);

function materialId(): string {
  return createHash('sha256').update(randomBytes(32)).digest('hex');
}

/** New secret material (symmetric and HMAC keys, the only ones KMS rotates): cheap, so synchronous. */
export function newSecretMaterial(spec: string): KeyMaterial {
  const info = KEY_SPECS[spec];
  return { id: materialId(), secret: randomBytes(info.family === 'hmac' ? info.hmacBytes! : 32) };
}

/**
 * A fresh asymmetric key pair, generated on libuv's thread pool: an RSA 4096 pair costs seconds of CPU, which must not
 * stall every other request the emulator is serving.
 */
export async function newKeyPair(info: KeySpecInfo): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  if (info.family === 'rsa') return generatePair('rsa', { modulusLength: info.rsaBits! });
  if (info.family === 'ed25519') return generatePair('ed25519');
  return generatePair('ec', { namedCurve: info.curve! });
}

/** New key material for a key spec (node:crypto only). */
export async function newMaterial(spec: string): Promise<KeyMaterial> {
  const info = KEY_SPECS[spec];
  if (info.family === 'symmetric' || info.family === 'hmac') return newSecretMaterial(spec);
  const { privateKey, publicKey } = await newKeyPair(info);
  return { id: materialId(), privateKey, publicKey };
}

export function newKeyId(multiRegion: boolean): string {
  return multiRegion ? `mrk-${randomUUID().replace(/-/g, '')}` : randomUUID();
}

export function currentMaterial(key: KmsKey): KeyMaterial {
  return key.materials[key.materials.length - 1];
}

/**
 * Time-driven changes, applied when a key is next looked at: a key whose deletion date has passed is gone, and a
 * key due for automatic rotation gets its new material.
 */
function applyTime(ctx: KmsContext, state: KmsState, key: KmsKey): KmsKey | undefined {
  const now = ctx.emulator.clock.now();
  if (key.state === 'PendingDeletion' && key.deletionDate && key.deletionDate.getTime() <= now) {
    state.keys.delete(key.id);
    for (const [name, alias] of state.aliases) if (alias.keyId === key.id) state.aliases.delete(name);
    return undefined;
  }
  if (key.validTo && key.validTo.getTime() <= now && key.state !== 'PendingImport') {
    // Expired imported material is deleted by KMS: the key waits for the same material again.
    key.state = 'PendingImport';
    key.validTo = undefined;
    key.expirationModel = undefined;
  }
  while (key.rotationEnabled && key.nextRotationDate && key.nextRotationDate.getTime() <= now) {
    const material = newSecretMaterial(key.spec);
    key.materials.push(material);
    key.rotations.push({ materialId: material.id, date: key.nextRotationDate, type: 'AUTOMATIC' });
    key.nextRotationDate = new Date(key.nextRotationDate.getTime() + key.rotationPeriodInDays! * DAY_MS);
  }
  return key;
}

export function rotationDate(ctx: KmsContext, days: number): Date {
  return new Date(ctx.emulator.clock.now() + days * DAY_MS);
}

/**
 * The key a KeyId names: a key id, a key ARN, an alias name or an alias ARN. A key ARN of another account resolves
 * in that account's KMS state (its key policy then decides, see access.ts); other regions are refused as AWS does.
 */
export function findKey(ctx: KmsContext, keyId: string, options: { aliases?: boolean } = { aliases: true }): KmsKey {
  let state = ctx.state;
  let id = keyId;
  if (keyId.startsWith('arn:')) {
    const arn = parseArn(keyId);
    if (!arn || arn.service !== 'kms') throw KmsErrors.invalidKeyId(keyId);
    if (arn.region !== ctx.region) throw KmsErrors.notFound(`Invalid arn ${arn.region}`);
    if (arn.accountId !== ctx.state.accountId) state = ctx.emulator.state<KmsState>('kms', arn.accountId, ctx.region);
    if (arn.resource.startsWith('alias/')) {
      if (!options.aliases) throw KmsErrors.invalidKeyId(keyId);
      return keyOfAlias(ctx, state, arn.resource, keyId);
    }
    if (!arn.resource.startsWith('key/')) throw KmsErrors.invalidKeyId(keyId);
    id = arn.resource.slice('key/'.length);
  } else if (keyId.startsWith('alias/')) {
    if (!options.aliases) throw KmsErrors.invalidKeyId(keyId);
    return keyOfAlias(ctx, state, keyId, kmsArn(ctx, keyId));
  }
  if (!KEY_ID.test(id)) throw KmsErrors.invalidKeyId(keyId);
  const stored = state.keys.get(id);
  const key = stored && applyTime(ctx, state, stored);
  if (!key) throw KmsErrors.keyMissing(kmsArn(ctx, `key/${id}`, state.accountId));
  // Another account's key answers only what its key policy or a grant opens to the caller.
  if (state !== ctx.state) authorizeKeyUse(ctx, key, ctx.operation);
  return key;
}

function keyOfAlias(ctx: KmsContext, state: KmsState, aliasName: string, aliasArn: string): KmsKey {
  const alias = state.aliases.get(aliasName) ?? (aliasName.startsWith('alias/aws/') && state === ctx.state ? awsManagedKey(ctx, aliasName) : undefined);
  if (!alias) throw KmsErrors.notFound(`Alias ${aliasArn} is not found.`);
  return findKey(ctx, state === ctx.state ? alias.keyId : kmsArn(ctx, `key/${alias.keyId}`, state.accountId));
}

/** What AWS names each service's managed key protects (as its descriptions read); others say `<service> data`. */
const MANAGED_KEY_SUBJECTS: Record<string, string> = {
  s3: 'S3 objects',
  dynamodb: 'DynamoDB data',
  ssm: 'SSM parameters',
  lambda: 'Lambda functions',
  secretsmanager: 'Secrets Manager data',
  sqs: 'SQS messages',
  sns: 'SNS data',
  rds: 'RDS database volumes',
  elasticfilesystem: 'EFS filesystems',
  backup: 'Backup data',
  acm: 'ACM private keys',
};

/**
 * The AWS managed key behind `alias/aws/<service>` (what Secrets Manager, SSM and others use by default), created on
 * first use as AWS does. Its key policy lets the account use it (AWS also limits it to calls through the service).
 */
function awsManagedKey(ctx: KmsContext, aliasName: string) {
  const service = aliasName.slice('alias/aws/'.length);
  const id = newKeyId(false);
  const now = ctx.emulator.clock.date();
  const arn = kmsArn(ctx, `key/${id}`);
  const root = buildArn({ service: 'iam', region: '', accountId: ctx.state.accountId, resource: 'root', partitionRegion: ctx.region });
  ctx.state.keys.set(id, {
    id,
    arn,
    accountId: ctx.state.accountId,
    createDate: now,
    description: `Default key that protects my ${Object.hasOwn(MANAGED_KEY_SUBJECTS, service) ? MANAGED_KEY_SUBJECTS[service] : `${service} data`} when no other key is defined`,
    usage: 'ENCRYPT_DECRYPT',
    spec: 'SYMMETRIC_DEFAULT',
    manager: 'AWS',
    state: 'Enabled',
    multiRegion: false,
    policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: root }, Action: 'kms:*', Resource: '*' }] }),
    tags: [],
    materials: [newSecretMaterial('SYMMETRIC_DEFAULT')],
    rotationEnabled: true,
    rotationPeriodInDays: 365,
    nextRotationDate: rotationDate(ctx, 365),
    rotations: [],
  });
  const alias = { name: aliasName, arn: kmsArn(ctx, aliasName), keyId: id, createDate: now, updateDate: now };
  ctx.state.aliases.set(aliasName, alias);
  return alias;
}

/** Keys used for cryptography must be enabled: DisabledException, or KMSInvalidStateException when pending deletion. */
export function requireUsable(key: KmsKey): void {
  if (key.unavailable) throw KmsErrors.invalidState(`${key.arn} is unavailable.`);
  if (key.state === 'Disabled') throw KmsErrors.disabled(key.arn);
  if (key.state === 'PendingDeletion') throw KmsErrors.invalidState(`${key.arn} is pending deletion.`);
  if (key.state === 'PendingImport') throw KmsErrors.invalidState(`${key.arn} is pending import.`);
}

export function requireUsage(key: KmsKey, usage: string, operation: string): void {
  if (key.usage !== usage) throw KmsErrors.invalidUsage(key.arn, key.usage, operation);
}

export function keyMetadata(key: KmsKey): KeyMetadata {
  const info = specInfo(key);
  return {
    AWSAccountId: key.accountId,
    KeyId: key.id,
    Arn: key.arn,
    CreationDate: key.createDate,
    Enabled: key.state === 'Enabled' && !key.unavailable,
    Description: key.description,
    KeyUsage: key.usage,
    KeyState: key.unavailable ? 'Unavailable' : key.state,
    CustomKeyStoreId: key.customKeyStoreId,
    CloudHsmClusterId: key.cloudHsmClusterId,
    XksKeyConfiguration: key.xksKeyId === undefined ? undefined : { Id: key.xksKeyId },
    DeletionDate: key.deletionDate,
    PendingDeletionWindowInDays: key.state === 'PendingDeletion' ? key.pendingWindowInDays : undefined,
    Origin: key.origin ?? 'AWS_KMS',
    ExpirationModel: key.state === 'PendingImport' ? undefined : key.expirationModel,
    ValidTo: key.state === 'PendingImport' ? undefined : key.validTo,
    KeyManager: key.manager,
    CustomerMasterKeySpec: key.spec as KeyMetadata['CustomerMasterKeySpec'],
    KeySpec: key.spec as KeyMetadata['KeySpec'],
    EncryptionAlgorithms: key.usage === 'ENCRYPT_DECRYPT' ? (info.encryption as KeyMetadata['EncryptionAlgorithms']) : undefined,
    SigningAlgorithms: key.usage === 'SIGN_VERIFY' ? (info.signing as KeyMetadata['SigningAlgorithms']) : undefined,
    MacAlgorithms: key.usage === 'GENERATE_VERIFY_MAC' ? (info.mac as KeyMetadata['MacAlgorithms']) : undefined,
    KeyAgreementAlgorithms: key.usage === 'KEY_AGREEMENT' ? (info.keyAgreement as KeyMetadata['KeyAgreementAlgorithms']) : undefined,
    MultiRegion: key.multiRegion,
    MultiRegionConfiguration: key.multiRegion ? multiRegionConfiguration(key) : undefined,
    CurrentKeyMaterialId: info.family === 'symmetric' && key.materials.length ? currentMaterial(key).id : undefined,
  };
}

/** The same key id in another region of the account. */
export function regionalArn(key: KmsKey, region: string): string {
  const arn = parseArn(key.arn)!;
  return buildArn({ service: 'kms', region, accountId: arn.accountId, resource: arn.resource });
}

/** A multi-Region key's primary and replicas, as DescribeKey reports them from the primary or from a replica. */
function multiRegionConfiguration(key: KmsKey): NonNullable<KeyMetadata['MultiRegionConfiguration']> {
  const region = parseArn(key.arn)!.region;
  const primaryRegion = key.primaryRegion ?? region;
  return {
    MultiRegionKeyType: primaryRegion === region ? 'PRIMARY' : 'REPLICA',
    PrimaryKey: { Arn: regionalArn(key, primaryRegion), Region: primaryRegion },
    ReplicaKeys: (key.replicaRegions ?? []).map((r) => ({ Arn: regionalArn(key, r), Region: r })),
  };
}
