import type {
  CreateTopicCommandInput,
  DeleteTopicCommandInput,
  GetTopicAttributesCommandInput,
  ListTopicsCommandInput,
  SetTopicAttributesCommandInput,
} from '@aws-sdk/client-sns';
import { invalidParameter } from '../errors.ts';
import { effectiveDeliveryPolicy, storedDeliveryPolicy } from '../delivery-policy.ts';
import { findTopic, type SnsContext } from '../lookup.ts';
import { page } from '../pagination.ts';
import { removeSubscription } from '../subscription.ts';
import { newTopic, SETTABLE_TOPIC_ATTRIBUTES, topicPolicy, type Topic } from '../topic.ts';
import { checkTopicAttribute } from '../topic-attributes.ts';
import { tagsFromList, validateTags } from './tags.ts';

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

function checkName(name: string | undefined, fifo: boolean): string {
  const base = fifo ? name?.replace(/\.fifo$/, '') : name;
  if (!name || !TOPIC_NAME.test(base ?? '') || name.length > 256 || (fifo && !name.endsWith('.fifo'))) {
    throw invalidParameter('Topic Name');
  }
  return name;
}

/** Attributes AWS keeps in a normal form (checked already). */
function storedValue(name: string, value: string): string {
  return name === 'DeliveryPolicy' && value !== '' ? storedDeliveryPolicy(value) : value;
}

export function createTopic(input: CreateTopicCommandInput, ctx: SnsContext) {
  const attributes = input.Attributes ?? {};
  const fifo = attributes.FifoTopic?.toLowerCase() === 'true';
  const name = checkName(input.Name, fifo);
  for (const [key, value] of Object.entries(attributes)) {
    if (key !== 'FifoTopic') checkTopicAttribute(key, value, fifo);
  }
  const tags = tagsFromList(input.Tags ?? []);
  validateTags(tags, 0, ctx.caller);
  const arn = newTopic(ctx.state, name, fifo).arn;
  const existing = ctx.state.topics.get(arn);
  if (existing) {
    for (const [key, value] of Object.entries(attributes)) {
      const current = key === 'FifoTopic' ? String(existing.fifo) : existing.attributes.get(key);
      if (current !== storedValue(key, value) && !(key === 'FifoTopic' && value.toLowerCase() === current)) {
        throw invalidParameter('Attributes Reason: Topic already exists with different attributes');
      }
    }
    for (const [key, value] of tags) {
      if (existing.tags.get(key) !== value) throw invalidParameter('Tags Reason: Topic already exists with different tags');
    }
    return { TopicArn: arn };
  }
  const topic = newTopic(ctx.state, name, fifo);
  for (const [key, value] of Object.entries(attributes)) if (key !== 'FifoTopic') topic.attributes.set(key, storedValue(key, value));
  for (const [key, value] of tags) topic.tags.set(key, value);
  ctx.state.topics.set(arn, topic);
  return { TopicArn: arn };
}

export function deleteTopic(input: DeleteTopicCommandInput, ctx: SnsContext) {
  let topic: Topic;
  try {
    topic = findTopic(ctx, input.TopicArn, 'DeleteTopic');
  } catch (error) {
    // Deleting a topic that does not exist succeeds, as on AWS.
    if ((error as { code?: string }).code === 'NotFoundException') return {};
    throw error;
  }
  const state = topic.accountId === ctx.accountId ? ctx.state : ctx.emulator.state<typeof ctx.state>('sns', topic.accountId, topic.region);
  for (const subscriptionArn of [...topic.subscriptions]) removeSubscription(state, subscriptionArn);
  state.topics.delete(topic.arn);
  return {};
}

export function listTopics(input: ListTopicsCommandInput, ctx: SnsContext) {
  const { items, nextToken } = page([...ctx.state.topics.keys()], input.NextToken, 100);
  return { Topics: items.map((TopicArn) => ({ TopicArn })), NextToken: nextToken };
}

function subscriptionCounts(topic: Topic, ctx: SnsContext) {
  const state = ctx.emulator.state<typeof ctx.state>('sns', topic.accountId, topic.region);
  let confirmed = 0;
  let pending = 0;
  for (const arn of topic.subscriptions) {
    if (state.subscriptions.get(arn)?.pendingConfirmation) pending++;
    else confirmed++;
  }
  return { SubscriptionsConfirmed: String(confirmed), SubscriptionsPending: String(pending), SubscriptionsDeleted: String(topic.deletedSubscriptions) };
}

export function getTopicAttributes(input: GetTopicAttributesCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.TopicArn, 'GetTopicAttributes');
  const attributes: Record<string, string> = {
    DisplayName: '',
    Owner: topic.accountId,
    TopicArn: topic.arn,
    EffectiveDeliveryPolicy: effectiveDeliveryPolicy(topic.attributes.get('DeliveryPolicy')),
    ...subscriptionCounts(topic, ctx),
  };
  if (topic.fifo) Object.assign(attributes, { FifoTopic: 'true', ContentBasedDeduplication: 'false' });
  for (const [key, value] of topic.attributes) if (key !== 'DataProtectionPolicy') attributes[key] = value;
  attributes.Policy = topicPolicy(topic);
  return { Attributes: attributes };
}

export function setTopicAttributes(input: SetTopicAttributesCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.TopicArn, 'SetTopicAttributes');
  const name = input.AttributeName ?? '';
  if (!SETTABLE_TOPIC_ATTRIBUTES.has(name)) throw invalidParameter('AttributeName');
  const value = input.AttributeValue ?? '';
  checkTopicAttribute(name, value, topic.fifo);
  if (value === '' && name !== 'DisplayName') topic.attributes.delete(name);
  else topic.attributes.set(name, storedValue(name, value));
  return {};
}
