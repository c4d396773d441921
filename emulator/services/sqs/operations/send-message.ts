import type { SendMessageBatchCommandInput, SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { AwsError } from '../../../core/errors.ts';
import { runBatch, validateBatchEntries } from '../batch.ts';
import { invalidParameterValue } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { resolveQueue, type SqsContext } from '../queue-url.ts';
import { checkFifoFields, messageSize, sendToQueue } from '../send.ts';

export function sendMessage(input: SendMessageCommandInput, ctx: SqsContext) {
  return sendToQueue(ctx, resolveQueue(ctx, input.QueueUrl), input, 'One or more parameters are invalid.');
}

export function sendMessageBatch(input: SendMessageBatchCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  const entries = input.Entries ?? [];
  validateBatchEntries(entries, 'SendMessageBatchRequestEntry');
  const total = entries.reduce((sum, entry) => sum + messageSize(entry), 0);
  if (total > LIMITS.maxMessageSize) {
    throw new AwsError('BatchRequestTooLong', `Batch requests cannot be longer than ${LIMITS.maxMessageSize} bytes. You have sent ${total} bytes.`);
  }
  // Unlike SendMessage, a batch fails as a whole (with InvalidParameterValue) when a FIFO entry lacks its group id.
  for (const entry of entries) checkFifoFields(queue, entry, (name) => invalidParameterValue(`The request must contain the parameter ${name}.`));
  return runBatch(entries, (entry) => ({ Id: entry.Id, ...sendToQueue(ctx, queue, entry, 'One or more parameters cannot be validated.') }));
}
