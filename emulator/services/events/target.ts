import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { AwsError } from '../../core/errors.ts';
import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * EventBridge as a delivery target (rules targeting another bus, S3 and other services sending events): the payload
 * is an event, put on the bus the ARN names with PutEvents, so that the bus's rules and policy apply.
 */
export const eventsDeliveryTarget: DeliveryTarget = {
  async deliver(target, payload, call) {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(payload.body);
    } catch {
      throw new AwsError('MalformedDetail', 'Detail is malformed.');
    }
    const entry: PutEventsRequestEntry = {
      EventBusName: target.arn,
      Source: event.source as string,
      DetailType: event['detail-type'] as string,
      Detail: JSON.stringify(event.detail ?? {}),
      Resources: event.resources as string[] | undefined,
      Time: typeof event.time === 'string' ? new Date(event.time) : undefined,
    };
    const result = (await call('PutEvents', { Entries: [entry] })) as { Entries: { ErrorCode?: string; ErrorMessage?: string }[] };
    const failed = result.Entries[0];
    if (failed?.ErrorCode) throw new AwsError(failed.ErrorCode, failed.ErrorMessage ?? '');
    return result;
  },
};
