import type { DeliveryTarget } from '../../delivery/types.ts';

/**
 * Step Functions as a delivery target (EventBridge rules, Scheduler schedules, Pipes): a StartExecution of the state
 * machine the ARN names, with the payload as its input, made as the delivering service.
 */
export const sfnDeliveryTarget: DeliveryTarget = {
  deliver(target, payload, call) {
    return call('StartExecution', { stateMachineArn: target.arn, input: payload.body });
  },
};
