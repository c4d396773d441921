import type { Handler } from '../../../core/service.ts';
import { AwsError } from '../../../core/errors.ts';
import { S3Errors } from '../errors.ts';
import { startLifecycleSweeper } from '../lifecycle.ts';
import { requireBucket, type S3Context } from '../registry.ts';

/** Analytics, metrics, inventory and Intelligent-Tiering configurations: stored per bucket by Id. */
const ID_MISMATCH = 'Document ID does not match the specified configuration ID.';

interface Family {
  name: string;
  op: string;
  member: string;
  list: string;
  /** The answer to a document whose Id is not the request's (AWS words it differently per family). */
  idMismatch: (id: string | undefined) => AwsError;
  validate?: (document: Record<string, unknown>) => void;
  /** What storing one sets going. */
  stored?: (ctx: S3Context) => void;
}

/** The enums of S3's model for inventory documents: other values do not match the schema. */
const INVENTORY_ENUMS = {
  format: new Set(['CSV', 'ORC', 'Parquet']),
  frequency: new Set(['Daily', 'Weekly']),
  versions: new Set(['All', 'Current']),
  fields: new Set([
    'Size', 'LastModifiedDate', 'StorageClass', 'ETag', 'IsMultipartUploaded', 'ReplicationStatus', 'EncryptionStatus', 'ObjectLockRetainUntilDate',
    'ObjectLockMode', 'ObjectLockLegalHoldStatus', 'IntelligentTieringAccessTier', 'BucketKeyStatus', 'ChecksumAlgorithm', 'ObjectAccessControlList',
    'ObjectOwner', 'LifecycleExpirationDate',
  ]),
};

interface InventoryDocument {
  Destination?: { S3BucketDestination?: { Bucket?: string; Format?: string } };
  Schedule?: { Frequency?: string };
  IncludedObjectVersions?: string;
  OptionalFields?: string[];
}

/** An export's destination must be a bucket's ARN (AWS-recorded for inventory; analytics exports name one too). */
function checkDestinationBucket(arn: string | undefined): void {
  if (!/^arn:[a-z-]+:s3:::[^/]+$/.test(arn ?? '')) throw new AwsError('InvalidS3DestinationBucket', 'Invalid bucket ARN.', { status: 400 });
}

function validateInventory(document: InventoryDocument): void {
  const destination = document.Destination?.S3BucketDestination;
  checkDestinationBucket(destination?.Bucket);
  const valid =
    INVENTORY_ENUMS.format.has(destination?.Format ?? '') &&
    INVENTORY_ENUMS.frequency.has(document.Schedule?.Frequency ?? '') &&
    INVENTORY_ENUMS.versions.has(document.IncludedObjectVersions ?? '') &&
    (document.OptionalFields ?? []).every((field) => INVENTORY_ENUMS.fields.has(field));
  if (!valid) throw S3Errors.malformedXml();
}

interface AnalyticsDocument {
  StorageClassAnalysis?: { DataExport?: { OutputSchemaVersion?: string; Destination?: { S3BucketDestination?: { Bucket?: string; Format?: string } } } };
}

/**
 * Storage class analysis exports: S3's schema takes only `V_1` reports in `CSV`, to a bucket named by its ARN.
 */
function validateAnalytics(document: AnalyticsDocument): void {
  const exported = document.StorageClassAnalysis?.DataExport;
  if (!exported) return;
  const destination = exported.Destination?.S3BucketDestination;
  if (exported.OutputSchemaVersion !== 'V_1' || !destination || destination.Format !== 'CSV') throw S3Errors.malformedXml();
  checkDestinationBucket(destination.Bucket);
}

interface IntelligentTieringDocument {
  Status?: string;
  Tierings?: { AccessTier?: string; Days?: number }[];
}

/** Days of no access before each archive tier (the Tiering shape's documentation): 90 to 730 and 180 to 730. */
const TIER_DAYS: Record<string, { min: number; max: number }> = { ARCHIVE_ACCESS: { min: 90, max: 730 }, DEEP_ARCHIVE_ACCESS: { min: 180, max: 730 } };

/**
 * Intelligent-Tiering: a status and at least one tiering of a known access tier, with its days in range (AWS words the too-few case "Days specified in ARCHIVE_ACCESS tier should not be less than 90").
 */
function validateIntelligentTiering(document: IntelligentTieringDocument): void {
  const tierings = document.Tierings ?? [];
  const tiers = tierings.map((t) => t.AccessTier ?? '');
  const wellFormed = (document.Status === 'Enabled' || document.Status === 'Disabled') && tierings.length > 0 && tiers.every((tier) => Object.hasOwn(TIER_DAYS, tier));
  if (!wellFormed || tierings.some((t) => !Number.isInteger(t.Days))) throw S3Errors.malformedXml();
  for (const { AccessTier: tier = '', Days: days = 0 } of tierings) {
    const { min, max } = TIER_DAYS[tier];
    if (days < min) throw S3Errors.invalidArgument(`Days specified in ${tier} tier should not be less than ${min}`, 'Days', String(days));
    if (days > max) throw S3Errors.invalidArgument(`Days specified in ${tier} tier should not be more than ${max}`, 'Days', String(days));
  }
}

