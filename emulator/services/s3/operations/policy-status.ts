import type { GetBucketPolicyStatusRequest } from '@aws-sdk/client-s3';
import { isPublicPolicy } from '../../../core/policy/public.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

export function getBucketPolicyStatus(input: GetBucketPolicyStatusRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const policy = bucket.configs.get('policy') as string | undefined;
  if (policy === undefined) throw S3Errors.noSuchConfiguration('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket.name);
  return { PolicyStatus: { IsPublic: isPublicPolicy(policy) } };
}
