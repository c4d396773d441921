import { randomBytes } from 'node:crypto';
import type { ObjectBody } from './body.ts';
import type { ChecksumAlgorithm } from './object.ts';
import type { objectSettings } from './write.ts';

export interface UploadedPart {
  number: number;
  body: ObjectBody;
  etag: string;
  lastModified: Date;
  /** Base64 digest with the upload's checksum algorithm. */
  checksum?: string;
}

/** An in-progress multipart upload: the object's settings are fixed when it is created. */
export interface MultipartUpload {
  uploadId: string;
  key: string;
  initiated: Date;
  settings: ReturnType<typeof objectSettings>;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'COMPOSITE' | 'FULL_OBJECT';
  parts: Map<number, UploadedPart>;
  /** The key was written or deleted after the upload began: a conditional completion then conflicts. */
  keyWritten?: boolean;
}

/** Upload ids: long opaque URL-safe strings, like AWS's. */
export function newUploadId(): string {
  return randomBytes(48).toString('base64url');
}

export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PARTS = 10000;
