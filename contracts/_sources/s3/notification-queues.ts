// The SQS side of LocalStack's S3 notification tests (github.com/localstack/localstack,
// tests/aws/services/s3/test_s3_notifications_*.py, Apache-2.0): a queue that lets a source send to it, and what the
// tests' receive loops (`sqs_collect_s3_events` and the like) took out of it, as contract steps.
import type { SourceStep } from '../../../verifier/port/source-types.ts';

/** The `account_id` fixture: the caller's account, for ARNs of destinations that do not exist. */
export const callerAccount: SourceStep = { service: 'sts', op: 'GetCallerIdentity', params: {}, protocol: 'query', capture: { accountId: '$.Account' } };

const sqs = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'sqs', protocol: 'json', op, params, ...more });

/** `sqs_create_queue` and the queue's ARN, kept as `{{<name>Url}}` and `{{<name>Arn}}`. */
export function createQueue(QueueName: string, name = 'queue'): SourceStep[] {
  return [
    sqs('CreateQueue', { QueueName }, { capture: { [`${name}Url`]: '$.QueueUrl' } }),
    sqs('GetQueueAttributes', { QueueUrl: `{{${name}Url}}`, AttributeNames: ['QueueArn'] }, { capture: { [`${name}Arn`]: '$.Attributes.QueueArn' } }),
  ];
}

/** A queue policy letting anyone (`Principal: *`, or a service) send to the queue on behalf of `sourceArn`. */
export function allowSend(sourceArn: string, name = 'queue', principal: unknown = '*', extra: Record<string, string> = {}): SourceStep {
  const Policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sqs:SendMessage', Resource: `{{${name}Arn}}`, Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } } }],
  });
  return sqs('SetQueueAttributes', { QueueUrl: `{{${name}Url}}`, Attributes: { Policy, ...extra } });
}

/**
 * The tests skip S3's `s3:TestEvent` messages (sent to the queue when the configuration was stored) and leave them in
 * flight: received here and kept invisible for the rest of the scenario, so that only event messages stay.
 */
export function hideTestEvents(name = 'queue'): SourceStep {
  return sqs(
    'ReceiveMessage',
    { QueueUrl: `{{${name}Url}}`, MaxNumberOfMessages: 10, VisibilityTimeout: 900, WaitTimeSeconds: 1 },
    { until: { path: '$.Messages', matches: 's3:TestEvent', timeoutSeconds: 20 } },
  );
}

/**
 * The tests' receive loop: the queue is read (messages left visible) until it holds `count` messages, which are then
 * judged as the snapshot's bodies or event records (`shape`; no snapshot: not judged), and deleted so that a later
 * collection sees only newer ones.
 */
export function collect(snapshot: string | undefined, count: number, shape: SourceStep['messageBodies'] = { records: true }, name = 'queue'): SourceStep[] {
  const handles = Array.from({ length: count }, (_, i) => `${name}Handle${i}`);
  return [
    sqs(
      'ReceiveMessage',
      { QueueUrl: `{{${name}Url}}`, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 1 },
      {
        ...(snapshot ? { snapshot, messageBodies: shape } : {}),
        until: { path: '$.Messages', matches: `^(?:[\\s\\S]*?"MessageId"){${count}}`, timeoutSeconds: 60 },
        capture: Object.fromEntries(handles.map((handle, i) => [handle, `$.Messages[${i}].ReceiptHandle`])),
      },
    ),
    sqs('DeleteMessageBatch', { QueueUrl: `{{${name}Url}}`, Entries: handles.map((handle, i) => ({ Id: `m${i}`, ReceiptHandle: `{{${handle}}}` })) }),
  ];
}
