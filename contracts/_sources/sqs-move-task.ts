// LocalStack's AWS-validated SQS message move task tests (github.com/localstack/localstack,
// tests/aws/services/sqs/test_sqs_move_task.py, Apache-2.0) reproduced as request sequences. Expected responses come
// only from the recorded snapshots.
import { pythonJson, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';

/** LocalStack's `sqs_create_queue` fixture (JSON client, default name `test-queue-<id>`). */
const createQueue = (name: string, capture: string, Attributes?: Record<string, string>): SourceStep => ({
  op: 'CreateQueue',
  params: { QueueName: name, ...(Attributes ? { Attributes } : {}) },
  capture: { [capture]: '$.QueueUrl', account: { from: '$.QueueUrl', regex: '/(\\d{12})/[^/]+$' } },
});
/** `sqs_get_queue_arn` fixture. */
const queueArn = (url: string, capture: string): SourceStep => ({
  op: 'GetQueueAttributes',
  params: { QueueUrl: url, AttributeNames: ['QueueArn'] },
  capture: { [capture]: '$.Attributes.QueueArn' },
});

/**
 * `sqs_create_dlq_pipe(max_receive_count=1)` then the source ARN (the DLQ) and a destination queue with its ARN. The
 * fixture builds the DLQ ARN from the queue URL's account and name (no call); the test gets the others from AWS.
 */
const dlqPipe: SourceStep[] = [
  createQueue('test-queue-{{suffix}}-dlq', 'dlqUrl'),
  createQueue('test-queue-{{suffix}}-src', 'queueUrl', {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:{{partition}}:sqs:{{region}}:{{account}}:test-queue-{{suffix}}-dlq', maxReceiveCount: 1 }),
  }),
  queueArn('{{dlqUrl}}', 'sourceArn'),
  createQueue('test-queue-{{suffix}}-dst', 'destinationUrl'),
  queueArn('{{destinationUrl}}', 'destinationArn'),
];

/** Sends the messages and receives twice as often with VisibilityTimeout 0, which moves them into the DLQ (maxReceiveCount 1). */
function intoDlq(bodies: string[]): SourceStep[] {
  const sends = bodies.map((MessageBody) => ({ op: 'SendMessage', params: { QueueUrl: '{{queueUrl}}', MessageBody } }));
  const receives = [...bodies, ...bodies].map(() => ({ op: 'ReceiveMessage', params: { QueueUrl: '{{queueUrl}}', VisibilityTimeout: 0 } }));
  return [...sends, ...receives];
}
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `message-${i}`);
const start = (extra: Record<string, unknown> = {}, snapshot?: string): SourceStep => ({
  op: 'StartMessageMoveTask',
  params: { SourceArn: '{{sourceArn}}', DestinationArn: '{{destinationArn}}', ...extra },
  ...(snapshot ? { snapshot } : {}),
});

