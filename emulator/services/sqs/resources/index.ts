import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { queue } from './queue.ts';
import { queuePolicy } from './queue-policy.ts';

/** The CloudFormation resource types of SQS. */
const types: ResourceTypes = {
  'AWS::SQS::Queue': queue,
  'AWS::SQS::QueuePolicy': queuePolicy,
};

export default types;
