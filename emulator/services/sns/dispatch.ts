import { randomBytes, randomUUID } from 'node:crypto';
import type { Emulator } from '../../core/emulator.ts';
import { roleSession } from '../../delivery/role.ts';
import { httpRetryPolicy, AWS_MANAGED_RETRY, type HttpRetryPolicy } from '../../delivery/retry.ts';
import type { DeliveryAttribute, DeliveryPayload, DeliverySource } from '../../delivery/types.ts';
import { confirmationMessage, firehoseRecord, lambdaEvent, messageFor, notificationEnvelope, type PublishedMessage } from './envelope.ts';
import { recordSent } from './outbox.ts';
import type { SnsState } from './state.ts';
import { filterOf, type Subscription } from './subscription.ts';
import { DEFAULT_HTTP_DELIVERY_POLICY, type Topic } from './topic.ts';

function source(topic: Topic): DeliverySource {
  return { servicePrincipal: 'sns.amazonaws.com', sourceArn: topic.arn, accountId: topic.accountId, region: topic.region };
}

/** Firehose subscriptions deliver as the subscription's role (SubscriptionRoleArn), which SNS assumes to PutRecord. */
function deliverySource(topic: Topic, subscription: Subscription): DeliverySource {
  const role = subscription.protocol === 'firehose' ? roleSession(subscription.attributes.get('SubscriptionRoleArn'), 'sns-firehose') : undefined;
  return role ? { ...source(topic), asCaller: role } : source(topic);
}

function sqsAttributes(message: PublishedMessage): Record<string, DeliveryAttribute> | undefined {
  const entries = Object.entries(message.attributes);
  if (!entries.length) return undefined;
  return Object.fromEntries(entries.map(([k, v]) => [k, { DataType: v.DataType!, StringValue: v.StringValue, BinaryValue: v.BinaryValue }]));
}

/**
 * The group and deduplication ids a queue gets, as AWS recorded: both from a FIFO topic to a FIFO queue, none from a
 * FIFO topic to a standard queue, and a standard topic's MessageGroupId as given (standard queues take it).
 */
function queueFields(topic: Topic, queueArn: string, message: PublishedMessage) {
  if (!topic.fifo) return message.messageGroupId ? { messageGroupId: message.messageGroupId } : {};
  return queueArn.endsWith('.fifo') ? { messageGroupId: message.messageGroupId, messageDeduplicationId: message.deduplicationId } : {};
}

/** What one subscription receives: the raw message or the signed envelope, shaped for its protocol. */
function payloadFor(emulator: Emulator, topic: Topic, subscription: Subscription, message: PublishedMessage): DeliveryPayload {
  const raw = subscription.attributes.get('RawMessageDelivery') === 'true';
  const fifo = queueFields(topic, subscription.endpoint, message);
  switch (subscription.protocol) {
    case 'lambda':
      return { body: JSON.stringify(lambdaEvent(emulator, topic, message, subscription.arn)) };
    case 'firehose':
      // Raw delivery sends the message body alone (no attributes), as AWS documents for Firehose endpoints.
      return { body: raw ? messageFor(message, 'firehose') : firehoseRecord(emulator, topic, message, subscription.arn) };
    case 'http':
    case 'https': {
      const body = raw ? messageFor(message, subscription.protocol) : JSON.stringify(notificationEnvelope(emulator, topic, message, subscription.protocol, subscription.arn));
      const headers: Record<string, string> = {
        'content-type': httpContentType(topic, subscription),
        'user-agent': 'Amazon Simple Notification Service Agent',
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': message.messageId,
        'x-amz-sns-topic-arn': topic.arn,
        'x-amz-sns-subscription-arn': subscription.arn,
      };
      if (raw) headers['x-amz-sns-rawdelivery'] = 'true';
      return { body, headers };
    }
    default:
      return raw
        ? { body: messageFor(message, subscription.protocol), attributes: sqsAttributes(message), ...fifo }
        : { body: JSON.stringify(notificationEnvelope(emulator, topic, message, subscription.protocol, subscription.arn)), ...fifo };
  }
}

