import type { ListMultipartUploadsRequest, ListPartsRequest } from '@aws-sdk/client-s3';
import { compareUtf8 } from '../key-index.ts';
import { encoder, maxKeys } from '../listing.ts';
import { canonicalUserId } from '../object.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { requireUpload } from './multipart.ts';
import { S3Errors } from '../errors.ts';

export function listMultipartUploads(input: ListMultipartUploadsRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const encode = encoder(input.EncodingType);
  const max = maxKeys(input.MaxUploads, 'max-uploads');
  const prefix = input.Prefix ?? '';
  const keyMarker = input.KeyMarker ?? '';
  // The upload-id marker only counts with a key marker, and must name an upload of that key.
  const uploadIdMarker = keyMarker ? input.UploadIdMarker : undefined;
  if (uploadIdMarker && bucket.uploads.get(uploadIdMarker)?.key !== keyMarker) {
    throw S3Errors.invalidArgument('Invalid uploadId marker', 'upload-id-marker', uploadIdMarker);
  }
  // In-progress uploads are few; sorting them per request is cheap.
  const uploads = [...bucket.uploads.values()]
    .filter((u) => u.key.startsWith(prefix))
    .sort((a, b) => compareUtf8(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime());
  const entries: ({ upload: (typeof uploads)[number] } | { prefix: string })[] = [];
  const seenPrefixes = new Set<string>();
  let truncated = false;
  let afterMarker = !uploadIdMarker;
  for (const upload of uploads) {
    if (keyMarker && compareUtf8(upload.key, keyMarker) < 0) continue;
    if (keyMarker && upload.key === keyMarker) {
      if (!uploadIdMarker) continue;
      if (!afterMarker) {
        afterMarker = upload.uploadId === uploadIdMarker;
        continue;
      }
    }
    const at = input.Delimiter ? upload.key.indexOf(input.Delimiter, prefix.length) : -1;
    const common = at >= 0 ? upload.key.slice(0, at + input.Delimiter!.length) : undefined;
    if (common && (seenPrefixes.has(common) || common <= keyMarker)) continue;
    if (entries.length >= max) {
      truncated = true;
      break;
    }
    if (common) {
      seenPrefixes.add(common);
      entries.push({ prefix: common });
    } else entries.push({ upload });
  }
  // The next markers name the page's last upload (common prefixes aside), empty when it has none.
  const lastUpload = entries.findLast((e) => 'upload' in e) as { upload: (typeof uploads)[number] } | undefined;
  const owner = { ID: canonicalUserId(bucket.accountId) };
  return {
    Bucket: bucket.name,
    KeyMarker: encode(keyMarker),
    UploadIdMarker: uploadIdMarker ?? '',
    NextKeyMarker: encode(lastUpload?.upload.key ?? ''),
    NextUploadIdMarker: lastUpload?.upload.uploadId ?? '',
    Prefix: input.Prefix === undefined ? undefined : encode(prefix),
    Delimiter: encode(input.Delimiter),
    MaxUploads: max,
    IsTruncated: truncated,
    Uploads: entries.flatMap((e) =>
      'upload' in e
        ? [
            {
              UploadId: e.upload.uploadId,
              Key: encode(e.upload.key),
              Initiated: e.upload.initiated,
              StorageClass: e.upload.settings.storageClass,
              Owner: owner,
              Initiator: { ID: owner.ID, DisplayName: undefined },
              ChecksumAlgorithm: e.upload.checksumAlgorithm,
              ChecksumType: e.upload.checksumType,
            },
          ]
        : [],
    ),
    CommonPrefixes: entries.flatMap((e) => ('prefix' in e ? [{ Prefix: encode(e.prefix) }] : [])),
    EncodingType: input.EncodingType,
  };
}

export function listParts(input: ListPartsRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const upload = requireUpload(bucket, input.Key ?? '', input.UploadId);
  const max = maxKeys(input.MaxParts, 'max-parts');
  const marker = Number(input.PartNumberMarker ?? 0) || 0;
  const all = [...upload.parts.values()].filter((p) => p.number > marker).sort((a, b) => a.number - b.number);
  const parts = all.slice(0, max);
  const truncated = all.length > max;
  const owner = { ID: canonicalUserId(bucket.accountId) };
  return {
    Bucket: bucket.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: String(marker),
    NextPartNumberMarker: parts.length ? String(parts[parts.length - 1].number) : '0',
    MaxParts: max,
    IsTruncated: truncated,
    Parts: parts.map((p) => ({
      PartNumber: p.number,
      LastModified: p.lastModified,
      ETag: p.etag,
      Size: p.body.size,
      ...(upload.checksumAlgorithm ? { [`Checksum${upload.checksumAlgorithm}`]: p.checksum } : {}),
    })),
    Initiator: owner,
    Owner: owner,
    StorageClass: upload.settings.storageClass,
    ChecksumAlgorithm: upload.checksumAlgorithm,
    ChecksumType: upload.checksumType,
  };
}
