import { randomUUID } from 'node:crypto';
import type {
  ConfirmSubscriptionCommandInput,
  GetSubscriptionAttributesCommandInput,
  ListSubscriptionsByTopicCommandInput,
  ListSubscriptionsCommandInput,
  SetSubscriptionAttributesCommandInput,
  SubscribeCommandInput,
  UnsubscribeCommandInput,
} from '@aws-sdk/client-sns';
import { parseArn } from '../../../core/arn.ts';
import { checkArnShape, snsArnParts } from '../arns.ts';
import { sendConfirmation } from '../dispatch.ts';
import { invalidParameter, invalidParameterRaw, subscriptionNotFound } from '../errors.ts';
import { findSubscription, findTopic, type SnsContext } from '../lookup.ts';
import { page } from '../pagination.ts';
import { isSmsEndpoint } from '../phone.ts';
import type { SnsState } from '../state.ts';
import { checkSubscriptionAttributes, SUBSCRIPTION_ATTRIBUTES } from '../subscription-attributes.ts';
import { PROTOCOLS, removeSubscription, subscriptionAttributes, type Subscription } from '../subscription.ts';
import type { Topic } from '../topic.ts';


function checkEndpoint(topic: Topic, protocol: string, endpoint: string | undefined): string {
  const value = endpoint ?? '';
  const arn = parseArn(value);
  switch (protocol) {
    case 'sqs':
      if (arn?.service !== 'sqs') throw invalidParameter('SQS endpoint ARN');
      if (arn.resource.endsWith('.fifo') && !topic.fifo) {
        throw invalidParameter('Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics');
      }
      return value;
    case 'lambda':
      if (arn?.service !== 'lambda') throw invalidParameter('Lambda endpoint ARN');
      return value;
    case 'firehose':
      if (arn?.service !== 'firehose') throw invalidParameter('Firehose endpoint ARN');
      return value;
    case 'application':
      if (arn?.service !== 'sns' || !arn.resource.startsWith('endpoint/')) throw invalidParameter('Application endpoint arn invalid');
      return value;
    case 'http':
    case 'https':
      if (!value.toLowerCase().startsWith(`${protocol}://`)) throw invalidParameter('Endpoint must match the specified protocol');
      return value;
    case 'email':
    case 'email-json':
      if (!/^[^@\s]+@[^@\s]+$/.test(value)) throw invalidParameter('Email address');
      return value;
    default:
      if (!isSmsEndpoint(value)) throw invalidParameterRaw(`Invalid SMS endpoint: ${value}`);
      return value;
  }
}

/** Endpoints that confirm by themselves; http/https and email subscriptions wait for ConfirmSubscription. */
const NEEDS_CONFIRMATION = new Set(['http', 'https', 'email', 'email-json']);

/**
 * Whether a subscription waits for ConfirmSubscription (and Subscribe sends a signed confirmation): http/https and
 * email endpoints, and a queue of another account than the subscriber's, as on AWS; the queue owner's own need not.
 */
function needsConfirmation(protocol: string | undefined, endpoint: string | undefined, accountId: string): boolean {
  return NEEDS_CONFIRMATION.has(protocol ?? '') || (protocol === 'sqs' && parseArn(endpoint ?? '')?.accountId !== accountId);
}

/** Whether a Subscribe may sign a confirmation: only those wait for the emulator's signing key. */
export function subscribeMaySign(input: SubscribeCommandInput, ctx: SnsContext): boolean {
  return needsConfirmation(input.Protocol, input.Endpoint, ctx.accountId);
}

function topicState(ctx: SnsContext, topic: Topic): SnsState {
  return topic.accountId === ctx.accountId && topic.region === ctx.region ? ctx.state : ctx.emulator.state<SnsState>('sns', topic.accountId, topic.region);
}

export function subscribe(input: SubscribeCommandInput, ctx: SnsContext) {
  checkArnShape('TopicArn', input.TopicArn);
  const protocol = input.Protocol ?? '';
  if (!PROTOCOLS.has(protocol)) throw invalidParameter(`Amazon SNS does not support this protocol string: ${protocol}`);
  const topic = findTopic(ctx, input.TopicArn, 'Subscribe');
  const endpoint = checkEndpoint(topic, protocol, input.Endpoint);
  const given = new Map(Object.entries(input.Attributes ?? {}));
  for (const key of given.keys()) {
    if (!SUBSCRIPTION_ATTRIBUTES.has(key)) throw invalidParameter(`Attributes Reason: Unknown attribute ${key}`);
  }
  if (protocol === 'firehose' && !given.get('SubscriptionRoleArn')) {
    throw invalidParameter('Invalid parameter: SubscriptionRoleArn Reason: SubscriptionRoleArn is required for firehose subscriptions');
  }
  const { attributes } = checkSubscriptionAttributes(given, { topic, protocol, endpoint, reason: 'Attributes Reason: ' });
  const state = topicState(ctx, topic);
  for (const arn of topic.subscriptions) {
    const existing = state.subscriptions.get(arn)!;
    if (existing.protocol !== protocol || existing.endpoint !== endpoint) continue;
    for (const [key, value] of attributes) {
      if (existing.attributes.get(key) !== value && !(key === 'RawMessageDelivery' && value === 'false' && !existing.attributes.has(key))) {
        throw invalidParameter('Attributes Reason: Subscription already exists with different attributes');
      }
    }
    return { SubscriptionArn: existing.pendingConfirmation && !input.ReturnSubscriptionArn ? 'pending confirmation' : existing.arn };
  }
  const subscription: Subscription = {
    arn: `${topic.arn}:${randomUUID()}`,
    topicArn: topic.arn,
    protocol,
    endpoint,
    owner: ctx.accountId,
    principal: ctx.caller.arn,
    attributes,
    pendingConfirmation: needsConfirmation(protocol, endpoint, ctx.accountId),
  };
  state.subscriptions.set(subscription.arn, subscription);
  topic.subscriptions.add(subscription.arn);
  if (subscription.pendingConfirmation) {
    sendConfirmation(ctx.emulator, 'SubscriptionConfirmation', topic, subscription);
    if (!input.ReturnSubscriptionArn) return { SubscriptionArn: 'pending confirmation' };
  }
  return { SubscriptionArn: subscription.arn };
}

