import { S3Errors } from './errors.ts';
import type { S3Object } from './object.ts';

export interface ReadConditions {
  IfMatch?: string;
  IfNoneMatch?: string;
  IfModifiedSince?: Date;
  IfUnmodifiedSince?: Date;
}

/** `"abc"`, `abc`, `W/"abc"` -> `abc`; a header may list several. */
function etagsOf(header: string): string[] {
  return header.split(',').map((e) => e.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
}

export function etagMatches(header: string, etag: string): boolean {
  const bare = etag.replace(/^"|"$/g, '');
  return etagsOf(header).some((e) => e === '*' || e === bare);
}

/**
 * RFC 7232 as S3 applies it to GET and HEAD: If-Match / If-Unmodified-Since fail with 412; If-None-Match /
 * If-Modified-Since answer 304. If-Unmodified-Since is ignored when If-Match holds, If-Modified-Since when
 * If-None-Match is present, or when its date is in the future.
 */
export function checkReadConditions(c: ReadConditions, object: S3Object, now: number): void {
  const modified = object.lastModified.getTime();
  const notModified = () => S3Errors.notModified({ etag: object.etag, 'last-modified': object.lastModified.toUTCString() });
  if (c.IfMatch !== undefined) {
    if (!etagMatches(c.IfMatch, object.etag)) throw S3Errors.preconditionFailed('If-Match');
  } else if (c.IfUnmodifiedSince !== undefined && modified > c.IfUnmodifiedSince.getTime()) {
    throw S3Errors.preconditionFailed('If-Unmodified-Since');
  }
  if (c.IfNoneMatch !== undefined) {
    if (etagMatches(c.IfNoneMatch, object.etag)) throw notModified();
  } else if (c.IfModifiedSince !== undefined && modified <= c.IfModifiedSince.getTime() && c.IfModifiedSince.getTime() <= now) {
    throw notModified();
  }
}

/** Conditional writes (PutObject, CompleteMultipartUpload, CopyObject): `If-None-Match: *` and `If-Match: <etag>`. */
export function checkWriteConditions(c: { IfMatch?: string; IfNoneMatch?: string }, key: string, current: S3Object | undefined): void {
  if (c.IfMatch !== undefined && c.IfNoneMatch !== undefined) {
    throw S3Errors.notImplementedHeader('If-Match,If-None-Match', 'Multiple conditional request headers present in the request');
  }
  if (c.IfMatch?.trim() === '*') throw S3Errors.notImplementedHeader('If-Match');
  if (c.IfNoneMatch !== undefined) {
    if (c.IfNoneMatch.trim() !== '*') throw S3Errors.notImplementedHeader('If-None-Match');
    if (current) throw S3Errors.preconditionFailed('If-None-Match');
  }
  if (c.IfMatch !== undefined) {
    if (!current) throw S3Errors.noSuchKey(key);
    if (!etagMatches(c.IfMatch, current.etag)) throw S3Errors.preconditionFailed('If-Match');
  }
}
