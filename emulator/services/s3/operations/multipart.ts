import { usableKmsKeyArn } from '../kms-key.ts';
import { createHash } from 'node:crypto';
import type {
  AbortMultipartUploadRequest,
  CompleteMultipartUploadRequest,
  CreateMultipartUploadRequest,
  UploadPartCopyRequest,
  UploadPartRequest,
} from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { ConcatBody, digestBody, type ObjectBody } from '../body.ts';
import { checksumOf, checksumOutput, parseAlgorithm, providedChecksum, uploadAlgorithm, type ChecksumMembers } from '../checksums.ts';
import { authorizeWriteHeaders } from '../authorize-object.ts';
import { checkWriteConditions } from '../conditions.ts';
import { copySourceRange, resolveCopySource } from '../copy-source.ts';
import { S3Errors } from '../errors.ts';
import { MAX_PARTS, MIN_PART_SIZE, newUploadId, type MultipartUpload } from '../multipart.ts';
import { notify } from '../notifications.ts';
import { CHECKSUM_ALGORITHMS, type S3Object, type StoredChecksum, newVersionOutput, s3Now } from '../object.ts';
import { requireBucket, s3World, type S3Context } from '../registry.ts';
import { objectSettings, validateKey } from '../write.ts';
import { customerKeyMd5, etagFor, type CustomerKeyInput } from '../customer-keys.ts';

export function requireUpload(bucket: Bucket, key: string, uploadId: string | undefined): MultipartUpload {
  const upload = bucket.uploads.get(uploadId ?? '');
  if (!upload || upload.key !== key) throw S3Errors.noSuchUpload(uploadId ?? '');
  return upload;
}

