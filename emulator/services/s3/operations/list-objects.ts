import type { ListObjectsRequest, ListObjectsV2Request, ListObjectVersionsRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { encoder, maxKeys, walkKeys } from '../listing.ts';
import { canonicalUserId, type S3Object } from '../object.ts';
import { ANONYMOUS } from '../access.ts';
import { requireBucket, requester, type S3Context } from '../registry.ts';
import { isThroughObjectLambda } from '../object-lambda.ts';
import { listThroughObjectLambda } from '../object-lambda-actions.ts';

function contentOf(object: S3Object, owner: boolean, accountId: string) {
  return {
    Key: object.key,
    LastModified: object.lastModified,
    ETag: object.etag,
    ChecksumAlgorithm: object.checksum ? [object.checksum.algorithm] : undefined,
    ChecksumType: object.checksum?.type,
    Size: object.body.size,
    StorageClass: object.storageClass,
    Owner: owner ? { ID: canonicalUserId(accountId) } : undefined,
  };
}

/** A page of current objects and common prefixes after `marker`, and whether more follow. */
function page(bucket: Bucket, prefix: string, delimiter: string | undefined, marker: string | undefined, max: number) {
  const contents: S3Object[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let truncated = false;
  for (const entry of walkKeys(bucket.keys, { prefix, delimiter: delimiter || undefined, marker, include: (k) => bucket.current(k) !== undefined })) {
    if (contents.length + prefixes.length >= max) {
      truncated = true;
      break;
    }
    if ('key' in entry) {
      contents.push(bucket.current(entry.key)!);
      last = entry.key;
    } else {
      prefixes.push(entry.commonPrefix);
      last = entry.commonPrefix;
    }
  }
  return { contents, prefixes, last, truncated };
}

type ListRequest = ListObjectsRequest | ListObjectsV2Request;

/** What ListObjects and ListObjectsV2 share: the page and the members describing it. */
function listPage(input: ListRequest, ctx: S3Context, marker: (input: ListRequest) => string | undefined, owner: boolean) {
  const bucket = requireBucket(ctx, input);
  const encode = encoder(input.EncodingType);
  const max = maxKeys(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  const result = page(bucket, prefix, input.Delimiter, marker(input), max);
  const output = {
    IsTruncated: result.truncated,
    Contents: result.contents.map((o) => ({ ...contentOf(o, owner, bucket.accountId), Key: encode(o.key) })),
    Name: bucket.name,
    Prefix: encode(prefix),
    Delimiter: input.Delimiter ? encode(input.Delimiter) : undefined,
    MaxKeys: max,
    CommonPrefixes: result.prefixes.map((p) => ({ Prefix: encode(p) })),
    EncodingType: input.EncodingType,
  };
  return { result, encode, output };
}

export function listObjects(input: ListObjectsRequest, ctx: S3Context) {
  if (isThroughObjectLambda(ctx)) return listThroughObjectLambda(input, ctx, 'ListObjects', (direct) => listObjectsPage(direct, ctx));
  return listObjectsPage(input, ctx);
}

function listObjectsPage(input: ListObjectsRequest, ctx: S3Context) {
  // AWS names each object's owner to signed requesters only (its anonymous listings of a public bucket carry none).
  const { result, encode, output } = listPage(input, ctx, () => input.Marker || undefined, requester(ctx) !== ANONYMOUS);
  return {
    ...output,
    Marker: encode(input.Marker ?? ''),
    NextMarker: result.truncated && input.Delimiter ? encode(result.last) : undefined,
  };
}

function decodeToken(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!token || !decoded.startsWith('1:')) {
    throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', {
      status: 400,
      fields: { ArgumentName: 'continuation-token', ArgumentValue: token },
    });
  }
  return decoded.slice(2);
}

export function listObjectsV2(input: ListObjectsV2Request, ctx: S3Context) {
  if (isThroughObjectLambda(ctx)) return listThroughObjectLambda(input, ctx, 'ListObjectsV2', (direct) => listObjectsV2Page(direct, ctx));
  return listObjectsV2Page(input, ctx);
}

function listObjectsV2Page(input: ListObjectsV2Request, ctx: S3Context) {
  const marker = () => (input.ContinuationToken !== undefined ? decodeToken(input.ContinuationToken) : input.StartAfter || undefined);
  const { result, encode, output } = listPage(input, ctx, marker, input.FetchOwner === true);
  return {
    ...output,
    KeyCount: result.contents.length + result.prefixes.length,
    ContinuationToken: input.ContinuationToken,
    NextContinuationToken: result.truncated ? Buffer.from(`1:${result.last}`).toString('base64url') : undefined,
    // A continuation token supersedes start-after, which is then not echoed.
    StartAfter: input.ContinuationToken === undefined ? encode(input.StartAfter) : undefined,
  };
}

export function listObjectVersions(input: ListObjectVersionsRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const encode = encoder(input.EncodingType);
  const max = maxKeys(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  if (input.VersionIdMarker && !input.KeyMarker) {
    throw new AwsError('InvalidArgument', 'A version-id marker cannot be specified without a key marker.', {
      status: 400,
      fields: { ArgumentName: 'version-id-marker', ArgumentValue: input.VersionIdMarker },
    });
  }
  const versions: S3Object[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let next: { key?: string; version?: string } = {};
  // Resuming inside a key's versions: the versions after the marker come first, then the keys after it.
  const resumeIn = input.KeyMarker && input.VersionIdMarker ? bucket.versionsOf(input.KeyMarker) : [];
  const pending = resumeIn.slice(resumeIn.findIndex((v) => v.versionId === input.VersionIdMarker) + 1);
  const rest = walkKeys(bucket.keys, { prefix, delimiter: input.Delimiter || undefined, marker: input.KeyMarker || undefined });
  const items = (function* () {
    yield* pending;
    for (const entry of rest) {
      if ('key' in entry) yield* bucket.versionsOf(entry.key);
      else yield entry.commonPrefix;
    }
  })();
  for (const item of items) {
    if (versions.length + prefixes.length >= max) {
      truncated = true;
      break;
    }
    if (typeof item === 'string') {
      prefixes.push(item);
      next = { key: item };
    } else {
      versions.push(item);
      next = { key: item.key, version: item.versionId };
    }
  }
  const owner = { ID: canonicalUserId(bucket.accountId) };
  const isLatest = (v: S3Object) => bucket.versionsOf(v.key)[0] === v;
  return {
    IsTruncated: truncated,
    KeyMarker: encode(input.KeyMarker ?? ''),
    VersionIdMarker: input.VersionIdMarker ?? '',
    NextKeyMarker: truncated ? encode(next.key) : undefined,
    NextVersionIdMarker: truncated ? next.version : undefined,
    Versions: versions
      .filter((v) => !v.deleteMarker)
      .map((v) => ({ ...contentOf(v, true, bucket.accountId), Key: encode(v.key), VersionId: v.versionId, IsLatest: isLatest(v), Owner: owner })),
    DeleteMarkers: versions
      .filter((v) => v.deleteMarker)
      .map((v) => ({ Owner: owner, Key: encode(v.key), VersionId: v.versionId, IsLatest: isLatest(v), LastModified: v.lastModified })),
    Name: bucket.name,
    Prefix: encode(prefix),
    Delimiter: encode(input.Delimiter),
    MaxKeys: max,
    CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
    EncodingType: input.EncodingType,
  };
}
