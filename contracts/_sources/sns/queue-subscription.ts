// The fixtures sns_create_sqs_subscription and sns_allow_topic_sqs_queue (tests/aws/fixtures.py, Apache-2.0), shared by
// the sources whose tests read a topic's messages from a queue.
import { pythonJson, type SourceStep } from '../../../verifier/port/source-types.ts';

/**
 * `{{queueArn}}` subscribed to `{{topicArn}}` and the queue policy letting that topic send to `{{queueUrl}}`; `encode`
 * writes the policy as the test's own code did (`json.dumps` unless given).
 */
export const topicToQueue = (encode: (policy: object) => string = pythonJson): SourceStep[] => [
  { service: 'sns', protocol: 'query', op: 'Subscribe', params: { TopicArn: '{{topicArn}}', Protocol: 'sqs', Endpoint: '{{queueArn}}' } },
  {
    service: 'sqs',
    protocol: 'json',
    op: 'SetQueueAttributes',
    params: {
      QueueUrl: '{{queueUrl}}',
      Attributes: {
        Policy: encode({
          Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '{{queueArn}}', Condition: { ArnEquals: { 'aws:SourceArn': '{{topicArn}}' } } }],
        }),
      },
    },
  },
];
