import type { CORSConfiguration, WebsiteConfiguration } from '@aws-sdk/client-s3';
import type { Handler } from '../../../core/service.ts';
import { aclWithEnforcedOwnership, checkPolicyAccepted, ownerOnly } from '../access.ts';
import { accountBlockOf } from '../account-block.ts';
import { validateLoggingTarget, validateReplication, withReplicationRuleIds } from '../config-targets.ts';
import { validateCors } from '../cors.ts';
import { validateWebsite } from '../website.ts';
import type { Bucket } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

/**
 * The bucket configurations that S3 stores and returns as given: one Put/Get/Delete family each. `member` is the
 * input member holding the document; `output` turns the stored document into the Get output; `missing` is AWS's
 * error when none is stored (or `fallback`, the value AWS reports for a bucket never configured).
 */
interface ConfigFamily {
  name: string;
  put: string;
  get: string;
  delete?: string;
  member: string;
  output: (stored: unknown) => object;
  missing?: [code: string, message: string];
  fallback?: (bucket: Bucket) => unknown;
  validate?: (document: unknown, bucket: Bucket, ctx: S3Context) => void;
  /** The document as stored, when AWS fills in what the request left out. */
  normalize?: (document: unknown) => unknown;
  /** The document of a request with an empty body, when that is not simply malformed (an empty policy). */
  emptyDocument?: unknown;
}

const OBJECT_OWNERSHIP = ['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced'];
export const isObjectOwnership = (value: string | undefined): boolean => OBJECT_OWNERSHIP.includes(String(value));

const wrap = (member: string) => (stored: unknown) => ({ [member]: stored });
const spread = (stored: unknown) => ({ ...(stored as object) });

function validatePolicy(document: unknown): void {
  const text = String(document ?? '');
  let parsed: unknown;
  try {
    parsed = text.trimStart().startsWith('{') ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object') throw new MalformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  if (!('Statement' in parsed)) throw new MalformedPolicy('Missing required field Statement');
}

class MalformedPolicy extends Error {}

const FAMILIES: ConfigFamily[] = [
  {
    name: 'cors',
    put: 'PutBucketCors',
    get: 'GetBucketCors',
    delete: 'DeleteBucketCors',
    member: 'CORSConfiguration',
    output: spread,
    missing: ['NoSuchCORSConfiguration', 'The CORS configuration does not exist'],
    validate: (doc) => validateCors(doc as CORSConfiguration),
  },
  {
    name: 'policy',
    put: 'PutBucketPolicy',
    get: 'GetBucketPolicy',
    delete: 'DeleteBucketPolicy',
    member: 'Policy',
    output: wrap('Policy'),
    emptyDocument: '',
    missing: ['NoSuchBucketPolicy', 'The bucket policy does not exist'],
    validate: (document, bucket, ctx) => {
      validatePolicy(document);
      checkPolicyAccepted(bucket, String(document), ctx.caller, accountBlockOf(ctx, bucket.accountId));
    },
  },
  {
    name: 'encryption',
    put: 'PutBucketEncryption',
    get: 'GetBucketEncryption',
    delete: 'DeleteBucketEncryption',
    member: 'ServerSideEncryptionConfiguration',
    output: wrap('ServerSideEncryptionConfiguration'),
    // Since 2023 every bucket encrypts with SSE-S3 unless configured otherwise.
    fallback: () => ({ Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] }),
    // Exactly one rule; a KMS key only with a KMS algorithm.
    validate: (doc) => {
      const rules = (doc as { Rules?: { ApplyServerSideEncryptionByDefault?: { SSEAlgorithm?: string; KMSMasterKeyID?: string } }[] }).Rules ?? [];
      if (rules.length !== 1) throw S3Errors.malformedXml();
      const defaults = rules[0].ApplyServerSideEncryptionByDefault;
      const algorithm = defaults?.SSEAlgorithm;
      if (algorithm !== undefined && !['AES256', 'aws:kms', 'aws:kms:dsse'].includes(algorithm)) throw S3Errors.malformedXml();
      if (defaults?.KMSMasterKeyID !== undefined && !algorithm?.startsWith('aws:kms')) {
        throw S3Errors.invalidArgument('a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', 'ApplyServerSideEncryptionByDefault');
      }
    },
  },
  {
    name: 'website',
    put: 'PutBucketWebsite',
    get: 'GetBucketWebsite',
    delete: 'DeleteBucketWebsite',
    member: 'WebsiteConfiguration',
    output: spread,
    missing: ['NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration'],
    validate: (doc) => validateWebsite(doc as WebsiteConfiguration),
  },
  {
    name: 'replication',
    put: 'PutBucketReplication',
    get: 'GetBucketReplication',
    delete: 'DeleteBucketReplication',
    member: 'ReplicationConfiguration',
    output: wrap('ReplicationConfiguration'),
    missing: ['ReplicationConfigurationNotFoundError', 'The replication configuration was not found'],
    validate: validateReplication,
    normalize: withReplicationRuleIds,
  },
  {
    name: 'publicAccessBlock',
    put: 'PutPublicAccessBlock',
    get: 'GetPublicAccessBlock',
    delete: 'DeletePublicAccessBlock',
    member: 'PublicAccessBlockConfiguration',
    output: wrap('PublicAccessBlockConfiguration'),
    // Settings left out are off.
    normalize: (doc) => ({ BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false, ...(doc as object) }),
    missing: ['NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found'],
  },
  {
    name: 'ownership',
    put: 'PutBucketOwnershipControls',
    get: 'GetBucketOwnershipControls',
    delete: 'DeleteBucketOwnershipControls',
    member: 'OwnershipControls',
    output: wrap('OwnershipControls'),
    missing: ['OwnershipControlsNotFoundError', 'The bucket ownership controls were not found'],
    // Exactly one rule with a known setting.
    validate: (doc, bucket) => {
      const rules = (doc as { Rules?: { ObjectOwnership?: string }[] }).Rules ?? [];
      if (rules.length !== 1 || !isObjectOwnership(rules[0].ObjectOwnership)) throw S3Errors.malformedXml();
      // ACLs can be disabled only once the bucket's ACL grants nothing beyond its owner's full control.
      if (rules[0].ObjectOwnership === 'BucketOwnerEnforced' && !ownerOnly(bucket.acl, bucket.accountId)) throw aclWithEnforcedOwnership();
    },
  },
  { name: 'logging', put: 'PutBucketLogging', get: 'GetBucketLogging', member: 'BucketLoggingStatus', output: spread, fallback: () => ({}), validate: validateLoggingTarget },
  {
    name: 'requestPayment',
    put: 'PutBucketRequestPayment',
    get: 'GetBucketRequestPayment',
    member: 'RequestPaymentConfiguration',
    output: spread,
    fallback: () => ({ Payer: 'BucketOwner' }),
    validate: (doc) => {
      if (!['Requester', 'BucketOwner'].includes(String((doc as { Payer?: string }).Payer))) throw S3Errors.malformedXml();
    },
  },
  {
    // ABAC on a bucket never configured reads as Disabled (the response always carries a status).
    name: 'abac',
    put: 'PutBucketAbac',
    get: 'GetBucketAbac',
    member: 'AbacStatus',
    output: wrap('AbacStatus'),
    fallback: () => ({ Status: 'Disabled' }),
    validate: (doc) => {
      if (!['Enabled', 'Disabled'].includes(String((doc as { Status?: string }).Status))) throw S3Errors.malformedXml();
    },
  },
  {
    name: 'accelerate',
    put: 'PutBucketAccelerateConfiguration',
    get: 'GetBucketAccelerateConfiguration',
    member: 'AccelerateConfiguration',
    output: spread,
    fallback: () => ({}),
    validate: (doc, bucket) => {
      if (bucket.name.includes('.')) throw S3Errors.invalidRequest('S3 Transfer Acceleration is not supported for buckets with periods (.) in their names');
      if (!['Enabled', 'Suspended'].includes(String((doc as { Status?: string }).Status))) throw S3Errors.malformedXml();
    },
  },
];

