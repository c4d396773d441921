import { resourceTags, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';

/** A registered consumer as the stack tracks it: its ARN and the attributes GetAtt reads. */
async function consumerState(request: ResourceRequest, arn: string) {
  const { ConsumerDescription: c } = await request.call('kinesis', 'DescribeStreamConsumer', { ConsumerARN: arn });
  return {
    physicalId: c.ConsumerARN,
    attributes: {
      ConsumerARN: c.ConsumerARN,
      ConsumerCreationTimestamp: new Date(c.ConsumerCreationTimestamp).toISOString(),
      ConsumerName: c.ConsumerName,
      ConsumerStatus: c.ConsumerStatus,
      StreamARN: c.StreamARN,
    },
  };
}

/**
 * `AWS::Kinesis::StreamConsumer`: Ref is the consumer ARN; GetAtt ConsumerARN, ConsumerCreationTimestamp, ConsumerName,
 * ConsumerStatus, StreamARN. Every property replaces the consumer.
 */
export const streamConsumer: ResourceType = {
  async create(request) {
    const p = request.properties;
    const tags = resourceTags(request);
    const { Consumer } = await request.call('kinesis', 'RegisterStreamConsumer', {
      StreamARN: p.StreamARN,
      ConsumerName: p.ConsumerName,
      ...(tags.length ? { Tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) } : {}),
    });
    return consumerState(request, Consumer.ConsumerARN);
  },
  async delete(request) {
    await request.call('kinesis', 'DeregisterStreamConsumer', { ConsumerARN: request.physicalId });
  },
  async read(request) {
    const { ConsumerDescription: c } = await request.call('kinesis', 'DescribeStreamConsumer', { ConsumerARN: request.physicalId });
    const { Tags } = await request.call('kinesis', 'ListTagsForResource', { ResourceARN: request.physicalId });
    return { StreamARN: c.StreamARN, ConsumerName: c.ConsumerName, Tags: templateTags(request, Tags) };
  },
  primaryIdentifier: ['ConsumerARN'],
  adopt: (request, identifier) => consumerState(request, identifier.ConsumerARN),
  properties: ['StreamARN', 'ConsumerName', 'Tags'],
};
