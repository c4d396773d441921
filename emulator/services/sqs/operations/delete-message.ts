import type { DeleteMessageBatchCommandInput, DeleteMessageCommandInput } from '@aws-sdk/client-sqs';
import { runBatch, validateBatchEntries } from '../batch.ts';
import { invalidParameter, receiptHandleIsInvalid } from '../errors.ts';
import { messageState } from '../message.ts';
import { countForQueue } from '../metrics.ts';
import type { Queue } from '../queue.ts';
import { resolveQueue, type SqsContext } from '../queue-url.ts';
import { isWellFormedReceiptHandle } from '../receipt-handle.ts';

/**
 * Standard queues delete with any handle the message was received with, even after its visibility timeout; a FIFO
 * queue only with the latest one while the message is in flight. Deleting an already deleted message succeeds.
 */
function deleteByHandle(ctx: SqsContext, queue: Queue, handle: string | undefined): void {
  if (!handle) throw receiptHandleIsInvalid('');
  const message = queue.messageOf(handle);
  // A handle the queue issued is well formed: only the others need decoding to tell.
  if (!message && !isWellFormedReceiptHandle(handle)) throw receiptHandleIsInvalid(handle);
  if (!message) return;
  if (queue.fifo && (message.receiptHandle !== handle || messageState(message, queue.timers.clock.now()) !== 'inflight')) {
    throw invalidParameter('ReceiptHandle', handle, 'The receipt handle has expired.');
  }
  queue.remove(message);
  countForQueue(ctx.emulator, queue, 'NumberOfMessagesDeleted');
}

export function deleteMessage(input: DeleteMessageCommandInput, ctx: SqsContext) {
  deleteByHandle(ctx, resolveQueue(ctx, input.QueueUrl), input.ReceiptHandle);
  return {};
}

export function deleteMessageBatch(input: DeleteMessageBatchCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  validateBatchEntries(input.Entries, 'DeleteMessageBatchRequestEntry');
  return runBatch(input.Entries!, (entry) => {
    deleteByHandle(ctx, queue, entry.ReceiptHandle);
    return { Id: entry.Id };
  });
}
