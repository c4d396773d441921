import type { ChangeMessageVisibilityBatchCommandInput, ChangeMessageVisibilityCommandInput } from '@aws-sdk/client-sqs';
import { runBatch, validateBatchEntries } from '../batch.ts';
import { invalidParameter, receiptHandleIsInvalid } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import type { Queue } from '../queue.ts';
import { resolveQueue, type SqsContext } from '../queue-url.ts';
import { isWellFormedReceiptHandle } from '../receipt-handle.ts';

function changeVisibility(queue: Queue, handle: string | undefined, seconds: number | undefined): void {
  if (!handle || !isWellFormedReceiptHandle(handle)) throw receiptHandleIsInvalid(handle ?? '');
  if (seconds === undefined || !Number.isInteger(seconds) || seconds < 0 || seconds > LIMITS.maxVisibilityTimeout) {
    throw invalidParameter('VisibilityTimeout', seconds, `Must be >= 0 and <= ${LIMITS.maxVisibilityTimeout}, if provided.`);
  }
  const message = queue.messageOf(handle);
  if (!message || (queue.fifo && message.receiptHandle !== handle)) {
    throw invalidParameter('ReceiptHandle', handle, 'Message does not exist or is not available for visibility timeout change.');
  }
  queue.setVisibility(message, seconds, queue.timers.clock.now());
}

export function changeMessageVisibility(input: ChangeMessageVisibilityCommandInput, ctx: SqsContext) {
  changeVisibility(resolveQueue(ctx, input.QueueUrl), input.ReceiptHandle, input.VisibilityTimeout);
  return {};
}

export function changeMessageVisibilityBatch(input: ChangeMessageVisibilityBatchCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  validateBatchEntries(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
  return runBatch(input.Entries!, (entry) => {
    changeVisibility(queue, entry.ReceiptHandle, entry.VisibilityTimeout);
    return { Id: entry.Id };
  });
}
