import { jsonText, type ResourceType } from '../../cloudformation/provider.ts';

/** `AWS::Kinesis::ResourcePolicy`: the policy of a stream or consumer; Ref is that resource's ARN. */
export const resourcePolicy: ResourceType = {
  async create(request) {
    await request.call('kinesis', 'PutResourcePolicy', { ResourceARN: request.properties.ResourceArn, Policy: jsonText(request.properties.ResourcePolicy) });
    return { physicalId: request.properties.ResourceArn, attributes: {} };
  },
  async update(request) {
    await request.call('kinesis', 'PutResourcePolicy', { ResourceARN: request.physicalId, Policy: jsonText(request.properties.ResourcePolicy) });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('kinesis', 'DeleteResourcePolicy', { ResourceARN: request.physicalId });
  },
  createOnly: ['ResourceArn'],
  properties: ['ResourceArn', 'ResourcePolicy'],
};