function putHandler(family: ConfigFamily): Handler {
  return (input: Record<string, unknown> & { Bucket?: string }, ctx: S3Context) => {
    const bucket = requireBucket(ctx, input);
    const document = input[family.member] ?? family.emptyDocument;
    if (document === undefined) throw S3Errors.malformedXml();
    try {
      family.validate?.(document, bucket, ctx);
    } catch (error) {
      if (error instanceof MalformedPolicy) throw S3Errors.malformedPolicy(error.message);
      throw error;
    }
    bucket.configs.set(family.name, family.normalize ? family.normalize(document) : document);
    return {};
  };
}

function getHandler(family: ConfigFamily): Handler {
  return (input: { Bucket?: string }, ctx: S3Context) => {
    const bucket = requireBucket(ctx, input);
    const stored = bucket.configs.get(family.name) ?? family.fallback?.(bucket);
    if (stored === undefined) throw S3Errors.noSuchConfiguration(family.missing![0], family.missing![1], bucket.name);
    return family.output(stored);
  };
}

function deleteHandler(family: ConfigFamily): Handler {
  return (input: { Bucket?: string }, ctx: S3Context) => {
    requireBucket(ctx, input).configs.delete(family.name);
    return {};
  };
}

/** Handlers of every configuration family, by operation name. */
export const bucketConfigHandlers: Record<string, Handler> = Object.fromEntries(
  FAMILIES.flatMap((family) => [
    [family.put, putHandler(family)],
    [family.get, getHandler(family)],
    ...(family.delete ? [[family.delete, deleteHandler(family)]] : []),
  ]),
);

/** The stored configuration of a family, for the parts of S3 that act on it (CORS, lifecycle, website, notifications). */
export function storedConfig<T>(bucket: Bucket, name: string): T | undefined {
  return bucket.configs.get(name) as T | undefined;
}
