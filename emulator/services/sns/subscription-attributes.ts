import { parseArn } from '../../core/arn.ts';
import { invalidParameter } from './errors.ts';
import { compileFilterPolicy } from './filter-policy/validate.ts';
import { parseJsonStrict } from './filter-policy/json.ts';
import { storedSubscriptionDeliveryPolicy } from './subscription-delivery-policy.ts';
import type { Topic } from './topic.ts';

export const SUBSCRIPTION_ATTRIBUTES = new Set([
  'DeliveryPolicy',
  'FilterPolicy',
  'FilterPolicyScope',
  'RawMessageDelivery',
  'RedrivePolicy',
  'SubscriptionRoleArn',
  'ReplayPolicy',
]);

/**
 * Checks the attributes of a subscription as a whole (Subscribe, or one SetSubscriptionAttributes merged into the
 * current ones) and returns them normalised. `reason` is "Attributes Reason: " for Subscribe, where AWS adds it.
 */
export function checkSubscriptionAttributes(
  attributes: Map<string, string>,
  context: { topic: Topic; protocol: string; endpoint: string; reason: string },
): { attributes: Map<string, string> } {
  const fail = (detail: string) => invalidParameter(`${context.reason}${detail}`);
  const out = new Map(attributes);
  const raw = attributes.get('RawMessageDelivery');
  if (raw !== undefined) {
    if (!/^(true|false)$/i.test(raw)) throw fail(`RawMessageDelivery: Invalid value [${raw}]. Must be true or false.`);
    out.set('RawMessageDelivery', raw.toLowerCase());
  }
  const scope = attributes.get('FilterPolicyScope');
  if (scope !== undefined && scope !== 'MessageAttributes' && scope !== 'MessageBody') {
    throw fail(`FilterPolicyScope: Invalid value [${scope}]. Please use either MessageBody or MessageAttributes`);
  }
  const redrive = attributes.get('RedrivePolicy');
  if (redrive !== undefined && redrive !== '') checkRedrivePolicy(redrive, context, fail);
  const replay = attributes.get('ReplayPolicy');
  if (replay) parseJsonStrict(replay, (message) => fail(`ReplayPolicy: failed to parse JSON. ${message}`));
  const delivery = attributes.get('DeliveryPolicy');
  if (delivery) {
    const parsed = parseJsonStrict(delivery, (message) => fail(`DeliveryPolicy: failed to parse JSON. ${message}`));
    out.set('DeliveryPolicy', storedSubscriptionDeliveryPolicy(parsed, fail));
  }
  const policy = attributes.get('FilterPolicy');
  if (policy !== undefined && policy !== '') compileFilterPolicy(policy, scope ?? 'MessageAttributes', (message) => fail(message));
  for (const [key, value] of out) if (value === '' && key !== 'RawMessageDelivery') out.delete(key);
  return { attributes: out };
}

function checkRedrivePolicy(text: string, subscription: { topic: Topic; endpoint: string }, fail: (detail: string) => Error): void {
  const policy = parseJsonStrict(text, (message) => fail(`RedrivePolicy: failed to parse JSON. ${message}`)) as {
    deadLetterTargetArn?: unknown;
  };
  const target = typeof policy?.deadLetterTargetArn === 'string' ? parseArn(policy.deadLetterTargetArn) : undefined;
  if (!target || target.service !== 'sqs') throw fail('RedrivePolicy: deadLetterTargetArn is an invalid arn');
  // A FIFO queue subscribed to a FIFO topic needs a FIFO DLQ; a standard queue on a FIFO topic may have any.
  if (subscription.topic.fifo && subscription.endpoint.endsWith('.fifo') && !target.resource.endsWith('.fifo')) {
    throw fail('RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.');
  }
}