const FAMILIES: Family[] = [
  {
    name: 'analytics',
    op: 'BucketAnalyticsConfiguration',
    member: 'AnalyticsConfiguration',
    list: 'AnalyticsConfigurationList',
    idMismatch: S3Errors.malformedXml,
    validate: (document) => validateAnalytics(document as AnalyticsDocument),
  },
  {
    name: 'metrics',
    op: 'BucketMetricsConfiguration',
    member: 'MetricsConfiguration',
    list: 'MetricsConfigurationList',
    idMismatch: (id) => S3Errors.invalidArgument(ID_MISMATCH, 'id', id),
  },
  {
    name: 'inventory',
    op: 'BucketInventoryConfiguration',
    member: 'InventoryConfiguration',
    list: 'InventoryConfigurationList',
    idMismatch: () => new AwsError('IdMismatch', ID_MISMATCH, { status: 400 }),
    validate: (document) => validateInventory(document as InventoryDocument),
  },
  {
    name: 'intelligentTiering',
    op: 'BucketIntelligentTieringConfiguration',
    member: 'IntelligentTieringConfiguration',
    list: 'IntelligentTieringConfigurationList',
    idMismatch: S3Errors.malformedXml,
    validate: (document) => validateIntelligentTiering(document as IntelligentTieringDocument),
    // Objects move to the archive tiers as the lifecycle sweeper finds them due.
    stored: (ctx) => startLifecycleSweeper(ctx.emulator),
  },
];

const PAGE_SIZE = 100;

/** Configurations of one family a bucket may hold (AWS's limit for each of the four). */
const MAX_CONFIGURATIONS = 1000;

const tooManyConfigurations = () =>
  new AwsError('TooManyConfigurations', 'You are attempting to create a new configuration but have already reached the 1,000-configuration limit.', { status: 400 });

function store(ctx: S3Context, input: { Bucket?: string }, name: string): Map<string, unknown> {
  const bucket = requireBucket(ctx, input);
  let configs = bucket.configs.get(name) as Map<string, unknown> | undefined;
  if (!configs) bucket.configs.set(name, (configs = new Map()));
  return configs;
}

function noSuchConfiguration(): AwsError {
  return new AwsError('NoSuchConfiguration', 'The specified configuration does not exist.', { status: 404 });
}

export const idConfigHandlers: Record<string, Handler> = Object.fromEntries(
  FAMILIES.flatMap((f) => [
    [
      `Put${f.op}`,
      (input: Record<string, unknown> & { Bucket?: string; Id?: string }, ctx: S3Context) => {
        const document = input[f.member] as (Record<string, unknown> & { Id?: string }) | undefined;
        if (!document) throw S3Errors.malformedXml();
        if (document.Id !== input.Id) throw f.idMismatch(input.Id);
        f.validate?.(document);
        const configs = store(ctx, input, f.name);
        // Replacing a configuration is always allowed; a new one must fit under the limit.
        if (!configs.has(input.Id ?? '') && configs.size >= MAX_CONFIGURATIONS) throw tooManyConfigurations();
        configs.set(input.Id ?? '', document);
        f.stored?.(ctx);
        return {};
      },
    ],
    [
      `Get${f.op}`,
      (input: { Bucket?: string; Id?: string }, ctx: S3Context) => {
        const configs = store(ctx, input, f.name);
        if (!configs.has(input.Id ?? '')) throw noSuchConfiguration();
        return { [f.member]: configs.get(input.Id ?? '') };
      },
    ],
    [
      `Delete${f.op}`,
      (input: { Bucket?: string; Id?: string }, ctx: S3Context) => {
        const configs = store(ctx, input, f.name);
        if (!configs.delete(input.Id ?? '')) throw noSuchConfiguration();
        return {};
      },
    ],
    [
      `List${f.op}s`,
      (input: { Bucket?: string; ContinuationToken?: string }, ctx: S3Context) => {
        // Pages of 100 in Id order; the token is the last Id of the page before.
        const after = input.ContinuationToken === undefined ? undefined : Buffer.from(input.ContinuationToken, 'base64url').toString();
        const configs = store(ctx, input, f.name);
        const ids = [...configs.keys()].sort().filter((id) => after === undefined || id > after);
        const page = ids.slice(0, PAGE_SIZE);
        const truncated = ids.length > PAGE_SIZE;
        return {
          IsTruncated: truncated,
          ContinuationToken: input.ContinuationToken,
          NextContinuationToken: truncated ? Buffer.from(page[page.length - 1]).toString('base64url') : undefined,
          [f.list]: page.map((id) => configs.get(id)),
        };
      },
    ],
  ]),
);
