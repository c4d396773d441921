import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * Lambda as a delivery target (SNS subscriptions, S3 notifications, EventBridge rules, other functions' destinations):
 * an asynchronous Invoke of the function the ARN names, made as the delivering service (a DryRun when the source only
 * checks that it may invoke).
 */
export const lambdaDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('Invoke', { FunctionName: target.arn, InvocationType: payload.dryRun ? 'DryRun' : 'Event', Payload: Buffer.from(payload.body, 'utf8') });
  },
};
