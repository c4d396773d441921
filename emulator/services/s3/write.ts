import type { ServerSideEncryptionConfiguration } from '@aws-sdk/client-s3';
import { buildArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { checkGrantsAccepted } from './access.ts';
import { accountBlockOf } from './account-block.ts';
import { grantsFromHeaders, type AclInput } from './acl.ts';
import type { Bucket } from './bucket.ts';
import { customerKeyMd5, hasCustomerKey } from './customer-keys.ts';
import { S3Errors } from './errors.ts';
import { ownerFullControl, type ContentHeaders, type Encryption, type ObjectLock, type Tag } from './object.ts';
import type { S3Context } from './registry.ts';
import { tagsFromHeader } from './tags.ts';

/** What PutObject, CopyObject (with REPLACE) and CreateMultipartUpload say about the object to be written. */
export interface WriteInput extends AclInput, ContentHeaders {
  Metadata?: Record<string, string>;
  StorageClass?: string;
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
  Tagging?: string;
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: Date;
  ObjectLockLegalHoldStatus?: string;
}

export const MAX_OBJECT_SIZE = 5 * 1024 ** 3;
const STORAGE_CLASSES = new Set(['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR', 'SNOW', 'EXPRESS_ONEZONE']);

export function validateKey(key: string): void {
  const size = Buffer.byteLength(key);
  if (size > 1024) throw new AwsError('KeyTooLongError', 'Your key is too long', { status: 400, fields: { Size: size, MaxSizeAllowed: 1024 } });
}

/** A write's storage class: STANDARD by default; directory buckets hold EXPRESS_ONEZONE objects only. */
export function validateStorageClass(storageClass: string | undefined, bucket?: Pick<Bucket, 'directory'>): string {
  const fallback = bucket?.directory ? 'EXPRESS_ONEZONE' : 'STANDARD';
  if (storageClass === undefined) return fallback;
  if (!STORAGE_CLASSES.has(storageClass) || (bucket?.directory && storageClass !== fallback)) {
    throw new AwsError('InvalidStorageClass', 'The storage class you specified is not valid', { status: 400, fields: { StorageClassRequested: storageClass } });
  }
  return storageClass;
}

/** User metadata as stored: RFC 2047 words of header uploads decoded where they hold printable ASCII; a form's as given. */
function validateMetadata(metadata: Record<string, string> | undefined, fromForm: boolean): Record<string, string> {
  if (metadata === undefined) return {};
  const entries = Object.entries(metadata ?? {});
  const size = entries.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  if (size > 2048) throw new AwsError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', { status: 400, fields: { Size: size, MaxSizeAllowed: 2048 } });
  return Object.fromEntries(entries.map(([k, v]) => [k.toLowerCase(), fromForm ? v : decodedIfAscii(v)]));
}

/** One RFC 2047 encoded word (`=?UTF-8?B?YWJj?=`, `=?UTF-8?Q?a_b?=`). */
const ENCODED_WORD = /^=\?utf-8\?([bq])\?([^?]*)\?=$/i;

/**
 * AWS stores a metadata value that is an RFC 2047 encoded word decoded when its text is printable ASCII, and as sent
 * otherwise (non-ASCII or control characters stay encoded).
 */
function decodedIfAscii(value: string): string {
  const word = ENCODED_WORD.exec(value);
  if (!word) return value;
  const [, encoding, text] = word;
  const bytes =
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.length && bytes.every((b) => b >= 0x20 && b < 0x7f) ? bytes.toString('latin1') : value;
}

function kmsKeyArn(keyId: string | undefined, ctx: S3Context): string {
  if (keyId?.startsWith('arn:')) return keyId;
  const resource = keyId ? (keyId.startsWith('alias/') ? keyId : `key/${keyId}`) : 'alias/aws/s3';
  return buildArn({ service: 'kms', region: ctx.region, accountId: ctx.accountId, resource });
}

const SSE_ALGORITHMS = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

/** Encryption settings of a new object: the request's, else the bucket's default (SSE-S3 unless configured). */
export function encryptionFor(input: WriteInput, bucket: Bucket, ctx: S3Context): Encryption {
  if (hasCustomerKey(input) && input.ServerSideEncryption !== undefined) {
    throw S3Errors.invalidArgument('Server Side Encryption with Customer provided key is incompatible with the encryption method specified', 'x-amz-server-side-encryption', input.ServerSideEncryption);
  }
  const keyMd5 = customerKeyMd5(input, 'write');
  if (keyMd5) return { SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: keyMd5 };
  const defaults = (bucket.configs.get('encryption') as ServerSideEncryptionConfiguration | undefined)?.Rules?.[0];
  const algorithm = input.ServerSideEncryption ?? defaults?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'AES256';
  if (!SSE_ALGORITHMS.has(algorithm)) {
    throw S3Errors.invalidArgument('The encryption method specified is not supported', 'x-amz-server-side-encryption', algorithm);
  }
  if (algorithm === 'AES256') {
    if (input.SSEKMSKeyId !== undefined) throw S3Errors.invalidArgument('Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id', input.SSEKMSKeyId);
    return { ServerSideEncryption: 'AES256' };
  }
  const keyId = input.SSEKMSKeyId ?? (input.ServerSideEncryption ? undefined : defaults?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID);
  // The bucket's Bucket Key setting also applies to a request that names the bucket's own default algorithm.
  const defaultAlgorithm = !input.ServerSideEncryption || input.ServerSideEncryption === defaults?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm;
  const bucketKey = input.BucketKeyEnabled ?? (defaultAlgorithm ? defaults?.BucketKeyEnabled : undefined);
  return { ServerSideEncryption: algorithm, SSEKMSKeyId: kmsKeyArn(keyId, ctx), BucketKeyEnabled: bucketKey || undefined };
}

/** Object Lock settings of a new object: the request's (on a lock-enabled bucket), else the bucket's default retention. */
export function lockFor(input: WriteInput, bucket: Bucket, ctx: S3Context): ObjectLock {
  const requested = input.ObjectLockMode !== undefined || input.ObjectLockRetainUntilDate !== undefined || input.ObjectLockLegalHoldStatus !== undefined;
  if (requested && !bucket.objectLockEnabled) throw S3Errors.invalidRequest('Bucket is missing Object Lock Configuration');
  if ((input.ObjectLockMode === undefined) !== (input.ObjectLockRetainUntilDate === undefined)) {
    const missing = input.ObjectLockMode === undefined ? 'x-amz-object-lock-mode' : 'x-amz-object-lock-retain-until-date';
    throw S3Errors.invalidArgument('x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied', missing);
  }
  if (input.ObjectLockMode !== undefined && !['GOVERNANCE', 'COMPLIANCE'].includes(input.ObjectLockMode)) {
    throw S3Errors.invalidArgument('Unknown wormMode directive.', 'x-amz-object-lock-mode', input.ObjectLockMode);
  }
  const lock: ObjectLock = { legalHold: input.ObjectLockLegalHoldStatus as ObjectLock['legalHold'] };
  if (input.ObjectLockMode) {
    lock.mode = input.ObjectLockMode as ObjectLock['mode'];
    lock.retainUntil = input.ObjectLockRetainUntilDate;
  } else {
    const rule = (bucket.configs.get('objectLock') as { Rule?: { DefaultRetention?: { Mode?: string; Days?: number; Years?: number } } } | undefined)?.Rule?.DefaultRetention;
    if (rule?.Mode) {
      const days = rule.Days ?? (rule.Years ?? 0) * 365;
      lock.mode = rule.Mode as ObjectLock['mode'];
      lock.retainUntil = new Date(ctx.emulator.clock.now() + days * 86_400_000);
    }
  }
  return lock;
}

/**
 * Everything a new object takes from a write request besides its body, key, version and checksum; `fromForm`: the
 * values are a POST form's fields (UTF-8 text), not HTTP headers.
 */
export function objectSettings(input: WriteInput, bucket: Bucket, ctx: S3Context, fromForm = false) {
  const headers: ContentHeaders = {
    ContentType: input.ContentType ?? 'binary/octet-stream',
    CacheControl: input.CacheControl,
    ContentDisposition: input.ContentDisposition,
    ContentEncoding: input.ContentEncoding,
    ContentLanguage: input.ContentLanguage,
    Expires: input.Expires,
    WebsiteRedirectLocation: input.WebsiteRedirectLocation,
  };
  const tags: Tag[] = tagsFromHeader(input.Tagging, ctx.caller);
  const requestedAcl = grantsFromHeaders(input, bucket.accountId);
  if (requestedAcl) checkGrantsAccepted(bucket, requestedAcl, accountBlockOf(ctx, bucket.accountId));
  return {
    headers,
    metadata: validateMetadata(input.Metadata, fromForm),
    storageClass: validateStorageClass(input.StorageClass, bucket),
    encryption: encryptionFor(input, bucket, ctx),
    tags,
    acl: requestedAcl ?? ownerFullControl(bucket.accountId),
    lock: lockFor(input, bucket, ctx),
  };
}