/**
 * Confirms with the token sent to the endpoint. The SubscribeURL is opened without credentials: the TopicArn names the
 * account and region whose state keeps the token.
 */
export function confirmSubscription(input: ConfirmSubscriptionCommandInput, ctx: SnsContext) {
  const topicParts = snsArnParts(input.TopicArn ?? '');
  if (!topicParts) throw invalidParameter('Topic');
  const token = input.Token ?? '';
  if (!/^[0-9a-f]+$/i.test(token)) throw invalidParameterRaw('Invalid token');
  const state = ctx.emulator.state<SnsState>('sns', topicParts.accountId, topicParts.region);
  const pending = state.confirmationTokens.get(token);
  if (!pending) throw invalidParameter('Token');
  const subscription = state.subscriptions.get(pending.subscriptionArn);
  if (!subscription) throw invalidParameter('Token');
  subscription.pendingConfirmation = false;
  return { SubscriptionArn: subscription.arn };
}

export function unsubscribe(input: UnsubscribeCommandInput, ctx: SnsContext) {
  const arn = checkArnShape('SubscriptionArn', input.SubscriptionArn);
  if (arn.split(':').length < 7) throw invalidParameter('SubscriptionId');
  const parts = snsArnParts(arn);
  if (!parts) return {};
  const state = ctx.emulator.state<SnsState>('sns', parts.accountId, parts.region);
  const subscription = state.subscriptions.get(arn);
  if (!subscription) return {};
  const topic = state.topics.get(subscription.topicArn);
  if (topic && (subscription.protocol === 'http' || subscription.protocol === 'https')) {
    sendConfirmation(ctx.emulator, 'UnsubscribeConfirmation', topic, subscription);
  }
  removeSubscription(state, arn);
  return {};
}

function listed(subscription: Subscription) {
  return {
    SubscriptionArn: subscription.pendingConfirmation ? 'PendingConfirmation' : subscription.arn,
    Owner: subscription.owner,
    Protocol: subscription.protocol,
    Endpoint: subscription.endpoint,
    TopicArn: subscription.topicArn,
  };
}

export function listSubscriptions(input: ListSubscriptionsCommandInput, ctx: SnsContext) {
  const { items, nextToken } = page([...ctx.state.subscriptions.values()], input.NextToken, 100);
  return { Subscriptions: items.map(listed), NextToken: nextToken };
}

export function listSubscriptionsByTopic(input: ListSubscriptionsByTopicCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.TopicArn, 'ListSubscriptionsByTopic');
  const state = topicState(ctx, topic);
  const all = [...topic.subscriptions].map((arn) => state.subscriptions.get(arn)!);
  const { items, nextToken } = page(all, input.NextToken, 100);
  return { Subscriptions: items.map(listed), NextToken: nextToken };
}

export function getSubscriptionAttributes(input: GetSubscriptionAttributesCommandInput, ctx: SnsContext) {
  const subscription = findSubscription(ctx, input.SubscriptionArn);
  const parts = snsArnParts(subscription.arn)!;
  const topic = ctx.emulator.state<SnsState>('sns', parts.accountId, parts.region).topics.get(subscription.topicArn);
  return { Attributes: subscriptionAttributes(subscription, topic?.attributes.get('DeliveryPolicy')) };
}

export function setSubscriptionAttributes(input: SetSubscriptionAttributesCommandInput, ctx: SnsContext) {
  const name = input.AttributeName ?? '';
  if (!SUBSCRIPTION_ATTRIBUTES.has(name)) throw invalidParameter('AttributeName');
  const subscription = findSubscription(ctx, input.SubscriptionArn);
  const state = ctx.emulator.state<SnsState>('sns', snsArnParts(subscription.arn)!.accountId, snsArnParts(subscription.arn)!.region);
  const topic = state.topics.get(subscription.topicArn);
  if (!topic) throw subscriptionNotFound();
  const merged = new Map(subscription.attributes);
  merged.set(name, input.AttributeValue ?? '');
  const { attributes } = checkSubscriptionAttributes(merged, { topic, protocol: subscription.protocol, endpoint: subscription.endpoint, reason: '' });
  subscription.attributes.clear();
  for (const [key, value] of attributes) subscription.attributes.set(key, value);
  return {};
}
