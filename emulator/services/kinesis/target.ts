import { randomUUID } from 'node:crypto';
import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * Kinesis as a delivery target (EventBridge rules, CloudWatch Logs subscription filters): a PutRecord to the stream
 * the ARN names, made as the delivering service or role, so the stream's validation and resource policy apply.
 * Binary payloads (Logs' gzipped data) go as they are; text bodies as their UTF-8 bytes.
 */
export const kinesisDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('PutRecord', {
      StreamARN: target.arn,
      Data: payload.data ?? Buffer.from(payload.body),
      PartitionKey: payload.partitionKey ?? randomUUID(),
    });
  },
};
