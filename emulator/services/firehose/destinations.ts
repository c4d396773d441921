import type { DestinationDescription, ExtendedS3DestinationConfiguration, S3DestinationConfiguration, S3DestinationDescription } from '@aws-sdk/client-firehose';

/** The destination types of the model, by the prefix of their `<Type>DestinationConfiguration` member. */
export const DESTINATION_KINDS = [
  'ExtendedS3',
  'Redshift',
  'Elasticsearch',
  'Amazonopensearchservice',
  'Splunk',
  'HttpEndpoint',
  'AmazonOpenSearchServerless',
  'Snowflake',
  'Iceberg',
] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** A stream's one destination: its configuration as given (merged with updates); Describe derives the rest. */
export interface Destination {
  id: string;
  kind: DestinationKind;
  config: Record<string, unknown>;
}

export const FIRST_DESTINATION_ID = 'destinationId-000000000001';

/** Members AWS never hands back (credentials). */
const SECRET_MEMBERS = new Set(['Password', 'AccessKey', 'PrivateKey', 'KeyPassphrase', 'HECToken']);

/** An S3 destination as Describe shows it: AWS's defaults filled in (5 MiB / 300 s, UNCOMPRESSED, no encryption). */
export function s3Description(config: S3DestinationConfiguration): S3DestinationDescription {
  return {
    RoleARN: config.RoleARN,
    BucketARN: config.BucketARN,
    Prefix: config.Prefix,
    ErrorOutputPrefix: config.ErrorOutputPrefix,
    BufferingHints: { SizeInMBs: config.BufferingHints?.SizeInMBs ?? 5, IntervalInSeconds: config.BufferingHints?.IntervalInSeconds ?? 300 },
    CompressionFormat: config.CompressionFormat ?? 'UNCOMPRESSED',
    EncryptionConfiguration: config.EncryptionConfiguration ?? { NoEncryptionConfig: 'NoEncryption' },
    CloudWatchLoggingOptions: config.CloudWatchLoggingOptions ?? { Enabled: false },
  };
}

/** The effective Extended S3 configuration, with the defaults delivery uses. */
export function extendedS3(config: Record<string, unknown>): ExtendedS3DestinationConfiguration {
  const given = config as unknown as ExtendedS3DestinationConfiguration;
  const dynamic = given.DynamicPartitioningConfiguration?.Enabled === true;
  return {
    ...given,
    BufferingHints: {
      SizeInMBs: given.BufferingHints?.SizeInMBs ?? (dynamic ? 64 : 5),
      IntervalInSeconds: given.BufferingHints?.IntervalInSeconds ?? 300,
    },
  };
}

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_MEMBERS.has(k)).map(([k, v]) => [k, withoutSecrets(v)]));
}

/** The DestinationDescription members of a destination (without its id). */
export function describeDestination(destination: Destination): Omit<DestinationDescription, 'DestinationId'> {
  if (destination.kind === 'ExtendedS3') {
    const config = extendedS3(destination.config);
    const base = s3Description(config);
    const extended = {
      ...base,
      ProcessingConfiguration: config.ProcessingConfiguration,
      S3BackupMode: config.S3BackupMode ?? 'Disabled',
      S3BackupDescription: config.S3BackupConfiguration && s3Description(config.S3BackupConfiguration),
      DataFormatConversionConfiguration: config.DataFormatConversionConfiguration,
      DynamicPartitioningConfiguration: config.DynamicPartitioningConfiguration && {
        RetryOptions: { DurationInSeconds: config.DynamicPartitioningConfiguration.RetryOptions?.DurationInSeconds ?? 300 },
        Enabled: config.DynamicPartitioningConfiguration.Enabled ?? false,
      },
      FileExtension: config.FileExtension,
      CustomTimeZone: config.CustomTimeZone,
    };
    return { S3DestinationDescription: base, ExtendedS3DestinationDescription: extended };
  }
  const described: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withoutSecrets(destination.config) as Record<string, unknown>)) {
    if (key === 'S3Configuration') described.S3DestinationDescription = s3Description(value as S3DestinationConfiguration);
    else if (key === 'S3BackupConfiguration') described.S3BackupDescription = s3Description(value as S3DestinationConfiguration);
    // The VPC's id is AWS's lookup of the subnets, which twinstack does not serve: Describe names what was given.
    else if (key === 'VpcConfiguration') described.VpcConfigurationDescription = value;
    else described[key] = value;
  }
  return { [`${destination.kind}DestinationDescription`]: described };
}

/** Merges an update into a configuration: nested structures merge member by member, lists are replaced. */
export function mergeConfig(current: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    const renamed = key === 'S3Update' ? 'S3Configuration' : key === 'S3BackupUpdate' ? 'S3BackupConfiguration' : key;
    const before = out[renamed];
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
    out[renamed] =
      nested && before && typeof before === 'object' && !Array.isArray(before)
        ? mergeConfig(before as Record<string, unknown>, value as Record<string, unknown>)
        : nested
          ? mergeConfig({}, value as Record<string, unknown>)
          : value;
  }
  return out;
}
