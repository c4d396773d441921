import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { queue } from './queue.ts';
import { queueInlinePolicy } from './queue-inline-policy.ts';
import { queuePolicy } from './queue-policy.ts';

/** The CloudFormation resource types of SQS. */
const types: ResourceTypes = {
  'AWS::SQS::Queue': queue,
  'AWS::SQS::QueuePolicy': queuePolicy,
  'AWS::SQS::QueueInlinePolicy': queueInlinePolicy,
};

export default types;
