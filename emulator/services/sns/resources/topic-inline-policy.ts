import { jsonText, templateJson, type ResourceType } from '../../cloudformation/provider.ts';
import { setPolicies } from './topic.ts';

/** `AWS::SNS::TopicInlinePolicy`: one policy on one topic; Ref is the topic ARN. The topic's default policy returns on delete. */
export const topicInlinePolicy: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
  async create(request) {
    await setPolicies(request, [request.properties.TopicArn], jsonText(request.properties.PolicyDocument));
    return { physicalId: request.properties.TopicArn, attributes: {} };
  },
  async update(request) {
    await setPolicies(request, [request.physicalId], jsonText(request.properties.PolicyDocument));
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await setPolicies(request, [request.physicalId], undefined);
  },
  async read(request) {
    const { Attributes } = await request.call('sns', 'GetTopicAttributes', { TopicArn: request.physicalId });
    return { TopicArn: request.physicalId, PolicyDocument: templateJson(request.properties.PolicyDocument, Attributes.Policy) };
  },
  createOnly: ['TopicArn'],
  properties: ['PolicyDocument', 'TopicArn'],
};
