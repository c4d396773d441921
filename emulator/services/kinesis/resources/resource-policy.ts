import { jsonText, templateJson, type ResourceType } from '../../cloudformation/provider.ts';

/** `AWS::Kinesis::ResourcePolicy`: the policy of a stream or consumer; Ref is that resource's ARN. */
export const resourcePolicy: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
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
  // Without a policy Kinesis answers an empty document, which is no policy.
  async read(request) {
    const { Policy } = await request.call('kinesis', 'GetResourcePolicy', { ResourceARN: request.physicalId });
    return { ResourceArn: request.physicalId, ResourcePolicy: Policy === '{}' ? undefined : templateJson(request.properties.ResourcePolicy, Policy) };
  },
  createOnly: ['ResourceArn'],
  properties: ['ResourceArn', 'ResourcePolicy'],
};
