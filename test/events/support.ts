import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
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

/** Receives up to `count` message bodies from a queue, long-polling up to `seconds`. */
export async function receiveBodies(sqs: SQSClient, queueUrl: string, count: number, seconds = 3): Promise<string[]> {
  const bodies: string[] = [];
  const deadline = Date.now() + seconds * 1000;
  while (bodies.length < count && Date.now() < deadline) {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    bodies.push(...(out.Messages ?? []).map((m) => m.Body!));
  }
  return bodies;
}
