import { jsonText, templateJson, type ResourceType } from '../../cloudformation/provider.ts';
import { setPolicy } from './queue-policy.ts';

/** `AWS::SQS::QueueInlinePolicy`: one policy on one queue; Ref is the queue URL. The policy is removed on delete. */
export const queueInlinePolicy: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
  async create(request) {
    await setPolicy(request, [request.properties.Queue], jsonText(request.properties.PolicyDocument) ?? '');
    return { physicalId: request.properties.Queue, attributes: {} };
  },
  async update(request) {
    await setPolicy(request, [request.physicalId], jsonText(request.properties.PolicyDocument) ?? '');
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await setPolicy(request, [request.physicalId], '');
  },
  async read(request) {
    const { Attributes } = await request.call('sqs', 'GetQueueAttributes', { QueueUrl: request.physicalId, AttributeNames: ['Policy'] });
    return { Queue: request.physicalId, PolicyDocument: templateJson(request.properties.PolicyDocument, Attributes?.Policy) };
  },
  createOnly: ['Queue'],
  properties: ['PolicyDocument', 'Queue'],
};
