import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * SNS as a delivery target (S3 event notifications, EventBridge rules, Lambda destinations, CloudWatch alarms): a
 * Publish to the topic the ARN names, made as the delivering service, so the topic policy and validation apply.
 */
export const snsDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('Publish', {
      TopicArn: target.arn,
      Message: payload.body,
      Subject: payload.subject,
      MessageAttributes: payload.attributes,
      MessageGroupId: payload.messageGroupId,
      MessageDeduplicationId: payload.messageDeduplicationId,
    });
  },
};
