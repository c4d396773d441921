import type { CompiledFilter } from './filter-policy/match.ts';
import { compileFilterPolicy } from './filter-policy/validate.ts';
import type { SnsState } from './state.ts';
import { effectiveSubscriptionDeliveryPolicy } from './subscription-delivery-policy.ts';

export const PROTOCOLS = new Set(['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']);

export interface Subscription {
  readonly arn: string;
  readonly topicArn: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly owner: string;
  /** The principal that subscribed (SubscriptionPrincipal). */
  readonly principal: string;
  /** Set attributes, as given (RawMessageDelivery normalised to lower case). */
  readonly attributes: Map<string, string>;
  pendingConfirmation: boolean;
}

/** Compiled filter policies, kept beside the subscriptions (state holds only data, so that it can be persisted). */
const compiled = new WeakMap<Subscription, { policy: string; scope: string; filter: CompiledFilter }>();

/** The subscription's FilterPolicy, compiled once per policy (it was checked when it was set). */
export function filterOf(subscription: Subscription): CompiledFilter | undefined {
  const policy = subscription.attributes.get('FilterPolicy');
  if (!policy) return undefined;
  const scope = subscription.attributes.get('FilterPolicyScope') ?? 'MessageAttributes';
  const cached = compiled.get(subscription);
  if (cached?.policy === policy && cached.scope === scope) return cached.filter;
  const filter = compileFilterPolicy(policy, scope, (message) => new Error(message));
  compiled.set(subscription, { policy, scope, filter });
  return filter;
}

/** Removes a subscription (Unsubscribe, DeleteTopic, DeleteEndpoint); its confirmation tokens then lead nowhere. */
export function removeSubscription(state: SnsState, arn: string): void {
  const subscription = state.subscriptions.get(arn);
  if (!subscription) return;
  state.subscriptions.delete(arn);
  for (const [token, pending] of state.confirmationTokens) if (pending.subscriptionArn === arn) state.confirmationTokens.delete(token);
  const topic = state.topics.get(subscription.topicArn);
  if (topic?.subscriptions.delete(arn)) topic.deletedSubscriptions++;
}

/** GetSubscriptionAttributes; http/https subscriptions show their EffectiveDeliveryPolicy, which the topic's completes. */
export function subscriptionAttributes(subscription: Subscription, topicDeliveryPolicy?: string): Record<string, string> {
  const attributes: Record<string, string> = {
    ConfirmationWasAuthenticated: 'true',
    Endpoint: subscription.endpoint,
    Owner: subscription.owner,
    PendingConfirmation: String(subscription.pendingConfirmation),
    Protocol: subscription.protocol,
    RawMessageDelivery: 'false',
    SubscriptionArn: subscription.arn,
    SubscriptionPrincipal: subscription.principal,
    TopicArn: subscription.topicArn,
  };
  for (const [key, value] of subscription.attributes) attributes[key] = value;
  if (subscription.protocol === 'http' || subscription.protocol === 'https') {
    attributes.EffectiveDeliveryPolicy = effectiveSubscriptionDeliveryPolicy(subscription.attributes.get('DeliveryPolicy'), topicDeliveryPolicy);
  }
  // A scope is shown only beside a FilterPolicy (it is kept for the next one otherwise).
  if (subscription.attributes.has('FilterPolicy')) attributes.FilterPolicyScope ??= 'MessageAttributes';
  else delete attributes.FilterPolicyScope;
  return attributes;
}