function parse<T>(text: string | undefined): T | undefined {
  try {
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

interface TopicDeliveryPolicy {
  http?: { defaultHealthyRetryPolicy?: HttpRetryPolicy; disableSubscriptionOverrides?: boolean; defaultRequestPolicy?: { headerContentType?: string } };
}

function httpPolicies(topic: Topic, subscription: Subscription) {
  const topicPolicy = parse<TopicDeliveryPolicy>(topic.attributes.get('DeliveryPolicy'))?.http;
  const own = topicPolicy?.disableSubscriptionOverrides
    ? undefined
    : parse<{ healthyRetryPolicy?: HttpRetryPolicy; requestPolicy?: { headerContentType?: string } }>(subscription.attributes.get('DeliveryPolicy'));
  return {
    retry: own?.healthyRetryPolicy ?? topicPolicy?.defaultHealthyRetryPolicy ?? DEFAULT_HTTP_DELIVERY_POLICY.defaultHealthyRetryPolicy,
    contentType: own?.requestPolicy?.headerContentType ?? topicPolicy?.defaultRequestPolicy?.headerContentType,
  };
}

function httpContentType(topic: Topic, subscription: Subscription): string {
  return httpPolicies(topic, subscription).contentType ?? DEFAULT_HTTP_DELIVERY_POLICY.defaultRequestPolicy.headerContentType;
}

/** Sends a message that could not be delivered to the subscription's dead-letter queue, when it has one. */
function toDeadLetterQueue(emulator: Emulator, topic: Topic, subscription: Subscription, message: PublishedMessage, payload: DeliveryPayload): void {
  const dlq = parse<{ deadLetterTargetArn?: string }>(subscription.attributes.get('RedrivePolicy'))?.deadLetterTargetArn;
  if (!dlq) return;
  // The DLQ gets what the endpoint would have: the raw message or the envelope (for Lambda, the envelope, not the event).
  const body =
    subscription.protocol === 'lambda' ? JSON.stringify(notificationEnvelope(emulator, topic, message, 'lambda', subscription.arn)) : payload.body;
  const fifo = queueFields(topic, dlq, message);
  emulator.deliverInBackground(dlq, { body, attributes: payload.attributes, ...fifo }, source(topic), { retry: AWS_MANAGED_RETRY });
}

/** Delivers one published message to every confirmed subscription whose filter policy accepts it. */
export function fanOut(emulator: Emulator, topic: Topic, subscriptions: Iterable<Subscription>, message: PublishedMessage): void {
  for (const subscription of subscriptions) {
    if (subscription.pendingConfirmation) continue;
    const filter = filterOf(subscription);
    if (filter && !filter.matches(message)) continue;
    deliverTo(emulator, topic, subscription, message);
  }
}

function deliverTo(emulator: Emulator, topic: Topic, subscription: Subscription, message: PublishedMessage): void {
  const protocol = subscription.protocol;
  if (protocol === 'email' || protocol === 'email-json' || protocol === 'sms' || protocol === 'application') {
    const text =
      protocol === 'email-json'
        ? JSON.stringify(notificationEnvelope(emulator, topic, message, protocol, subscription.arn))
        : messageFor(message, protocol === 'application' ? 'default' : protocol);
    recordSent(emulator, {
      protocol,
      endpoint: subscription.endpoint,
      accountId: topic.accountId,
      region: topic.region,
      subject: message.subject,
      message: text,
      messageId: message.messageId,
      timestamp: message.timestamp,
      topicArn: topic.arn,
      subscriptionArn: subscription.arn,
    });
    return;
  }
  const payload = payloadFor(emulator, topic, subscription, message);
  const http = protocol === 'http' || protocol === 'https';
  emulator.deliverInBackground(subscription.endpoint, payload, deliverySource(topic, subscription), {
    retry: http ? httpRetryPolicy(httpPolicies(topic, subscription).retry) : AWS_MANAGED_RETRY,
    retryable: http ? () => true : undefined,
    orderingKey: topic.fifo ? `${subscription.arn}/${message.messageGroupId}` : undefined,
    onFailure: () => toDeadLetterQueue(emulator, topic, subscription, message, payload),
  });
}

/** Posts a SubscriptionConfirmation (or UnsubscribeConfirmation) to an http/https endpoint; retried as notifications are. */
export function sendConfirmation(
  emulator: Emulator,
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation',
  topic: Topic,
  subscription: Subscription,
): string {
  const token = randomBytes(144).toString('hex');
  emulator.state<SnsState>('sns', topic.accountId, topic.region).confirmationTokens.set(token, { subscriptionArn: subscription.arn, topicArn: topic.arn });
  const messageId = randomUUID();
  const doc = confirmationMessage(emulator, type, {
    messageId,
    topicArn: topic.arn,
    token,
    subscriptionArn: subscription.arn,
    timestamp: emulator.clock.date().toISOString(),
  });
  if (subscription.protocol === 'http' || subscription.protocol === 'https') {
    const headers: Record<string, string> = {
      'content-type': 'text/plain; charset=UTF-8',
      'user-agent': 'Amazon Simple Notification Service Agent',
      'x-amz-sns-message-type': type,
      'x-amz-sns-message-id': messageId,
      'x-amz-sns-topic-arn': topic.arn,
    };
    if (type === 'UnsubscribeConfirmation') headers['x-amz-sns-subscription-arn'] = subscription.arn;
    emulator.deliverInBackground(subscription.endpoint, { body: JSON.stringify(doc), headers }, source(topic), {
      retry: httpRetryPolicy(httpPolicies(topic, subscription).retry),
      retryable: () => true,
    });
  } else if (subscription.protocol === 'sqs') {
    // A queue of another account gets the confirmation as a message, for its owner to confirm.
    emulator.deliverInBackground(subscription.endpoint, { body: JSON.stringify(doc) }, source(topic), { retry: AWS_MANAGED_RETRY });
  } else {
    recordSent(emulator, {
      protocol: subscription.protocol as 'email',
      endpoint: subscription.endpoint,
      accountId: topic.accountId,
      region: topic.region,
      subject: 'AWS Notification - Subscription Confirmation',
      message: JSON.stringify(doc),
      messageId,
      timestamp: String(doc.Timestamp),
      topicArn: topic.arn,
      subscriptionArn: subscription.arn,
    });
  }
  return token;
}
