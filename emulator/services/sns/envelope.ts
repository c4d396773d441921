import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import type { Emulator } from '../../core/emulator.ts';
import { certificateUrl, sign } from './signing.ts';
import type { Topic } from './topic.ts';

/** One published message, as every subscription sees it before protocol-specific shaping. */
export interface PublishedMessage {
  messageId: string;
  /** The message text, or for MessageStructure json the per-protocol texts ("default" and protocol names). */
  message: string;
  perProtocol?: Record<string, string>;
  subject?: string;
  attributes: Record<string, MessageAttributeValue>;
  timestamp: string;
  messageGroupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  /** Signatures already made for this message, by signature version and delivered text. */
  signatures?: Map<string, string>;
}

/** The text a protocol receives: its own entry of a json-structured message, else the default. */
export function messageFor(message: PublishedMessage, protocol: string): string {
  if (!message.perProtocol) return message.message;
  const own = Object.hasOwn(message.perProtocol, protocol) ? message.perProtocol[protocol] : undefined;
  return own ?? message.perProtocol.default;
}

export function envelopeAttributes(attributes: Record<string, MessageAttributeValue>): Record<string, { Type: string; Value: string }> {
  const out: Record<string, { Type: string; Value: string }> = {};
  for (const [name, value] of Object.entries(attributes)) {
    out[name] = {
      Type: value.DataType!,
      Value: value.BinaryValue ? Buffer.from(value.BinaryValue).toString('base64') : value.StringValue!,
    };
  }
  return out;
}

export function unsubscribeUrl(emulator: Emulator, subscriptionArn: string): string {
  return `${emulator.endpoint}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`;
}

/**
 * The JSON document SNS delivers (to SQS without raw delivery, http/https, email-json, Firehose): AWS's field order,
 * signed with the emulator's key unless the topic is FIFO (AWS does not sign FIFO notifications).
 */
export function notificationEnvelope(emulator: Emulator, topic: Topic, message: PublishedMessage, protocol: string, subscriptionArn: string) {
  const doc: Record<string, unknown> = { Type: 'Notification', MessageId: message.messageId };
  if (message.sequenceNumber) doc.SequenceNumber = message.sequenceNumber;
  doc.TopicArn = topic.arn;
  if (message.subject !== undefined) doc.Subject = message.subject;
  doc.Message = messageFor(message, protocol);
  doc.Timestamp = message.timestamp;
  if (!topic.fifo) {
    const version = topic.attributes.get('SignatureVersion') === '2' ? '2' : '1';
    doc.SignatureVersion = version;
    // The signed fields are the same for every subscription that gets the same text: sign once per message and text.
    const key = `${version}\n${String(doc.Message)}`;
    message.signatures ??= new Map();
    let signature = message.signatures.get(key);
    if (signature === undefined) message.signatures.set(key, (signature = sign(emulator, doc, version)));
    doc.Signature = signature;
    doc.SigningCertURL = certificateUrl(emulator);
  }
  doc.UnsubscribeURL = unsubscribeUrl(emulator, subscriptionArn);
  if (Object.keys(message.attributes).length) doc.MessageAttributes = envelopeAttributes(message.attributes);
  return doc;
}

/**
 * What a Firehose subscription writes to its delivery stream without raw delivery: the envelope's fields without the
 * signature ones, one message per line ("Formatting Amazon SNS notifications for storage in Amazon S3 destinations").
 */
export function firehoseRecord(emulator: Emulator, topic: Topic, message: PublishedMessage, subscriptionArn: string): string {
  const { SignatureVersion: _version, Signature: _signature, SigningCertURL: _cert, ...doc } = notificationEnvelope(emulator, topic, message, 'firehose', subscriptionArn);
  return `${JSON.stringify(doc)}\n`;
}

/** The event a Lambda function subscribed to a topic is invoked with. */
export function lambdaEvent(emulator: Emulator, topic: Topic, message: PublishedMessage, subscriptionArn: string) {
  const envelope = notificationEnvelope(emulator, topic, message, 'lambda', subscriptionArn);
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn,
        Sns: {
          Type: 'Notification',
          MessageId: message.messageId,
          ...(message.sequenceNumber ? { SequenceNumber: message.sequenceNumber } : {}),
          TopicArn: topic.arn,
          Subject: message.subject ?? null,
          Message: envelope.Message,
          Timestamp: message.timestamp,
          SignatureVersion: envelope.SignatureVersion,
          Signature: envelope.Signature,
          SigningCertUrl: envelope.SigningCertURL,
          UnsubscribeUrl: envelope.UnsubscribeURL,
          MessageAttributes: envelopeAttributes(message.attributes),
        },
      },
    ],
  };
}

/** SubscriptionConfirmation / UnsubscribeConfirmation documents, signed (version 1, as AWS signs them). */
export function confirmationMessage(
  emulator: Emulator,
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation',
  fields: { messageId: string; topicArn: string; token: string; subscriptionArn: string; timestamp: string },
) {
  const text =
    type === 'SubscriptionConfirmation'
      ? `You have chosen to subscribe to the topic ${fields.topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`
      : `You have chosen to deactivate subscription ${fields.subscriptionArn}.\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.`;
  const doc: Record<string, unknown> = {
    Type: type,
    MessageId: fields.messageId,
    Token: fields.token,
    TopicArn: fields.topicArn,
    Message: text,
    SubscribeURL: `${emulator.endpoint}/?Action=ConfirmSubscription&TopicArn=${fields.topicArn}&Token=${fields.token}`,
    Timestamp: fields.timestamp,
    SignatureVersion: '1',
  };
  doc.Signature = sign(emulator, doc, '1');
  doc.SigningCertURL = certificateUrl(emulator);
  return doc;
}
