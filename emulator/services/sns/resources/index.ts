import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { subscription, topic, topicPolicy } from './topic.ts';
import { topicInlinePolicy } from './topic-inline-policy.ts';

/** The CloudFormation resource types of SNS. */
const types: ResourceTypes = {
  'AWS::SNS::Topic': topic,
  'AWS::SNS::Subscription': subscription,
  'AWS::SNS::TopicPolicy': topicPolicy,
  'AWS::SNS::TopicInlinePolicy': topicInlinePolicy,
};

export default types;
