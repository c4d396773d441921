import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * Firehose as a delivery target (SNS subscriptions, EventBridge rules, CloudWatch Logs subscription filters): a
 * PutRecord to the delivery stream the ARN names, made as the delivering service. Binary payloads (Logs' gzipped
 * data) go as they are; text bodies as their UTF-8 bytes.
 */
export const firehoseDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('PutRecord', {
      DeliveryStreamName: target.resource.replace(/^deliverystream\//, ''),
      Record: { Data: payload.data ?? Buffer.from(payload.body) },
    });
  },
};
