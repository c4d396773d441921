import { resourceTags, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { readDeliveryStream } from './read.ts';

/** Destination properties: Firehose's members have the template's names (`<Kind>DestinationConfiguration`). */
const DESTINATIONS = [
  'S3DestinationConfiguration',
  'ExtendedS3DestinationConfiguration',
  'RedshiftDestinationConfiguration',
  'ElasticsearchDestinationConfiguration',
  'AmazonopensearchserviceDestinationConfiguration',
  'AmazonOpenSearchServerlessDestinationConfiguration',
  'SplunkDestinationConfiguration',
  'HttpEndpointDestinationConfiguration',
  'SnowflakeDestinationConfiguration',
  'IcebergDestinationConfiguration',
] as const;

function destinations(p: Properties): Properties {
  return Object.fromEntries(DESTINATIONS.filter((n) => p[n] !== undefined).map((n) => [n, p[n]]));
}

async function streamState(request: ResourceRequest, name: string) {
  const { DeliveryStreamDescription } = await request.call('firehose', 'DescribeDeliveryStream', { DeliveryStreamName: name });
  return { physicalId: name, attributes: { Arn: DeliveryStreamDescription.DeliveryStreamARN }, description: DeliveryStreamDescription };
}

/** `AWS::KinesisFirehose::DeliveryStream`: Ref is the stream name; GetAtt Arn. */
const deliveryStream: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.DeliveryStreamName ?? request.physicalName({ maxLength: 64 });
    const tags = resourceTags(request);
    await request.call('firehose', 'CreateDeliveryStream', {
      DeliveryStreamName: name,
      DeliveryStreamType: p.DeliveryStreamType,
      KinesisStreamSourceConfiguration: p.KinesisStreamSourceConfiguration,
      DirectPutSourceConfiguration: p.DirectPutSourceConfiguration,
      MSKSourceConfiguration: p.MSKSourceConfiguration,
      DatabaseSourceConfiguration: p.DatabaseSourceConfiguration,
      DeliveryStreamEncryptionConfigurationInput: p.DeliveryStreamEncryptionConfigurationInput,
      ...destinations(p),
      Tags: tags.length ? tags : undefined,
    });
    const { physicalId, attributes } = await streamState(request, name);
    return { physicalId, attributes };
  },
  async update(request) {
    const { description } = await streamState(request, request.physicalId);
    const changed = DESTINATIONS.filter((n) => JSON.stringify(request.previous[n]) !== JSON.stringify(request.properties[n]) && request.properties[n] !== undefined);
    if (changed.length) {
      await request.call('firehose', 'UpdateDestination', {
        DeliveryStreamName: request.physicalId,
        CurrentDeliveryStreamVersionId: description.VersionId,
        DestinationId: description.Destinations[0].DestinationId,
        ...Object.fromEntries(changed.map((n) => [n.replace(/Configuration$/, 'Update'), request.properties[n]])),
      });
    }
    const { physicalId, attributes } = await streamState(request, request.physicalId);
    return { physicalId, attributes };
  },
  async delete(request) {
    await request.call('firehose', 'DeleteDeliveryStream', { DeliveryStreamName: request.physicalId });
  },
  read: readDeliveryStream,
  primaryIdentifier: ['DeliveryStreamName'],
  async adopt(request, identifier) {
    const { physicalId, attributes } = await streamState(request, identifier.DeliveryStreamName);
    return { physicalId, attributes };
  },
  createOnly: ['DeliveryStreamName', 'DeliveryStreamType', 'KinesisStreamSourceConfiguration', 'DirectPutSourceConfiguration', 'MSKSourceConfiguration', 'DatabaseSourceConfiguration'],
  properties: [
    'DeliveryStreamName',
    'DeliveryStreamType',
    'KinesisStreamSourceConfiguration',
    'DirectPutSourceConfiguration',
    'MSKSourceConfiguration',
    'DatabaseSourceConfiguration',
    'DeliveryStreamEncryptionConfigurationInput',
    ...DESTINATIONS,
    'Tags',
  ],
};

/** The CloudFormation resource types of Data Firehose. */
const types: ResourceTypes = {
  'AWS::KinesisFirehose::DeliveryStream': deliveryStream,
};

export default types;