const source: SourceFile = {
  service: 'sqs',
  module: 'test_sqs_move_task',
  snapshotDir: 'sqs',
  variants: {},
  defaultProtocol: 'json',
  scenarios: [
    {
      test: 'test_cancel_with_invalid_task_handle',
      steps: [{ op: 'CancelMessageMoveTask', params: { TaskHandle: 'foobared' }, snapshot: 'error' }],
    },
    {
      test: 'test_cancel_with_invalid_source_arn_in_task_handle',
      note: 'the task handle is the test\'s: base64 of {"taskId":"10f57157-fc38-4da9-a113-4de7e12d05dd","sourceArn":"arn:aws:sqs:us-east-1:878966065785:test-queue-doesnt-exist-123456"}',
      steps: [
        {
          op: 'CancelMessageMoveTask',
          params: {
            TaskHandle: Buffer.from(
              '{"taskId":"10f57157-fc38-4da9-a113-4de7e12d05dd","sourceArn":"arn:aws:sqs:us-east-1:878966065785:test-queue-doesnt-exist-123456"}',
            ).toString('base64'),
          },
          snapshot: 'error',
        },
      ],
    },
    {
      test: 'test_source_needs_redrive_policy',
      steps: [
        createQueue('test-queue-{{suffix}}-src', 'queueUrl'),
        queueArn('{{queueUrl}}', 'sourceArn'),
        createQueue('test-queue-{{suffix}}-dst', 'destinationUrl'),
        queueArn('{{destinationUrl}}', 'destinationArn'),
        start({}, 'error'),
      ],
    },
    {
      test: 'test_destination_needs_to_exist',
      steps: [...dlqPipe, start({ DestinationArn: '{{destinationArn}}doesntexist' }, 'error')],
    },
    {
      test: 'test_basic_move_task_workflow',
      note: 'the test polls until the move completes; the contract waits a few seconds before listing the task',
      steps: [
        ...dlqPipe,
        ...intoDlq(['message-1', 'message-2']),
        start({}, 'start-message-move-task-response'),
        { op: 'ListMessageMoveTasks', params: { SourceArn: '{{sourceArn}}' }, snapshot: 'list-message-move-task-response', delaySeconds: 3 },
      ],
    },
    {
      test: 'test_move_task_with_throughput_limit',
      steps: [...dlqPipe, ...intoDlq(numbered(4)), start({ MaxNumberOfMessagesPerSecond: 1 }, 'start-message-move-task-response')],
    },
    {
      test: 'test_start_multiple_move_tasks',
      steps: [...dlqPipe, ...intoDlq(numbered(10)), start({ MaxNumberOfMessagesPerSecond: 1 }), start({ MaxNumberOfMessagesPerSecond: 1 }, 'error')],
    },
    {
      test: 'test_move_task_workflow_with_default_destination',
      note: 'the test polls until the move completes; the contract waits a few seconds before listing the task',
      steps: [
        createQueue('test-queue-{{suffix}}-dlq', 'dlqUrl'),
        createQueue('test-queue-{{suffix}}-src', 'queueUrl', {
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:{{partition}}:sqs:{{region}}:{{account}}:test-queue-{{suffix}}-dlq', maxReceiveCount: 1 }),
        }),
        { ...queueArn('{{dlqUrl}}', 'sourceArn'), snapshot: 'source-arn', select: '$.Attributes.QueueArn' },
        { ...queueArn('{{queueUrl}}', 'originalArn'), snapshot: 'original-source', select: '$.Attributes.QueueArn' },
        ...intoDlq(['message-1', 'message-2']),
        { op: 'StartMessageMoveTask', params: { SourceArn: '{{sourceArn}}' }, snapshot: 'start-message-move-task-response' },
        { op: 'ListMessageMoveTasks', params: { SourceArn: '{{sourceArn}}' }, snapshot: 'list-message-move-task-response', delaySeconds: 3 },
      ],
    },
    {
      test: 'test_move_task_workflow_with_multiple_sources_as_default_destination',
      note: 'the test polls until the move completes; the contract waits a few seconds before listing the task',
      steps: [
        createQueue('test-queue-{{suffix}}-dlq', 'dlqUrl'),
        createQueue('test-queue-{{suffix}}-src', 'queueUrl', {
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:{{partition}}:sqs:{{region}}:{{account}}:test-queue-{{suffix}}-dlq', maxReceiveCount: 1 }),
        }),
        { ...queueArn('{{dlqUrl}}', 'sourceArn'), snapshot: 'source-arn', select: '$.Attributes.QueueArn' },
        createQueue('test-queue-{{suffix}}', 'queue2Url', { RedrivePolicy: pythonJson({ deadLetterTargetArn: '{{sourceArn}}', maxReceiveCount: 1 }) }),
        { ...queueArn('{{queueUrl}}', 'originalArn1'), snapshot: 'original-source-1', select: '$.Attributes.QueueArn' },
        { ...queueArn('{{queue2Url}}', 'originalArn2'), snapshot: 'original-source-2', select: '$.Attributes.QueueArn' },
        ...['message-1-1', 'message-1-2'].map((MessageBody) => ({ op: 'SendMessage', params: { QueueUrl: '{{queueUrl}}', MessageBody } })),
        ...['message-2-1', 'message-2-2'].map((MessageBody) => ({ op: 'SendMessage', params: { QueueUrl: '{{queue2Url}}', MessageBody } })),
        ...['{{queueUrl}}', '{{queueUrl}}', '{{queueUrl}}', '{{queueUrl}}', '{{queue2Url}}', '{{queue2Url}}', '{{queue2Url}}', '{{queue2Url}}'].map((QueueUrl) => ({
          op: 'ReceiveMessage',
          params: { QueueUrl, VisibilityTimeout: 0 },
        })),
        { op: 'StartMessageMoveTask', params: { SourceArn: '{{sourceArn}}' }, snapshot: 'start-message-move-task-response' },
        { op: 'ListMessageMoveTasks', params: { SourceArn: '{{sourceArn}}' }, snapshot: 'list-message-move-task-response', delaySeconds: 3 },
      ],
    },
  ],
  notPorted: {
    test_cancel_with_invalid_task_id_in_task_handle: "the task handle embeds the created queue's ARN base64-encoded, which a contract template cannot express",
    test_move_task_cancel: 'the recorded counts depend on how many messages a rate-limited task had moved at the time of each call',
    test_move_task_delete_destination_queue_while_running: 'the recorded counts depend on how many messages a rate-limited task had moved before the queue was deleted',
  },
};

export default source;
