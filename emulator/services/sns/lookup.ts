import { accessDecision, notAuthorized } from '../../core/access.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { checkArnShape, snsArnParts } from './arns.ts';
import { invalidParameter, subscriptionNotFound, topicNotFound } from './errors.ts';
import type { SnsState } from './state.ts';
import type { Subscription } from './subscription.ts';
import { topicPolicy, type Topic } from './topic.ts';

export type SnsContext = RequestContext<SnsState>;

/** The SNS state an ARN's account and region point at (another account's only through its topic policy). */
export function stateForArn(ctx: SnsContext, arn: string): SnsState | undefined {
  const parts = snsArnParts(arn);
  if (!parts || parts.region !== ctx.region) return undefined;
  if (parts.accountId === ctx.accountId) return ctx.state;
  if (!/^\d{12}$/.test(parts.accountId)) return undefined;
  return ctx.emulator.state<SnsState>('sns', parts.accountId, parts.region);
}

/**
 * Services that give SNS the legacy key `AWS:SourceOwner` (their resource's account), which the default topic policy
 * tests: CloudWatch alarms notify a topic of their account that keeps it (AWS-recorded test_enable_disable_alarm_actions);
 * S3 and EventBridge need the topic policy to name them (their guides' setup), so they are not listed.
 */
const SOURCE_OWNER_SERVICES = new Set(['cloudwatch.amazonaws.com']);

/**
 * The topic an ARN names, when the caller may perform `action` on it: the owner's principals may; another account's,
 * or an AWS service publishing for a resource (S3, EventBridge...), need the topic policy to allow them.
 */
export function findTopic(ctx: SnsContext, arn: string | undefined, action: string, parameter = 'TopicArn'): Topic {
  checkArnShape(parameter, arn);
  // A topic of another region is refused as a malformed parameter (AWS-recorded test_cross_region_access, 2025).
  const region = snsArnParts(arn!)?.region;
  if (region !== undefined && region !== ctx.region) throw invalidParameter(parameter);
  const topic = stateForArn(ctx, arn!)?.topics.get(arn!);
  if (!topic) throw topicNotFound();
  const caller = ctx.caller;
  const sourceOwner = caller.servicePrincipal ? (SOURCE_OWNER_SERVICES.has(caller.servicePrincipal) ? caller.sourceAccount : undefined) : caller.accountId;
  const allowed = ctx.emulator.crossAccount === 'open' || accessDecision(ctx.caller, `SNS:${action}`, topic.arn, topic.accountId, topicPolicy(topic), { 'aws:SourceOwner': sourceOwner }) === 'allowed';
  if (!allowed) {
    throw new AwsError('AuthorizationErrorException', notAuthorized(ctx.caller, `SNS:${action}`, topic.arn));
  }
  return topic;
}

export function findSubscription(ctx: SnsContext, arn: string | undefined): Subscription {
  checkArnShape('SubscriptionArn', arn);
  const subscription = stateForArn(ctx, arn!)?.subscriptions.get(arn!);
  if (!subscription) throw subscriptionNotFound();
  return subscription;
}
