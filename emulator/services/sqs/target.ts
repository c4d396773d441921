import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * SQS as a delivery target (SNS subscriptions, S3 notifications, EventBridge rules, Lambda destinations): a
 * SendMessage to the queue the ARN names, made as the delivering service, so the queue's validation and policy apply.
 */
export const sqsDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('SendMessage', {
      QueueUrl: target.resource,
      MessageBody: payload.body,
      MessageAttributes: payload.attributes,
      MessageGroupId: payload.messageGroupId,
      MessageDeduplicationId: payload.messageDeduplicationId,
      ...(payload.traceHeader ? { MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: payload.traceHeader } } } : {}),
    });
  },
};
