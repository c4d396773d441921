import { authorizeOnObject } from './authorize-object.ts';
import type { Bucket } from './bucket.ts';
import type { S3Context } from './registry.ts';

/**
 * A request with `x-amz-bypass-governance-retention: true` also needs `s3:BypassGovernanceRetention` on the object
 * ("To use this header, you must have the s3:BypassGovernanceRetention permission"): the bucket policy's (a Deny
 * refuses; another account needs its Allow) and, with `--enforce-iam`, the caller's identity policies'. Without it the
 * request is AccessDenied, whether or not the version is locked (as AWS answers a caller denied that action).
 */
export function authorizeGovernanceBypass(ctx: S3Context, bucket: Bucket, key: string): Promise<void> {
  return authorizeOnObject(ctx, bucket, 's3:BypassGovernanceRetention', key);
}
