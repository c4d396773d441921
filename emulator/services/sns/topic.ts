import { buildArn } from '../../core/arn.ts';
import type { SnsState } from './state.ts';

/** Topic attributes a client may set (CreateTopic, SetTopicAttributes); everything else is read-only or unknown. */
export const SETTABLE_TOPIC_ATTRIBUTES = new Set([
  'DisplayName',
  'Policy',
  'DeliveryPolicy',
  'KmsMasterKeyId',
  'SignatureVersion',
  'TracingConfig',
  'ContentBasedDeduplication',
  'FifoThroughputScope',
  'ArchivePolicy',
  'DataProtectionPolicy',
  ...['Application', 'HTTP', 'Lambda', 'SQS', 'Firehose'].flatMap((p) => [
    `${p}SuccessFeedbackRoleArn`,
    `${p}SuccessFeedbackSampleRate`,
    `${p}FailureFeedbackRoleArn`,
  ]),
]);

export interface Topic {
  readonly arn: string;
  readonly name: string;
  readonly fifo: boolean;
  readonly accountId: string;
  readonly region: string;
  /** Set attributes, as given (JSON-valued ones as text). */
  readonly attributes: Map<string, string>;
  readonly tags: Map<string, string>;
  /** ARNs of its subscriptions, in creation order. */
  readonly subscriptions: Set<string>;
  /** FIFO deduplication: id -> the first message's ids (a duplicate answers them) and when it stops counting (ms). */
  readonly deduplication: Map<string, { until: number; messageId: string; sequenceNumber: string }>;
  /** FIFO sequence numbers, increasing per topic. */
  sequence: bigint;
  deletedSubscriptions: number;
}

export function newTopic(state: SnsState, name: string, fifo: boolean): Topic {
  return {
    arn: buildArn({ service: 'sns', region: state.region, accountId: state.accountId, resource: name }),
    name,
    fifo,
    accountId: state.accountId,
    region: state.region,
    attributes: new Map(),
    tags: new Map(),
    subscriptions: new Set(),
    deduplication: new Map(),
    sequence: 10000000000000000000n,
    deletedSubscriptions: 0,
  };
}

/** AWS's policy for a topic nobody has set a Policy on. */
export function defaultTopicPolicy(topic: Topic): object {
  return {
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes',
          'SNS:SetTopicAttributes',
          'SNS:AddPermission',
          'SNS:RemovePermission',
          'SNS:DeleteTopic',
          'SNS:Subscribe',
          'SNS:ListSubscriptionsByTopic',
          'SNS:Publish',
        ],
        Resource: topic.arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': topic.accountId } },
      },
    ],
  };
}

/** The http delivery policy every topic has unless its DeliveryPolicy says otherwise. */
export const DEFAULT_HTTP_DELIVERY_POLICY = {
  defaultHealthyRetryPolicy: {
    minDelayTarget: 20,
    maxDelayTarget: 20,
    numRetries: 3,
    numMaxDelayRetries: 0,
    numNoDelayRetries: 0,
    numMinDelayRetries: 0,
    backoffFunction: 'linear' as const,
  },
  disableSubscriptionOverrides: false,
  defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
};

export function topicPolicy(topic: Topic): string {
  return topic.attributes.get('Policy') ?? JSON.stringify(defaultTopicPolicy(topic));
}
