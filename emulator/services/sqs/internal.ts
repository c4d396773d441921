import type { Emulator } from '../../core/emulator.ts';
import { queueDoesNotExist } from './errors.ts';
import type { AttributeMap } from './md5.ts';
import { sendToQueue, type SendResult } from './send.ts';
import type { SqsState } from './state.ts';

export interface InternalSendOptions {
  /** Who the message appears to come from (SenderId); default the queue's account. */
  senderId?: string;
  messageGroupId?: string;
  messageDeduplicationId?: string;
  delaySeconds?: number;
  systemAttributes?: AttributeMap;
}

/**
 * Delivers a message to a queue by ARN on behalf of another service (SNS subscriptions, S3 notifications, Lambda
 * destinations), with the same validation as SendMessage. Throws an AwsError (`QueueDoesNotExist`, ...) on failure.
 */
export function sendMessageInternal(
  emulator: Emulator,
  queueArn: string,
  body: string,
  attributes?: AttributeMap,
  options: InternalSendOptions = {},
): SendResult {
  const match = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([^:/]+)$/.exec(queueArn);
  const queue = match ? emulator.state<SqsState>('sqs', match[2], match[1]).queues.get(match[3]) : undefined;
  if (!queue) throw queueDoesNotExist('json');
  return sendToQueue(
    queue,
    {
      MessageBody: body,
      MessageAttributes: attributes,
      MessageSystemAttributes: options.systemAttributes,
      MessageGroupId: options.messageGroupId,
      MessageDeduplicationId: options.messageDeduplicationId,
      DelaySeconds: options.delaySeconds,
    },
    options.senderId ?? queue.accountId,
    'One or more parameters are invalid.',
  );
}
