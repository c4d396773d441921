import type { DeliveryStreamDescription } from '@aws-sdk/client-firehose';
import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';

/*
 * The read handler of AWS::KinesisFirehose::DeliveryStream (drift detection, Cloud Control): DescribeDeliveryStream
 * in the template's form. Firehose describes a destination with its defaults filled in (buffering, compression,
 * encryption, logging): each structure keeps only the members the template gave. What AWS's schema makes write-only
 * (secrets, the sources, several whole destinations) is not read back: the template's stands, never compared.
 */

/** AWS's writeOnlyProperties of the type (its resource schema), as paths of property names. */
const WRITE_ONLY = [
  'S3DestinationConfiguration',
  'ElasticsearchDestinationConfiguration',
  'AmazonopensearchserviceDestinationConfiguration',
  'AmazonOpenSearchServerlessDestinationConfiguration',
  'SnowflakeDestinationConfiguration',
  'IcebergDestinationConfiguration',
  'DatabaseSourceConfiguration',
  'MSKSourceConfiguration',
  'KinesisStreamSourceConfiguration',
  'DirectPutSourceConfiguration/ThroughputHintInMBs',
  'ExtendedS3DestinationConfiguration/FileExtension',
  'ExtendedS3DestinationConfiguration/CustomTimeZone',
  'RedshiftDestinationConfiguration/Password',
  'RedshiftDestinationConfiguration/ProcessingConfiguration',
  'RedshiftDestinationConfiguration/SecretsManagerConfiguration',
  'RedshiftDestinationConfiguration/S3Configuration/ErrorOutputPrefix',
  'RedshiftDestinationConfiguration/S3Configuration/EncryptionConfiguration/KMSEncryptionConfig/AWSKMSKeyARN',
  'RedshiftDestinationConfiguration/S3BackupConfiguration/ErrorOutputPrefix',
  'RedshiftDestinationConfiguration/S3BackupConfiguration/EncryptionConfiguration/KMSEncryptionConfig/AWSKMSKeyARN',
  'HttpEndpointDestinationConfiguration/EndpointConfiguration/AccessKey',
  'HttpEndpointDestinationConfiguration/SecretsManagerConfiguration',
  'HttpEndpointDestinationConfiguration/ProcessingConfiguration',
  'HttpEndpointDestinationConfiguration/S3Configuration/EncryptionConfiguration/KMSEncryptionConfig/AWSKMSKeyARN',
  'SplunkDestinationConfiguration/BufferingHints',
  'SplunkDestinationConfiguration/SecretsManagerConfiguration',
  'SplunkDestinationConfiguration/ProcessingConfiguration',
  'SplunkDestinationConfiguration/CloudWatchLoggingOptions',
  'SplunkDestinationConfiguration/S3Configuration/EncryptionConfiguration/NoEncryptionConfig',
];

/** Describe's names for the members a configuration calls otherwise. */
const CONFIGURATION_NAMES: Record<string, string> = {
  S3DestinationDescription: 'S3Configuration',
  S3BackupDescription: 'S3BackupConfiguration',
  VpcConfigurationDescription: 'VpcConfiguration',
};

const isObject = (value: unknown): value is Properties => !!value && typeof value === 'object' && !Array.isArray(value);

/** `actual` in the shape of `given`: objects keep the given members (write-only ones as given), lists go item by item. */
function asGiven(given: unknown, actual: unknown, path: string): unknown {
  if (Array.isArray(given) && Array.isArray(actual)) return actual.map((item, at) => asGiven(given[at], item, path));
  if (!isObject(given) || !isObject(actual)) return actual;
  return Object.fromEntries(Object.keys(given).map((key) => [key, WRITE_ONLY.includes(`${path}/${key}`.slice(1)) ? given[key] : asGiven(given[key], actual[key], `${path}/${key}`)]));
}

/** A destination description in its configuration's member names. */
function configuration(described: Properties): Properties {
  return Object.fromEntries(Object.entries(described).map(([key, value]) => [CONFIGURATION_NAMES[key] ?? key, isObject(value) && key in CONFIGURATION_NAMES ? configuration(value) : value]));
}

/** `AWS::KinesisFirehose::DeliveryStream`: physical id the stream name. */
export async function readDeliveryStream(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const { DeliveryStreamDescription: d } = await request.call<{ DeliveryStreamDescription: DeliveryStreamDescription }>('firehose', 'DescribeDeliveryStream', { DeliveryStreamName: request.physicalId });
  const destination = (d.Destinations?.[0] ?? {}) as Properties;
  const out: Properties = {
    Arn: d.DeliveryStreamARN,
    DeliveryStreamName: d.DeliveryStreamName,
    DeliveryStreamType: d.DeliveryStreamType,
  };
  for (const [member, described] of Object.entries(destination)) {
    const property = member.replace(/Description$/, 'Configuration');
    // Extended S3 destinations are described as an S3 one too: only the template's kind is its property.
    if (!member.endsWith('DestinationDescription') || WRITE_ONLY.includes(property) || (property === 'S3DestinationConfiguration' && destination.ExtendedS3DestinationDescription)) continue;
    out[property] = asGiven(p[property], configuration(described as Properties), `/${property}`);
  }
  const encryption = d.DeliveryStreamEncryptionConfiguration;
  if (encryption?.Status === 'ENABLED' || encryption?.Status === 'ENABLING') {
    out.DeliveryStreamEncryptionConfigurationInput = asGiven(p.DeliveryStreamEncryptionConfigurationInput, { KeyType: encryption.KeyType, KeyARN: encryption.KeyARN }, '/DeliveryStreamEncryptionConfigurationInput');
  }
  const { Tags } = await request.call<{ Tags?: { Key: string; Value?: string }[] }>('firehose', 'ListTagsForDeliveryStream', { DeliveryStreamName: request.physicalId });
  out.Tags = templateTags(request, Tags);
  return out;
}
