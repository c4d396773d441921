import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * Lambda as a delivery target (SNS subscriptions, S3 notifications, EventBridge rules, other functions' destinations):
 * an asynchronous Invoke of the function the ARN names, made as the delivering service.
 */
export const lambdaDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('Invoke', { FunctionName: target.arn, InvocationType: 'Event', Payload: Buffer.from(payload.body, 'utf8') });
  },
};
