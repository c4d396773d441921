import type { GetObjectAttributesRequest } from '@aws-sdk/client-s3';
import { authorizeOnObject } from '../authorize-object.ts';
import { checksumOutput } from '../checksums.ts';
import { readAction } from '../iam-actions.ts';
import { S3Errors } from '../errors.ts';
import { checkCustomerKey, findVersion } from '../read.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { maxKeys } from '../listing.ts';

const ATTRIBUTES = new Set(['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize']);

/** Authorized as GetObjectAttributes and also GetObject (their Version twins for a named version), as AWS requires. */
export async function getObjectAttributes(input: GetObjectAttributesRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  await authorizeOnObject(ctx, bucket, readAction(input.VersionId), input.Key ?? '', input.VersionId);
  const wanted = new Set<string>(input.ObjectAttributes ?? []);
  for (const name of wanted) if (!ATTRIBUTES.has(name)) throw S3Errors.invalidArgument('Invalid attribute name specified.', 'x-amz-object-attributes', name);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'GET');
  checkCustomerKey(object, input);
  const marker = Number(input.PartNumberMarker ?? 0);
  const max = maxKeys(input.MaxParts, 'max-parts');
  const parts = (object.parts ?? []).map((p, i) => ({ number: i + 1, ...p })).filter((p) => p.number > marker);
  const page = parts.slice(0, max);
  const partChecksums = object.checksum?.type === 'COMPOSITE';
  return {
    LastModified: object.lastModified,
    VersionId: bucket.versioning ? object.versionId : undefined,
    ETag: wanted.has('ETag') ? object.etag.replace(/"/g, '') : undefined,
    // A composite checksum is given here without the `-<parts>` its object's headers carry.
    Checksum: wanted.has('Checksum') && object.checksum ? checksumOutput({ ...object.checksum, value: object.checksum.value.replace(/-\d+$/, '') }) : undefined,
    ObjectParts:
      wanted.has('ObjectParts') && object.parts
        ? // Without part checksums AWS gives the count alone.
          !partChecksums
          ? { TotalPartsCount: object.parts.length }
          : {
            TotalPartsCount: object.parts.length,
            PartNumberMarker: marker,
            NextPartNumberMarker: page.length ? page[page.length - 1].number : 0,
            MaxParts: max,
            IsTruncated: parts.length > max,
            Parts: page.map((p) => ({ PartNumber: p.number, Size: p.size, [`Checksum${object.checksum!.algorithm}`]: p.checksum })),
          }
        : undefined,
    StorageClass: wanted.has('StorageClass') ? object.storageClass : undefined,
    ObjectSize: wanted.has('ObjectSize') ? object.body.size : undefined,
  };
}
