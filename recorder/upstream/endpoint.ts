import type { ServiceModel } from '../../emulator/models/types.ts';

/** Where a request goes on real AWS and how it must be signed there. */
export interface AwsEndpoint {
  /** `https://host` without a trailing slash. */
  origin: string;
  /** Path to send (a virtual-hosted S3 request keeps its own path). */
  path: string;
  signingRegion: string;
  signingName: string;
}

/** The pseudo-region the AWS SDKs use for a service's single global endpoint. */
export const GLOBAL_REGION = 'aws-global';

/** DNS suffix of the AWS partition a region belongs to. */
export function dnsSuffix(region: string): string {
  if (region.startsWith('cn-')) return 'amazonaws.com.cn';
  if (region.startsWith('us-iso-')) return 'c2s.ic.gov';
  if (region.startsWith('us-isob-')) return 'sc2s.sgov.gov';
  return 'amazonaws.com';
}

/**
 * The real AWS endpoint for a request: `https://<endpointPrefix>.<region>.<partition suffix>`, the service's global
 * endpoint for the `aws-global` pseudo-region (signed for us-east-1), and S3's virtual-hosted form when the client
 * addressed a bucket by host name. Bucket names with dots stay path-style, as the SDKs do, because the wildcard TLS
 * certificate does not cover them.
 */
export function resolveAwsEndpoint(model: ServiceModel, region: string, path: string, bucket?: string): AwsEndpoint {
  const meta = model.metadata as ServiceModel['metadata'] & { globalEndpoint?: string };
  const signingName = meta.signingName ?? meta.endpointPrefix;
  if (region === GLOBAL_REGION) {
    const host = meta.globalEndpoint ?? `${meta.endpointPrefix}.us-east-1.amazonaws.com`;
    return { origin: `https://${bucket ? `${bucket}.` : ''}${host}`, path, signingRegion: 'us-east-1', signingName };
  }
  const host = `${meta.endpointPrefix}.${region}.${dnsSuffix(region)}`;
  if (bucket && bucket.includes('.')) return { origin: `https://${host}`, path: `/${bucket}${path}`, signingRegion: region, signingName };
  return { origin: `https://${bucket ? `${bucket}.` : ''}${host}`, path, signingRegion: region, signingName };
}

/**
 * The bucket of a virtual-hosted S3 request sent to a local endpoint or to AWS: `my-bucket.localhost:4567`,
 * `my-bucket.s3.localhost.localstack.cloud`, `my-bucket.s3.eu-west-1.amazonaws.com`. Undefined for path-style hosts.
 */
export function bucketFromHost(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  const s3 = /^(.+?)\.s3(?:[.-][a-z0-9-]+)*\.(?:amazonaws\.com(?:\.cn)?|localhost\.localstack\.cloud)$/.exec(name);
  if (s3) return s3[1];
  const local = /^(.+)\.localhost$/.exec(name);
  return local && !local[1].startsWith('s3.') && local[1] !== 's3' ? local[1] : undefined;
}

/**
 * Where the proxy sends a request: real AWS, or the one `--upstream` URL given (tests and AWS-compatible services),
 * where an S3 bucket can only be addressed path-style.
 */
export function resolveUpstream(model: ServiceModel, region: string, path: string, bucket: string | undefined, override?: URL): AwsEndpoint {
  if (!override) return resolveAwsEndpoint(model, region, path, bucket);
  const signingName = model.metadata.signingName ?? model.metadata.endpointPrefix;
  return { origin: override.origin, path: bucket ? `/${bucket}${path}` : path, signingRegion: region === GLOBAL_REGION ? 'us-east-1' : region, signingName };
}
