import { AwsError } from '../../core/errors.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';
import { NULL_VERSION, type S3Object } from './object.ts';
import { customerKeyMd5, type CustomerKeyInput } from './customer-keys.ts';

const VERSION_ID = /^[A-Za-z0-9._-]{32}$/;

function deleteMarkerHeaders(marker: S3Object): Record<string, string> {
  return { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId, 'last-modified': marker.lastModified.toUTCString() };
}

/**
 * The object version a read names: the current version, or `versionId`. AWS's answers: NoSuchKey (with the delete
 * marker's headers when the newest version is one), NoSuchVersion, InvalidArgument for a malformed id, and 405 for a
 * delete marker read by its version id.
 */
export function findVersion(bucket: Bucket, key: string, versionId: string | undefined, method: string): S3Object {
  if (versionId === undefined) {
    const newest = bucket.versionsOf(key)[0];
    if (!newest) throw S3Errors.noSuchKey(key);
    if (newest.deleteMarker) {
      const error = S3Errors.noSuchKey(key);
      throw new AwsError(error.code, error.message, { fields: error.fields, headers: deleteMarkerHeaders(newest) });
    }
    return newest;
  }
  // A bucket never versioned has only `null` versions: any other id is malformed there.
  if (versionId !== NULL_VERSION && (!VERSION_ID.test(versionId) || !bucket.everVersioned())) throw S3Errors.invalidVersionId(versionId);
  const version = bucket.version(key, versionId);
  if (!version) throw S3Errors.noSuchVersion(key, versionId);
  if (version.deleteMarker) throw methodNotAllowed(version, method);
  return version;
}

/** A delete marker named for a method it does not support: 405, naming the method. */
export function methodNotAllowed(marker: S3Object, method: string): AwsError {
  return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
    status: 405,
    fields: { Method: method, ResourceType: 'DeleteMarker' },
    headers: { ...deleteMarkerHeaders(marker), allow: 'DELETE' },
  });
}

/** SSE-C objects are read with the same key they were written with. */
export function checkCustomerKey(object: S3Object, input: CustomerKeyInput): void {
  const given = customerKeyMd5(input, 'read');
  const stored = object.encryption.SSECustomerKeyMD5;
  if (!stored) {
    if (given) throw S3Errors.invalidRequest('The encryption parameters are not applicable to this object.');
    return;
  }
  if (!given) throw S3Errors.invalidRequest('The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.');
  if (given !== stored) {
    throw new AwsError('AccessDenied', 'Requests specifying Server Side Encryption with Customer provided keys must provide the correct secret key.');
  }
}

/** A single `bytes=` range, resolved against the size; undefined when the header is absent or not a single range. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) throw invalidRange(header!, size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return undefined;
  }
  if (start >= size) throw invalidRange(header!, size);
  return { start, end };
}

function invalidRange(header: string, size: number): AwsError {
  return new AwsError('InvalidRange', 'The requested range is not satisfiable', { status: 416, fields: { RangeRequested: header, ActualObjectSize: size } });
}
