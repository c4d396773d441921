import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { snapshotRoot } from '../../verifier/port/snapshot-root.ts';

// Policies, messages and verdicts of LocalStack's AWS-validated MessageBody filter tests (test_sns_filter_policy.py,
// Apache-2.0): which messages AWS delivered (their snapshots) and which it did not (the tests' assertions).
const s3Created = {
  Records: [
    {
      eventSource: 'aws:s3',
      eventTime: '2022-11-21T03:41:29.743Z',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'insurance-bucket-demo', arn: 'arn:aws:s3:::insurance-bucket-demo' }, object: { key: 'auto-insurance-2314.xml', size: 17 } },
    },
  ],
};
const withRecord = (change: (r: (typeof s3Created.Records)[0]) => void) => {
  const copy = structuredClone(s3Created);
  change(copy.Records[0]);
  return copy;
};
const event = (id: string, detail: object) => ({ id, source: 'test-source', 'detail-type': 'test-detail-type', account: '123456789012', region: 'my-region', time: '2022-07-13T13:48:01Z', detail });

const CASES: { name: string; policy: object; delivered: unknown[]; refused: unknown[] }[] = [
  {
    name: 'test_filter_policy_on_message_body',
    policy: { object: { key: [{ prefix: 'auto-' }, 'hardcodedvalue'], nested_key: [{ exists: false }] }, test: [{ exists: false }] },
    delivered: [{ object: { key: 'auto-test' } }, { object: { key: 'hardcodedvalue' } }],
    refused: [
      { object: { key: 'test-auto' } },
      { object: { key: 'auto-test' }, test: 'just-exists' },
      { object: { key: 'auto-test', nested_key: 'just-exists' } },
      { object: { test: 'auto-test' } },
      { test: 'auto-test' },
      'Regular string message',
    ],
  },
  {
    name: 'test_filter_policy_on_message_body_dot_attribute (one level)',
    policy: { 'object.nested': ['string.value'] },
    delivered: [{ object: { nested: 'string.value' } }, { 'object.nested': 'string.value' }],
    refused: [{ object: { nested: 'test-auto' } }],
  },
  {
    name: 'test_filter_policy_on_message_body_dot_attribute (two levels)',
    policy: { 'object.nested.test': ['string.value'] },
    delivered: [
      { object: { nested: { test: 'string.value' } } },
      { 'object.nested.test': 'string.value' },
      { 'object.nested': { test: 'string.value' } },
      { object: { 'nested.test': 'string.value' } },
    ],
    refused: [{ object: { nested: { test: 'string.notvalue' } } }],
  },
  {
    name: 'test_filter_policy_on_message_body_array_attributes',
    policy: { headers: { 'route-to': ['queue1'] } },
    delivered: [{ headers: { 'route-to': ['queue1'] } }, { headers: { 'route-to': ['queue1', 'queue2'] } }],
    refused: [{ headers: { 'route-to': ['queue3'] } }, { headers: { 'route-to': ['queue2'] } }],
  },
  {
    name: 'test_filter_policy_on_message_body_array_of_object_attributes',
    policy: { Records: { s3: { object: { key: [{ prefix: 'auto-' }] } }, eventName: [{ prefix: 'ObjectCreated:' }] } },
    delivered: [
      s3Created,
      {
        Records: [
          { eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { object: [[{ key: 'auto-insurance-2314.xml', size: 17 }]] } },
          { eventSource: 'aws:s3', eventName: 'ObjectRemoved:Delete', s3: { object: { key: 'home-insurance-2314.xml', size: 17 } } },
        ],
      },
    ],
    refused: [withRecord((r) => (r.eventName = 'ObjectRemoved:Delete')), withRecord((r) => (r.s3.object.key = 'home-insurance-2314.xml'))],
  },
  {
    name: 'test_filter_policy_on_message_body_or_attribute',
    policy: {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: { scope: ['Service'], $or: [{ source: ['aws.cloudwatch'] }, { type: ['CloudWatch Alarm State Change'] }] },
    },
    delivered: [
      { metricName: 'CPUUtilization', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { metricName: 'ReadLatency', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { namespace: 'AWS/EC2', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { namespace: 'AWS/ES', detail: { scope: 'Service', source: 'aws.cloudwatch' } },
      { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
    ],
    refused: [
      { metricName: 'CPUUtilization', detail: { scope: 'aws.cloudwatch', type: 'CloudWatch Alarm State Change' } },
      { metricName: 'CPUUtilization', detail: { scope: 'Service', type: 'CPUUtilization' } },
      { metricName: 'CPUUtilization', detail: { type: 'CloudWatch Alarm State Change' } },
      { metricName: 'CPUUtilization', detail: { scope: 'Service' } },
      { metricName: 'CPUUtilization', scope: 'Service' },
      { metricName: 'AWS/EC2', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
      { namespace: 'CPUUtilization', detail: { scope: 'Service', type: 'CloudWatch Alarm State Change' } },
    ],
  },
  {
    name: 'test_filter_policy_empty_array_payload',
    policy: { detail: { eventVersion: [''] } },
    delivered: [
      {
        version: '0',
        id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
        'detail-type': 'EC2 Instance Launch Successful',
        source: 'aws.autoscaling',
        account: '123456789012',
        time: '2015-11-11T21:31:47Z',
        region: 'my-region',
        resources: [],
        detail: { eventVersion: '', responseElements: null },
      },
    ],
    refused: [],
  },
  {
    name: 'test_filter_policy_ip_address_condition',
    policy: { detail: { $or: [{ sourceIPAddress: [{ cidr: '10.0.0.0/24' }] }, { sourceIPAddressV6: [{ cidr: '2001:db8:1234:1a00::/64' }] }] } },
    delivered: [event('1', { sourceIPAddress: '10.0.0.255' }), event('3', { sourceIPAddressV6: '2001:0db8:1234:1a00:0000:0000:0000:0000' })],
    refused: [event('2', { sourceIPAddress: '10.0.0.256' }), event('4', { sourceIPAddressV6: '2001:0db8:123f:1a01:0000:0000:0000:0000' })],
  },
  {
    name: 'test_filter_policy_large_complex_payload',
    policy: { detail: { 'payload.nested.another-level.deep': { 'inside-list': [{ prefix: 'q-test' }] } } },
    delivered: [JSON.parse(readFileSync(join(snapshotRoot(), 'sns', 'test_payloads', 'complex_payload.json'), 'utf8'))],
    refused: [],
  },
];

describe('SNS MessageBody filter policies against AWS-validated verdicts', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let sns: SNSClient;
  let sqs: SQSClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns', 'sqs'] });
    const client = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    sns = new SNSClient(client);
    sqs = new SQSClient(client);
  });
  after(() => aws?.stop());

  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const topicArn = (await sns.send(new CreateTopicCommand({ Name: `body-${i}` }))).TopicArn!;
      const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }] });
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `body-${i}`, Attributes: { Policy: policy } }));
      const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
      const Attributes = { RawMessageDelivery: 'true', FilterPolicyScope: 'MessageBody', FilterPolicy: JSON.stringify(c.policy) };
      await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: arn, Attributes }));
      const text = (m: unknown) => (typeof m === 'string' ? m : JSON.stringify(m));
      for (const message of [...c.refused, ...c.delivered]) await sns.send(new PublishCommand({ TopicArn: topicArn, Message: text(message) }));
      const received: string[] = [];
      for (let round = 0; round < 3; round++) {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: round ? 0 : 1 }));
        for (const m of Messages) {
          received.push(m.Body!);
          await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
        }
      }
      assert.deepEqual(received.sort(), c.delivered.map(text).sort());
    });
  });
});
