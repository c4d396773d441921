/**
 * A queue consumer as applications write them: receive a batch, handle each message, delete what was handled. A
 * message whose handling fails is left alone; it comes back after its visibility timeout, and after the queue's
 * maxReceiveCount the redrive policy moves it to the dead-letter queue. Transient errors of the service itself
 * (throttling, 5xx, dropped connections) are the SDK's to retry.
 */
import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface ConsumerStats {
  handled: string[];
  failed: number;
  /** Requests the SDK had to repeat (from each response's `$metadata.attempts`). */
  retries: number;
}

export async function consumeOnce(sqs: SQSClient, queueUrl: string, handle: (body: string) => Promise<void>, stats: ConsumerStats): Promise<number> {
  const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
  stats.retries += (received.$metadata.attempts ?? 1) - 1;
  for (const message of received.Messages ?? []) {
    try {
      await handle(message.Body!);
    } catch {
      stats.failed++;
      continue;
    }
    const deleted = await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    stats.retries += (deleted.$metadata.attempts ?? 1) - 1;
    stats.handled.push(message.Body!);
  }
  return received.Messages?.length ?? 0;
}
