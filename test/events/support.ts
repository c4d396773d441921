import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Starts twinstack (EventBridge and SQS) around a mocha suite, with an EventBridge and an SQS client. */
export function useEvents(services: string[] = ['events', 'sqs']): { aws: Twinstack; events: EventBridgeClient; sqs: SQSClient } {
  const context = {} as { aws: Twinstack; events: EventBridgeClient; sqs: SQSClient };
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services });
    const options = { endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    context.events = new EventBridgeClient(options);
    context.sqs = new SQSClient(options);
  });
  after(async () => {
    context.events.destroy();
    context.sqs.destroy();
    await context.aws.stop();
  });
  return context;
}

/** Receives (and deletes) up to `count` message bodies from a queue, long-polling up to `seconds`. */
export async function receiveBodies(sqs: SQSClient, queueUrl: string, count: number, seconds = 3): Promise<string[]> {
  const bodies: string[] = [];
  const deadline = Date.now() + seconds * 1000;
  while (bodies.length < count && Date.now() < deadline) {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const message of out.Messages ?? []) {
      bodies.push(message.Body!);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
  return bodies;
}

/** As on AWS, EventBridge may send to a queue only when the queue's policy allows events.amazonaws.com. */
export async function allowEventBridge(sqs: SQSClient, queueUrl: string, queueArn: string): Promise<void> {
  const Policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn }],
  });
  await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy } }));
}