export async function createMultipartUpload(input: CreateMultipartUploadRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const key = input.Key ?? '';
  validateKey(key);
  const headerPermissions = authorizeWriteHeaders(ctx, bucket, key, input, input.Tagging !== undefined);
  if (headerPermissions) await headerPermissions;
  const algorithm = parseAlgorithm(input.ChecksumAlgorithm);
  if (input.ChecksumType !== undefined && !algorithm) {
    throw S3Errors.invalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
  }
  const checksumType = algorithm ? (input.ChecksumType ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE')) : undefined;
  if (checksumType === 'FULL_OBJECT' && (algorithm === 'SHA1' || algorithm === 'SHA256')) {
    throw S3Errors.invalidRequest(`The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
  }
  if (checksumType === 'COMPOSITE' && algorithm === 'CRC64NVME') {
    throw S3Errors.invalidRequest('The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.');
  }
  const settings = objectSettings(input, bucket, ctx);
  if (settings.encryption.ServerSideEncryption === 'aws:kms') settings.encryption.SSEKMSKeyId = await usableKmsKeyArn(ctx, settings.encryption.SSEKMSKeyId, input.SSEKMSKeyId);
  const upload: MultipartUpload = {
    uploadId: newUploadId(),
    key,
    initiated: ctx.emulator.clock.date(),
    settings,
    checksumAlgorithm: algorithm,
    checksumType: checksumType as MultipartUpload['checksumType'],
    parts: new Map(),
  };
  bucket.uploads.set(upload.uploadId, upload);
  return { Bucket: bucket.name, Key: key, UploadId: upload.uploadId, ChecksumAlgorithm: algorithm, ChecksumType: checksumType, ...upload.settings.encryption };
}

function checkPartNumber(partNumber: number | undefined): number {
  if (partNumber === undefined || !Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PARTS) {
    throw new AwsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
      status: 400,
      fields: { ArgumentName: 'partNumber', ArgumentValue: partNumber },
    });
  }
  return partNumber;
}

/** A part sent with another algorithm than the upload's is refused (before its body is read). */
function checkPartAlgorithm(upload: MultipartUpload, input: ChecksumMembers, headers: Readonly<Record<string, string>>): void {
  const sent = providedChecksum(input)?.algorithm ?? (headers['x-amz-trailer'] ? uploadAlgorithm({}, headers) : undefined);
  if (sent && upload.checksumAlgorithm && sent !== upload.checksumAlgorithm) {
    throw S3Errors.invalidRequest(
      `Checksum Type mismatch occurred, expected checksum Type: ${upload.checksumAlgorithm.toLowerCase()}, actual checksum Type: ${sent.toLowerCase()}`,
    );
  }
}

/** A part carries the upload's SSE-C key, or none when the upload has none (AWS's message is the same both ways). */
function checkPartEncryption(upload: MultipartUpload, input: CustomerKeyInput): void {
  const stored = upload.settings.encryption.SSECustomerKeyMD5;
  const given = customerKeyMd5(input, 'write');
  if (!stored !== !given) {
    throw S3Errors.invalidRequest('The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.');
  }
  if (given !== stored) throw S3Errors.invalidRequest('The provided encryption parameters did not match the ones used originally.');
}

/** Receives a part's bytes and stores the part (replacing one with the same number). */
async function receivePart(ctx: S3Context, upload: MultipartUpload, partNumber: number, payload: unknown, input: ChecksumMembers) {
  const received = await s3World(ctx.emulator).bodies.receive(payload, upload.checksumAlgorithm);
  const provided = providedChecksum(input);
  const checksum = upload.checksumAlgorithm ? (provided?.value ?? received.checksum) : undefined;
  const part = { number: partNumber, body: received.body, etag: etagFor(upload.settings.encryption, received.md5), lastModified: s3Now(ctx.emulator.clock.now()), checksum };
  upload.parts.get(partNumber)?.body.release();
  upload.parts.set(partNumber, part);
  return part;
}

function partChecksumOutput(upload: MultipartUpload, checksum: string | undefined) {
  return upload.checksumAlgorithm ? { [`Checksum${upload.checksumAlgorithm}`]: checksum } : {};
}

export async function uploadPart(input: Omit<UploadPartRequest, 'Body'> & { Body?: unknown }, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const partNumber = checkPartNumber(input.PartNumber);
  const upload = requireUpload(bucket, input.Key ?? '', input.UploadId);
  checkPartEncryption(upload, input);
  checkPartAlgorithm(upload, input, ctx.headers);
  const part = await receivePart(ctx, upload, partNumber, input.Body, input);
  // A part sent with a checksum into an upload without an algorithm has it echoed (it is not kept for the object).
  const provided = upload.checksumAlgorithm ? undefined : providedChecksum(input);
  const echoed = provided ? { [`Checksum${provided.algorithm}`]: provided.value } : partChecksumOutput(upload, part.checksum);
  return { ETag: part.etag, ...echoed, ...upload.settings.encryption };
}

export async function uploadPartCopy(input: UploadPartCopyRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const partNumber = checkPartNumber(input.PartNumber);
  const upload = requireUpload(bucket, input.Key ?? '', input.UploadId);
  const { object } = await resolveCopySource(input, ctx);
  const range = copySourceRange(input.CopySourceRange, object.body.size);
  const part = await receivePart(ctx, upload, partNumber, range ? object.body.read(range.start, range.end) : object.body.read(), {});
  return {
    CopySourceVersionId: object.versionId !== 'null' ? object.versionId : undefined,
    CopyPartResult: { ETag: part.etag, LastModified: part.lastModified, ...partChecksumOutput(upload, part.checksum) },
    ...upload.settings.encryption,
  };
}

function invalidPart(upload: MultipartUpload, partNumber: number | undefined, etag: string | undefined): AwsError {
  return new AwsError(
    'InvalidPart',
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    { status: 400, fields: { UploadId: upload.uploadId, PartNumber: partNumber, ETag: etag } },
  );
}

/** The multipart object's checksum: COMPOSITE (digest of the part digests, `-N`) or FULL_OBJECT (of the whole body). */
async function completedChecksum(
  upload: MultipartUpload,
  parts: { checksum?: string }[],
  body: ObjectBody,
  input: ChecksumMembers & { ChecksumType?: string },
): Promise<StoredChecksum | undefined> {
  // AWS keeps no default checksum of an SSE-C object uploaded in parts without an algorithm (its completion and reads
  // give none, as recorded in test_multipart_upload_sse_c).
  if (!upload.checksumAlgorithm && upload.settings.encryption.SSECustomerAlgorithm) return undefined;
  const algorithm = upload.checksumAlgorithm ?? 'CRC64NVME';
  let value: string;
  if (upload.checksumType === 'COMPOSITE') {
    const digests = Buffer.concat(parts.map((p) => Buffer.from(p.checksum ?? '', 'base64')));
    value = `${checksumOf(algorithm, digests)}-${parts.length}`;
  } else {
    value = (await digestBody(body, algorithm)).toString('base64');
  }
  // An upload begun without an algorithm ignores a checksum sent at completion; one with an algorithm is held to it,
  // whichever algorithm the completion names (AWS's message names the upload's). A full-object checksum is only
  // taken from a completion that says it is one (x-amz-checksum-type: FULL_OBJECT).
  const given = upload.checksumAlgorithm ? CHECKSUM_ALGORITHMS.find((a) => input[`Checksum${a}`] !== undefined) : undefined;
  const sent = given && input[`Checksum${given}`]!;
  const unannounced = upload.checksumType === 'FULL_OBJECT' && input.ChecksumType !== 'FULL_OBJECT';
  if (given && (given !== algorithm || unannounced || (sent !== value && sent!.replace(/-\d+$/, '') !== value.replace(/-\d+$/, '')))) {
    throw new AwsError('BadDigest', `The ${algorithm.toLowerCase()} you specified did not match the calculated checksum.`, { status: 400 });
  }
  return { algorithm, value, type: upload.checksumType ?? 'FULL_OBJECT' };
}

/**
 * The part checksums a completion lists, against the upload's: none on an upload without an algorithm (a part named
 * with one is not that part), each part's on a COMPOSITE upload, and of the upload's algorithm.
 */
function checkListedChecksum(upload: MultipartUpload, listed: ChecksumMembers & { PartNumber?: number; ETag?: string }, stored: string | undefined): void {
  const given = CHECKSUM_ALGORITHMS.find((a) => listed[`Checksum${a}`] !== undefined);
  const algorithm = upload.checksumAlgorithm;
  const etag = (listed.ETag ?? '').replace(/"/g, '');
  if (!algorithm) {
    if (given) throw invalidPart(upload, listed.PartNumber, etag);
    return;
  }
  if (!given) {
    if (upload.checksumType !== 'COMPOSITE') return;
    throw S3Errors.invalidRequest(
      `The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${listed.PartNumber} in the request.`,
    );
  }
  if (given !== algorithm) {
    throw new AwsError('BadDigest', `The ${given.toLowerCase()} you specified for part ${listed.PartNumber} did not match what we received.`, { status: 400 });
  }
  if (listed[`Checksum${given}`] !== stored) throw invalidPart(upload, listed.PartNumber, etag);
}

export async function completeMultipartUpload(input: CompleteMultipartUploadRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const key = input.Key ?? '';
  const upload = requireUpload(bucket, key, input.UploadId);
  // No body at all asks for nothing; a document without parts does not match the schema.
  if (!input.MultipartUpload) throw S3Errors.invalidRequest('You must specify at least one part');
  const requested = input.MultipartUpload.Parts ?? [];
  if (!requested.length) throw S3Errors.malformedXml();
  if (input.ChecksumType !== undefined && input.ChecksumType !== upload.checksumType) {
    throw S3Errors.invalidRequest(`The upload was created using the ${upload.checksumType ?? 'null'} checksum mode. The complete request must use the same checksum mode.`);
  }
  checkWriteConditions(input, key, bucket.current(key));
  const condition = input.IfMatch !== undefined ? 'If-Match' : input.IfNoneMatch !== undefined ? 'If-None-Match' : undefined;
  if (condition && upload.keyWritten) {
    throw new AwsError('ConditionalRequestConflict', 'The conditional request cannot succeed due to a conflicting operation against this resource.', {
      status: 409,
      fields: { Condition: condition, Key: key },
    });
  }
  const parts = requested.map((p, i) => {
    if (i > 0 && (p.PartNumber ?? 0) <= (requested[i - 1].PartNumber ?? 0)) {
      throw new AwsError('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', {
        status: 400,
        fields: { UploadId: upload.uploadId },
      });
    }
    const part = upload.parts.get(p.PartNumber ?? 0);
    const etag = (p.ETag ?? '').replace(/"/g, '');
    if (!part || part.etag.replace(/"/g, '') !== etag) throw invalidPart(upload, p.PartNumber, etag);
    checkListedChecksum(upload, p, part.checksum);
    return part;
  });
  parts.forEach((part, i) => {
    if (i < parts.length - 1 && part.body.size < MIN_PART_SIZE) {
      throw new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', {
        status: 400,
        fields: { ETag: part.etag.replace(/"/g, ''), MinSizeAllowed: MIN_PART_SIZE, PartNumber: part.number, ProposedSize: part.body.size },
      });
    }
  });
  const body = new ConcatBody(parts.map((p) => p.body));
  if (input.MpuObjectSize !== undefined && input.MpuObjectSize !== body.size) {
    throw S3Errors.invalidRequest(`The provided 'x-amz-mp-object-size' header value ${input.MpuObjectSize} does not match what was computed: ${body.size}`);
  }
  const md5s = Buffer.concat(parts.map((p) => Buffer.from(p.etag.replace(/"/g, ''), 'hex')));
  const checksum = await completedChecksum(upload, parts, body, input);
  // Another request may have completed or aborted the upload while the checksum was computed.
  if (bucket.uploads.get(upload.uploadId) !== upload) throw S3Errors.noSuchUpload(upload.uploadId);
  const object: S3Object = {
    key,
    versionId: bucket.nextVersionId(),
    deleteMarker: false,
    body,
    etag: `"${createHash('md5').update(md5s).digest('hex')}-${parts.length}"`,
    lastModified: s3Now(ctx.emulator.clock.now()),
    checksum,
    parts: parts.map((p) => ({ size: p.body.size, checksum: p.checksum })),
    ...upload.settings,
  };
  bucket.uploads.delete(upload.uploadId);
  // Parts left out of the object are dropped; those in it now belong to the object's body.
  for (const part of upload.parts.values()) if (!parts.includes(part)) part.body.release();
  bucket.store(object);
  notify(ctx, bucket, 's3:ObjectCreated:CompleteMultipartUpload', object);
  return {
    Location: `${ctx.endpoint}/${bucket.name}/${encodeURIComponent(key).replace(/%2F/g, '/')}`,
    Bucket: bucket.name,
    Key: key,
    ETag: object.etag,
    VersionId: newVersionOutput(object),
    // AWS leaves the default checksum out of an SSE-KMS upload's completion (reads of the object do give it).
    ...(upload.checksumAlgorithm || object.encryption.ServerSideEncryption !== 'aws:kms' ? checksumOutput(checksum) : {}),
    ...object.encryption,
  };
}

export function abortMultipartUpload(input: AbortMultipartUploadRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const upload = requireUpload(bucket, input.Key ?? '', input.UploadId);
  bucket.uploads.delete(upload.uploadId);
  for (const part of upload.parts.values()) part.body.release();
  return {};
}
