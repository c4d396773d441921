import { KeyIndex } from './key-index.ts';
import { NULL_VERSION, newVersionId, type Grant, type S3Object, type Tag } from './object.ts';
import type { MultipartUpload } from './multipart.ts';

/** A directory bucket's location (CreateBucketConfiguration's Location and Bucket). */
export interface DirectoryLocation {
  type: 'AvailabilityZone' | 'LocalZone';
  name: string;
  dataRedundancy: 'SingleAvailabilityZone' | 'SingleLocalZone';
}

export type VersioningStatus = 'Enabled' | 'Suspended';

/**
 * One bucket: its objects (every version, newest first, per key), its in-progress multipart uploads, and its
 * configurations. Keys are also kept in a sorted index so that listings cost O(page).
 */
export class Bucket {
  readonly keys = new KeyIndex();
  readonly objects = new Map<string, S3Object[]>();
  readonly uploads = new Map<string, MultipartUpload>();
  /** Stored configurations by name (`cors`, `lifecycle`, `website`...), as the Put operation received them. */
  readonly configs = new Map<string, unknown>();
  versioning?: VersioningStatus;
  mfaDelete?: 'Enabled' | 'Disabled';
  objectLockEnabled = false;
  tags?: Tag[];
  acl: Grant[];
  policy?: string;
  /** `EU`: the bucket was created with that legacy alias of eu-west-1, which GetBucketLocation still answers. */
  locationAlias?: 'EU';
  /** Set for directory buckets (S3 Express One Zone): where the bucket lives. */
  directory?: DirectoryLocation;

  constructor(
    readonly name: string,
    readonly accountId: string,
    readonly region: string,
    readonly created: Date,
    acl: Grant[],
  ) {
    this.acl = acl;
  }

  /** Rebuilds the key index from the objects (after a restore: the index is not saved). */
  reindex(): void {
    for (const key of this.objects.keys()) this.keys.add(key);
  }

  /** Every version of a key, newest first (delete markers included). */
  versionsOf(key: string): S3Object[] {
    return this.objects.get(key) ?? [];
  }

  /** The current version (undefined when there is none or the newest is a delete marker). */
  current(key: string): S3Object | undefined {
    const newest = this.objects.get(key)?.[0];
    return newest && !newest.deleteMarker ? newest : undefined;
  }

  version(key: string, versionId: string): S3Object | undefined {
    return this.objects.get(key)?.find((v) => v.versionId === versionId);
  }

  /** The version id a new write gets: a fresh id when versioning is enabled, else `null`. */
  nextVersionId(): string {
    return this.versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
  }

  /** Adds a new current version; without versioning (or suspended) it replaces the `null` version. */
  store(object: S3Object): S3Object | undefined {
    this.written(object.key);
    const versions = this.objects.get(object.key);
    if (!versions) {
      this.objects.set(object.key, [object]);
      this.keys.add(object.key);
      return undefined;
    }
    let replaced: S3Object | undefined;
    if (object.versionId === NULL_VERSION) {
      const at = versions.findIndex((v) => v.versionId === NULL_VERSION);
      if (at >= 0) {
        replaced = versions[at];
        replaced.body.release();
        // An unversioned overwrite (the usual write) takes the newest place in the list as it is.
        if (at === 0) {
          versions[0] = object;
          return replaced;
        }
        versions.splice(at, 1);
      }
    }
    versions.unshift(object);
    return replaced;
  }

  /** Removes one version; the key disappears with its last version. */
  removeVersion(key: string, versionId: string): S3Object | undefined {
    const versions = this.objects.get(key);
    const at = versions?.findIndex((v) => v.versionId === versionId) ?? -1;
    if (!versions || at < 0) return undefined;
    this.written(key);
    const [removed] = versions.splice(at, 1);
    removed.body.release();
    if (versions.length === 0) {
      this.objects.delete(key);
      this.keys.delete(key);
    }
    return removed;
  }

  /** A write to a key conflicts with the conditional completion of uploads of that key begun before it. */
  private written(key: string): void {
    if (this.uploads.size === 0) return;
    for (const upload of this.uploads.values()) if (upload.key === key) upload.keyWritten = true;
  }

  /** Whether versioning was ever turned on (a suspended bucket keeps its versions). */
  everVersioned(): boolean {
    return this.versioning !== undefined;
  }

  isEmpty(): boolean {
    return this.objects.size === 0;
  }
}
