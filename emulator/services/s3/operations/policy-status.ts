import type { GetBucketPolicyStatusRequest } from '@aws-sdk/client-s3';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

interface Statement {
  Effect?: string;
  Principal?: unknown;
  Condition?: unknown;
}

/** A policy is public when an Allow statement names every principal (`*`) without a condition narrowing it. */
function isPublicPolicy(policy: string): boolean {
  const statements = ([] as Statement[]).concat((JSON.parse(policy) as { Statement?: Statement | Statement[] }).Statement ?? []);
  return statements.some((s) => {
    const principal = s.Principal as string | { AWS?: string | string[] } | undefined;
    const everyone = principal === '*' || (typeof principal === 'object' && ([] as string[]).concat(principal.AWS ?? []).includes('*'));
    return s.Effect === 'Allow' && everyone && !s.Condition;
  });
}

export function getBucketPolicyStatus(input: GetBucketPolicyStatusRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const policy = bucket.configs.get('policy') as string | undefined;
  if (policy === undefined) throw S3Errors.noSuchConfiguration('NoSuchBucketPolicy', 'The bucket policy does not exist', bucket.name);
  return { PolicyStatus: { IsPublic: isPublicPolicy(policy) } };
}
