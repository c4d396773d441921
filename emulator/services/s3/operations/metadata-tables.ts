import type {
  CreateBucketMetadataConfigurationRequest,
  CreateBucketMetadataTableConfigurationRequest,
  InventoryTableConfiguration,
  MetadataConfiguration,
  MetadataTableEncryptionConfiguration,
  RecordExpiration,
  UpdateBucketMetadataInventoryTableConfigurationRequest,
  UpdateBucketMetadataJournalTableConfigurationRequest,
} from '@aws-sdk/client-s3';
import { buildArn, parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

/**
 * S3 Metadata (V1 metadata table configurations, V2 metadata configurations with journal and inventory tables): stored
 * and validated per bucket. AWS writes the tables to S3 Tables, which twinstack does not serve, so every table reads as
 * AWS reports a table it could not create: status FAILED with the TableBucketNotFound error details.
 */
const TABLE_BUCKET_NOT_FOUND = {
  ErrorCode: 'TableBucketNotFound',
  ErrorMessage:
    "The table bucket that you specified doesn't exist in this AWS Region and account. Create or choose a different table bucket. To create a new metadata table, you must delete the metadata configuration for this bucket, and then create a new metadata configuration.",
};
const TABLE_NAME = /^[0-9a-z_]{1,255}$/;
const V1 = 'metadataTable';
const V2 = 'metadataConfiguration';

const notFound = () => new AwsError('MetadataConfigurationNotFound', 'The specified metadata configuration does not exist.', { status: 404 });
const exists = () => S3Errors.invalidRequest('A metadata configuration already exists for this bucket. Delete it before creating a new one.');

function checkEncryption(encryption: MetadataTableEncryptionConfiguration | undefined): void {
  if (!encryption) return;
  if (encryption.SseAlgorithm === 'aws:kms' && !encryption.KmsKeyArn) throw S3Errors.invalidRequest('KmsKeyArn is required when SseAlgorithm is aws:kms.');
  if (encryption.SseAlgorithm === 'AES256' && encryption.KmsKeyArn) throw S3Errors.invalidRequest('KmsKeyArn is only allowed when SseAlgorithm is aws:kms.');
}

function checkExpiration(expiration: RecordExpiration | undefined): void {
  if (!expiration) throw S3Errors.malformedXml();
  if (expiration.Expiration === 'ENABLED' && (expiration.Days === undefined || expiration.Days < 7)) {
    throw S3Errors.invalidArgument('Days must be at least 7 when record expiration is ENABLED.', 'Days', expiration.Days ?? '');
  }
  if (expiration.Expiration === 'DISABLED' && expiration.Days !== undefined) {
    throw S3Errors.invalidArgument('Days is not allowed when record expiration is DISABLED.', 'Days', expiration.Days);
  }
}

function checkInventory(inventory: InventoryTableConfiguration | undefined): void {
  if (!inventory) return;
  if (!['ENABLED', 'DISABLED'].includes(String(inventory.ConfigurationState))) throw S3Errors.malformedXml();
  checkEncryption(inventory.EncryptionConfiguration);
}

function freeFor(bucket: Bucket): void {
  if (bucket.configs.has(V1) || bucket.configs.has(V2)) throw exists();
}

export function createBucketMetadataTableConfiguration(input: CreateBucketMetadataTableConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const destination = input.MetadataTableConfiguration?.S3TablesDestination;
  if (!destination?.TableBucketArn || !destination.TableName) throw S3Errors.malformedXml();
  const arn = parseArn(destination.TableBucketArn);
  if (!arn || arn.service !== 's3tables' || !arn.resource.startsWith('bucket/')) {
    throw S3Errors.invalidArgument('The table bucket ARN is not valid.', 'TableBucketArn', destination.TableBucketArn);
  }
  if (!TABLE_NAME.test(destination.TableName)) throw S3Errors.invalidArgument('The table name is not valid.', 'TableName', destination.TableName);
  freeFor(bucket);
  bucket.configs.set(V1, { TableBucketArn: destination.TableBucketArn, TableName: destination.TableName });
  return {};
}

export function getBucketMetadataTableConfiguration(input: { Bucket?: string }, ctx: S3Context) {
  const stored = requireBucket(ctx, input).configs.get(V1) as { TableBucketArn: string; TableName: string } | undefined;
  if (!stored) throw notFound();
  return {
    GetBucketMetadataTableConfigurationResult: {
      MetadataTableConfigurationResult: {
        S3TablesDestinationResult: { ...stored, TableArn: `${stored.TableBucketArn}/table/${stored.TableName}`, TableNamespace: 'aws_s3_metadata' },
      },
      Status: 'FAILED',
      Error: TABLE_BUCKET_NOT_FOUND,
    },
  };
}

export function createBucketMetadataConfiguration(input: CreateBucketMetadataConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const config = input.MetadataConfiguration;
  if (!config?.JournalTableConfiguration) throw S3Errors.malformedXml();
  checkExpiration(config.JournalTableConfiguration.RecordExpiration);
  checkEncryption(config.JournalTableConfiguration.EncryptionConfiguration);
  checkInventory(config.InventoryTableConfiguration);
  freeFor(bucket);
  bucket.configs.set(V2, structuredClone(config));
  return {};
}

/** The AWS-managed table bucket (`aws-s3`) and the bucket's namespace in it (`b_<bucket name>`). */
function managedDestination(bucket: Bucket) {
  return {
    TableBucketType: 'aws',
    TableBucketArn: buildArn({ service: 's3tables', region: bucket.region, accountId: bucket.accountId, resource: 'bucket/aws-s3' }),
    TableNamespace: `b_${bucket.name.replaceAll('-', '_').replaceAll('.', '_')}`,
  };
}

export function getBucketMetadataConfiguration(input: { Bucket?: string }, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const config = bucket.configs.get(V2) as MetadataConfiguration | undefined;
  if (!config) throw notFound();
  const inventory = config.InventoryTableConfiguration;
  return {
    GetBucketMetadataConfigurationResult: {
      MetadataConfigurationResult: {
        DestinationResult: managedDestination(bucket),
        JournalTableConfigurationResult: {
          TableStatus: 'FAILED',
          Error: TABLE_BUCKET_NOT_FOUND,
          TableName: 'journal',
          RecordExpiration: config.JournalTableConfiguration!.RecordExpiration,
        },
        InventoryTableConfigurationResult:
          inventory?.ConfigurationState === 'ENABLED'
            ? { ConfigurationState: 'ENABLED', TableStatus: 'FAILED', Error: TABLE_BUCKET_NOT_FOUND, TableName: 'inventory' }
            : { ConfigurationState: 'DISABLED' },
      },
    },
  };
}

export function updateBucketMetadataJournalTableConfiguration(input: UpdateBucketMetadataJournalTableConfigurationRequest, ctx: S3Context) {
  const config = requireBucket(ctx, input).configs.get(V2) as MetadataConfiguration | undefined;
  if (!config) throw notFound();
  checkExpiration(input.JournalTableConfiguration?.RecordExpiration);
  config.JournalTableConfiguration!.RecordExpiration = input.JournalTableConfiguration!.RecordExpiration;
  return {};
}

export function updateBucketMetadataInventoryTableConfiguration(input: UpdateBucketMetadataInventoryTableConfigurationRequest, ctx: S3Context) {
  const config = requireBucket(ctx, input).configs.get(V2) as MetadataConfiguration | undefined;
  if (!config) throw notFound();
  checkInventory(input.InventoryTableConfiguration);
  if (!input.InventoryTableConfiguration) throw S3Errors.malformedXml();
  config.InventoryTableConfiguration = structuredClone(input.InventoryTableConfiguration);
  return {};
}

function deleter(name: string) {
  return (input: { Bucket?: string }, ctx: S3Context) => {
    const bucket = requireBucket(ctx, input);
    if (!bucket.configs.delete(name)) throw notFound();
    return {};
  };
}

export const deleteBucketMetadataTableConfiguration = deleter(V1);
export const deleteBucketMetadataConfiguration = deleter(V2);
