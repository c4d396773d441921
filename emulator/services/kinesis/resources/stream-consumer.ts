import { resourceTags, type ResourceType } from '../../cloudformation/provider.ts';

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
    const { ConsumerDescription: c } = await request.call('kinesis', 'DescribeStreamConsumer', { ConsumerARN: Consumer.ConsumerARN });
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
  },
  async delete(request) {
    await request.call('kinesis', 'DeregisterStreamConsumer', { ConsumerARN: request.physicalId });
  },
  properties: ['StreamARN', 'ConsumerName', 'Tags'],
};
