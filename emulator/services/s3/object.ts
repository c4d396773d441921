import { createHash, randomBytes } from 'node:crypto';
import type { ObjectBody } from './body.ts';

/** The checksum algorithms S3 stores with an object. */
export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export interface StoredChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64 digest; for a composite multipart checksum, `<digest of digests>-<parts>`. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

export interface Grant {
  Grantee: { Type: string; ID?: string; URI?: string; EmailAddress?: string; DisplayName?: string };
  Permission: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** Content headers stored with an object and returned on GET/HEAD. */
export interface ContentHeaders {
  ContentType?: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: Date;
  WebsiteRedirectLocation?: string;
}

/** Server-side encryption settings, echoed as AWS echoes them (twinstack stores bodies as given). */
export interface Encryption {
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
}

export interface ObjectLock {
  mode?: 'GOVERNANCE' | 'COMPLIANCE';
  retainUntil?: Date;
  legalHold?: 'ON' | 'OFF';
}

/** One version of an object (or a delete marker). Unversioned buckets hold one version with id `null`. */
export interface S3Object {
  key: string;
  versionId: string;
  deleteMarker: boolean;
  body: ObjectBody;
  etag: string;
  lastModified: Date;
  headers: ContentHeaders;
  metadata: Record<string, string>;
  storageClass: string;
  checksum?: StoredChecksum;
  encryption: Encryption;
  tags: Tag[];
  acl: Grant[];
  /** Set for objects made by CompleteMultipartUpload: the parts' sizes and checksums, for PartNumber reads. */
  parts?: { size: number; checksum?: string }[];
  lock: ObjectLock;
  /** For GLACIER and DEEP_ARCHIVE objects: the restore requested (RestoreObject) and its copy's lifetime. */
  restore?: RestoreState;
  /** For INTELLIGENT_TIERING objects: the archive tier days without access moved them to (intelligent-tiering.ts). */
  accessTier?: 'ARCHIVE_ACCESS' | 'DEEP_ARCHIVE_ACCESS';
  /** For INTELLIGENT_TIERING objects: when they were last read, on the emulator clock. */
  lastAccessedMs?: number;
}

/** A restore of an archived object: in progress until `completesAt`, then readable until `expiresAt`. */
export interface RestoreState {
  completesAt: Date;
  expiresAt: Date;
}

export const NULL_VERSION = 'null';

/** The version id a write reports: none for a `null` version (unversioned or suspended buckets). */
export function newVersionOutput(object: S3Object): string | undefined {
  return object.versionId === NULL_VERSION ? undefined : object.versionId;
}

/** Version ids: 32 URL-safe characters, like AWS's. */
export function newVersionId(): string {
  return randomBytes(24).toString('base64url');
}

export function quotedEtag(md5Hex: string): string {
  return `"${md5Hex}"`;
}

/** S3 times have second precision. */
export function s3Now(nowMs: number): Date {
  return new Date(Math.floor(nowMs / 1000) * 1000);
}

/** The canonical user id S3 shows for an account (a stable 64-hex-digit id derived from the account). */
/** Canonical user ids by account: every write names its owner's, and a digest per request showed in profiles. */
const canonicalIds = new Map<string, string>();

export function canonicalUserId(accountId: string): string {
  let id = canonicalIds.get(accountId);
  if (id === undefined) {
    id = createHash('sha256').update(`twinstack-canonical-user:${accountId}`).digest('hex');
    // Bounded: account ids come from requests.
    if (canonicalIds.size >= 10_000) canonicalIds.clear();
    canonicalIds.set(accountId, id);
  }
  return id;
}

export function ownerFullControl(accountId: string): Grant[] {
  // One list per account, shared by the objects that keep the default: ACLs are replaced, never changed in place.
  let grants = ownerGrants.get(accountId);
  if (grants === undefined) {
    grants = [{ Grantee: { Type: 'CanonicalUser', ID: canonicalUserId(accountId) }, Permission: 'FULL_CONTROL' }];
    if (ownerGrants.size >= 10_000) ownerGrants.clear();
    ownerGrants.set(accountId, grants);
  }
  return grants;
}

const ownerGrants = new Map<string, Grant[]>();
