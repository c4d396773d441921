import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { subscription, topic, topicPolicy } from './topic.ts';

/** The CloudFormation resource types of SNS. */
const types: ResourceTypes = {
  'AWS::SNS::Topic': topic,
  'AWS::SNS::Subscription': subscription,
  'AWS::SNS::TopicPolicy': topicPolicy,
};

export default types;
