import { resourcePolicy } from './resource-policy.ts';
import { streamConsumer } from './stream-consumer.ts';
import { changedProperties, resourceTags, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';

async function read(request: ResourceRequest, name: string) {
  const { StreamDescriptionSummary } = await request.call('kinesis', 'DescribeStreamSummary', { StreamName: name });
  return { physicalId: name, attributes: { Arn: StreamDescriptionSummary.StreamARN } };
}

/** `AWS::Kinesis::Stream`: Ref is the stream name; GetAtt Arn. */
const stream: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.Name ?? request.physicalName({ maxLength: 128 });
    const mode = p.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
    const tags = resourceTags(request);
    await request.call('kinesis', 'CreateStream', {
      StreamName: name,
      ShardCount: mode === 'ON_DEMAND' ? undefined : Number(p.ShardCount ?? 1),
      StreamModeDetails: { StreamMode: mode },
      ...(tags.length ? { Tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) } : {}),
    });
    if (p.RetentionPeriodHours !== undefined && Number(p.RetentionPeriodHours) > 24) {
      await request.call('kinesis', 'IncreaseStreamRetentionPeriod', { StreamName: name, RetentionPeriodHours: Number(p.RetentionPeriodHours) });
    }
    if (p.StreamEncryption) await request.call('kinesis', 'StartStreamEncryption', { StreamName: name, EncryptionType: p.StreamEncryption.EncryptionType, KeyId: p.StreamEncryption.KeyId });
    return read(request, name);
  },
  async update(request) {
    const name = request.physicalId;
    const p = request.properties;
    const changed = changedProperties(request.previous, p);
    if (changed.has('ShardCount') && p.ShardCount !== undefined) {
      await request.call('kinesis', 'UpdateShardCount', { StreamName: name, TargetShardCount: Number(p.ShardCount), ScalingType: 'UNIFORM_SCALING' });
    }
    if (changed.has('RetentionPeriodHours')) {
      const before = Number(request.previous.RetentionPeriodHours ?? 24);
      const after = Number(p.RetentionPeriodHours ?? 24);
      await request.call('kinesis', after > before ? 'IncreaseStreamRetentionPeriod' : 'DecreaseStreamRetentionPeriod', { StreamName: name, RetentionPeriodHours: after });
    }
    return read(request, name);
  },
  async delete(request) {
    await request.call('kinesis', 'DeleteStream', { StreamName: request.physicalId, EnforceConsumerDeletion: true });
  },
  async read(request) {
    const { StreamDescriptionSummary: s } = await request.call('kinesis', 'DescribeStreamSummary', { StreamName: request.physicalId });
    const { Tags } = await request.call('kinesis', 'ListTagsForStream', { StreamName: request.physicalId });
    const onDemand = s.StreamModeDetails?.StreamMode === 'ON_DEMAND';
    return {
      Name: s.StreamName,
      // An on-demand stream's shards are the service's, not a setting.
      ...(onDemand ? {} : { ShardCount: s.OpenShardCount }),
      StreamModeDetails: s.StreamModeDetails,
      RetentionPeriodHours: s.RetentionPeriodHours,
      StreamEncryption: s.EncryptionType === 'KMS' ? { EncryptionType: 'KMS', KeyId: s.KeyId } : undefined,
      Tags: templateTags(request, Tags),
    };
  },
  primaryIdentifier: ['Name'],
  adopt: (request, identifier) => read(request, identifier.Name),
  createOnly: ['Name'],
  properties: ['Name', 'ShardCount', 'StreamModeDetails', 'RetentionPeriodHours', 'StreamEncryption', 'Tags'],
};

/** The CloudFormation resource types of Kinesis. */
const types: ResourceTypes = {
  'AWS::Kinesis::Stream': stream,
  'AWS::Kinesis::StreamConsumer': streamConsumer,
  'AWS::Kinesis::ResourcePolicy': resourcePolicy,
};

export default types;
