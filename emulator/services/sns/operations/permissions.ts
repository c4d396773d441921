import type { AddPermissionCommandInput, RemovePermissionCommandInput } from '@aws-sdk/client-sns';
import { accountRootArn } from '../../../core/arn.ts';
import { invalidParameter } from '../errors.ts';
import { findTopic, type SnsContext } from '../lookup.ts';
import { topicPolicy } from '../topic.ts';

/** Actions a topic policy statement may grant (AddPermission refuses others). */
const TOPIC_ACTIONS = new Set([
  'AddPermission',
  'DeleteTopic',
  'GetDataProtectionPolicy',
  'GetTopicAttributes',
  'ListSubscriptionsByTopic',
  'ListTagsForResource',
  'Publish',
  'PutDataProtectionPolicy',
  'RemovePermission',
  'SetTopicAttributes',
  'Subscribe',
]);

interface Policy {
  Statement: { Sid?: string }[];
}

const single = <T>(items: T[]): T | T[] => (items.length === 1 ? items[0] : items);

export function addPermission(input: AddPermissionCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.TopicArn, 'AddPermission');
  const policy = JSON.parse(topicPolicy(topic)) as Policy;
  if (policy.Statement.some((s) => s.Sid === input.Label)) throw invalidParameter('Statement already exists');
  if (input.ActionName!.some((action) => !TOPIC_ACTIONS.has(action))) {
    throw invalidParameter('Policy statement action out of service scope!');
  }
  policy.Statement.push({
    Sid: input.Label,
    Effect: 'Allow',
    Principal: { AWS: single(input.AWSAccountId!.map((id) => accountRootArn(id, ctx.region))) },
    Action: single(input.ActionName!.map((action) => `SNS:${action}`)),
    Resource: topic.arn,
  } as { Sid: string });
  topic.attributes.set('Policy', JSON.stringify(policy));
  return {};
}

export function removePermission(input: RemovePermissionCommandInput, ctx: SnsContext) {
  const topic = findTopic(ctx, input.TopicArn, 'RemovePermission');
  const policy = JSON.parse(topicPolicy(topic)) as Policy;
  policy.Statement = policy.Statement.filter((s) => s.Sid !== input.Label);
  topic.attributes.set('Policy', JSON.stringify(policy));
  return {};
}
