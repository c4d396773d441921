import { callIn, changedProperties, jsonText, resourceTags, templateJson, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder, templateTags } from '../../cloudformation/read-back.ts';

const TOPIC_ATTRIBUTES = ['DisplayName', 'KmsMasterKeyId', 'ContentBasedDeduplication', 'TracingConfig', 'SignatureVersion', 'ArchivePolicy', 'FifoThroughputScope', 'DataProtectionPolicy'];
const SUBSCRIPTION_ATTRIBUTES = ['RawMessageDelivery', 'FilterPolicy', 'FilterPolicyScope', 'RedrivePolicy', 'DeliveryPolicy', 'ReplayPolicy', 'SubscriptionRoleArn'];

function text(value: unknown): string {
  return typeof value === 'object' ? jsonText(value)! : String(value);
}

function attributeMap(p: Properties, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => p[n] !== undefined).map((n) => [n, text(attributeValue(n, p[n]))]));
}

// AWS's topic handler hands SNS the archive policy's retention as a string: a template's `MessageRetentionPeriod: 30`
// reads back as {"MessageRetentionPeriod":"30"} (LocalStack's AWS-validated test_sns_topic_with_attributes).
function attributeValue(name: string, value: unknown): unknown {
  if (name !== 'ArchivePolicy' || !value || typeof value !== 'object' || !Object.hasOwn(value, 'MessageRetentionPeriod')) return value;
  const policy = value as Properties;
  return { ...policy, MessageRetentionPeriod: String(policy.MessageRetentionPeriod) };
}

/** The SNS attribute prefix of each `DeliveryStatusLogging` protocol (CloudFormation's names for them). */
const LOGGING_PREFIXES: Record<string, string> = { 'http/s': 'HTTP', sqs: 'SQS', lambda: 'Lambda', firehose: 'Firehose', application: 'Application' };

/** A topic's `DeliveryStatusLogging` entries as SNS's `<Protocol>SuccessFeedbackRoleArn`-style attributes. */
function loggingAttributes(entries: Properties[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const prefix = LOGGING_PREFIXES[entry.Protocol] ?? entry.Protocol;
    for (const name of ['SuccessFeedbackRoleArn', 'SuccessFeedbackSampleRate', 'FailureFeedbackRoleArn']) {
      if (entry[name] !== undefined) out[`${prefix}${name}`] = String(entry[name]);
    }
  }
  return out;
}

// AWS's Fn::GetAtt also reads a topic's DisplayName (LocalStack's AWS-validated change set tests deploy it).
function topicState(arn: string, p: Properties) {
  return { physicalId: arn, attributes: { TopicArn: arn, TopicName: arn.slice(arn.lastIndexOf(':') + 1), ...(p.DisplayName !== undefined ? { DisplayName: p.DisplayName } : {}) } };
}

async function subscribeAll(request: ResourceRequest, arn: string, list: Properties[] = []) {
  for (const s of list) await request.call('sns', 'Subscribe', { TopicArn: arn, Protocol: s.Protocol, Endpoint: s.Endpoint, ReturnSubscriptionArn: true });
}

/** `AWS::SNS::Topic`: Ref is the topic ARN; GetAtt TopicArn, TopicName, DisplayName. */
export const topic: ResourceType = {
  // AWS's schema has MaximumMessageSize too: not made here, so a template setting it fails rather than being ignored.
  properties: [
    'ArchivePolicy',
    'ContentBasedDeduplication',
    'DataProtectionPolicy',
    'DeliveryStatusLogging',
    'DisplayName',
    'FifoThroughputScope',
    'FifoTopic',
    'KmsMasterKeyId',
    'SignatureVersion',
    'Subscription',
    'Tags',
    'TopicName',
    'TracingConfig',
  ],
  async create(request) {
    const p = request.properties;
    const fifo = String(p.FifoTopic) === 'true';
    const name = p.TopicName ?? (fifo ? `${request.physicalName({ maxLength: 251 })}.fifo` : request.physicalName({ maxLength: 256 }));
    const { TopicArn } = await request.call<{ TopicArn: string }>('sns', 'CreateTopic', {
      Name: name,
      Attributes: { ...attributeMap(p, TOPIC_ATTRIBUTES), ...loggingAttributes(p.DeliveryStatusLogging), ...(fifo ? { FifoTopic: 'true' } : {}) },
      Tags: resourceTags(request),
    });
    await subscribeAll(request, TopicArn, p.Subscription);
    return topicState(TopicArn, p);
  },
  async update(request) {
    const arn = request.physicalId;
    const changed = changedProperties(request.previous, request.properties);
    for (const name of TOPIC_ATTRIBUTES) {
      if (changed.has(name)) await request.call('sns', 'SetTopicAttributes', { TopicArn: arn, AttributeName: name, AttributeValue: request.properties[name] === undefined ? '' : text(attributeValue(name, request.properties[name])) });
    }
    if (changed.has('DeliveryStatusLogging')) {
      const after = loggingAttributes(request.properties.DeliveryStatusLogging);
      const names = new Set([...Object.keys(loggingAttributes(request.previous.DeliveryStatusLogging)), ...Object.keys(after)]);
      for (const name of names) await request.call('sns', 'SetTopicAttributes', { TopicArn: arn, AttributeName: name, AttributeValue: after[name] ?? '' });
    }
    if (changed.has('Subscription')) {
      const before = (request.previous.Subscription ?? []) as Properties[];
      const after = (request.properties.Subscription ?? []) as Properties[];
      const same = (a: Properties, b: Properties) => a.Protocol === b.Protocol && a.Endpoint === b.Endpoint;
      const { Subscriptions } = await request.call('sns', 'ListSubscriptionsByTopic', { TopicArn: arn });
      for (const gone of before.filter((b) => !after.some((a) => same(a, b)))) {
        const found = (Subscriptions as Properties[]).find((s) => same(s, gone));
        if (found) await request.call('sns', 'Unsubscribe', { SubscriptionArn: found.SubscriptionArn });
      }
      await subscribeAll(request, arn, after.filter((a) => !before.some((b) => same(a, b))));
    }
    if (changed.has('Tags')) await request.call('sns', 'TagResource', { ResourceArn: arn, Tags: resourceTags(request) });
    return topicState(arn, request.properties);
  },
  async delete(request) {
    await request.call('sns', 'DeleteTopic', { TopicArn: request.physicalId });
  },
  async read(request) {
    const arn = request.physicalId;
    const p = request.properties;
    const { Attributes: a } = await request.call<{ Attributes: Record<string, string> }>('sns', 'GetTopicAttributes', { TopicArn: arn });
    const { Subscriptions } = await request.call<{ Subscriptions: Properties[] }>('sns', 'ListSubscriptionsByTopic', { TopicArn: arn });
    const { Tags } = await request.call('sns', 'ListTagsForResource', { ResourceArn: arn });
    const fifo = a.FifoTopic === 'true';
    return {
      TopicName: arn.slice(arn.lastIndexOf(':') + 1),
      DisplayName: a.DisplayName,
      KmsMasterKeyId: a.KmsMasterKeyId,
      SignatureVersion: a.SignatureVersion,
      TracingConfig: a.TracingConfig,
      ...(fifo ? { FifoTopic: true, ContentBasedDeduplication: a.ContentBasedDeduplication, FifoThroughputScope: a.FifoThroughputScope } : {}),
      ArchivePolicy: a.ArchivePolicy ? templateJson(p.ArchivePolicy, a.ArchivePolicy) : undefined,
      Subscription: templateOrder(
        p.Subscription,
        Subscriptions.map((s) => ({ Endpoint: s.Endpoint, Protocol: s.Protocol })),
        (s) => `${(s as Properties).Protocol} ${(s as Properties).Endpoint}`,
      ),
      Tags: templateTags(request, Tags),
    };
  },
  async list(request) {
    const arns: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await request.call<{ Topics?: { TopicArn: string }[]; NextToken?: string }>('sns', 'ListTopics', { NextToken });
      arns.push(...(page.Topics ?? []).map((t) => t.TopicArn));
      NextToken = page.NextToken;
    } while (NextToken);
    return arns.map((arn) => {
      const name = arn.slice(arn.lastIndexOf(':') + 1);
      return { identifier: { TopicArn: arn }, physicalId: arn, properties: { TopicName: name, ...(name.endsWith('.fifo') ? { FifoTopic: true } : {}) } };
    });
  },
  primaryIdentifier: ['TopicArn'],
  createOnly: ['TopicName', 'FifoTopic'],
};

/** `AWS::SNS::Subscription`: Ref is the subscription ARN. */
export const subscription: ResourceType = {
  properties: [
    'DeliveryPolicy',
    'Endpoint',
    'FilterPolicy',
    'FilterPolicyScope',
    'Protocol',
    'RawMessageDelivery',
    'RedrivePolicy',
    'Region',
    'ReplayPolicy',
    'SubscriptionRoleArn',
    'TopicArn',
  ],
  async create(request) {
    const p = request.properties;
    // Region: the topic's region, where the subscription is made (the stack's when absent).
    const { SubscriptionArn } = await callIn(request, 'sns', p.Region)<{ SubscriptionArn: string }>('Subscribe', {
      TopicArn: p.TopicArn,
      Protocol: p.Protocol,
      Endpoint: p.Endpoint,
      Attributes: attributeMap(p, SUBSCRIPTION_ATTRIBUTES),
      ReturnSubscriptionArn: true,
    });
    return { physicalId: SubscriptionArn, attributes: { Arn: SubscriptionArn } };
  },
  async update(request) {
    const changed = changedProperties(request.previous, request.properties);
    for (const name of SUBSCRIPTION_ATTRIBUTES) {
      if (!changed.has(name)) continue;
      const value = request.properties[name];
      await callIn(request, 'sns', request.properties.Region)('SetSubscriptionAttributes', { SubscriptionArn: request.physicalId, AttributeName: name, AttributeValue: value === undefined ? '' : text(value) });
    }
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await callIn(request, 'sns', request.properties.Region)('Unsubscribe', { SubscriptionArn: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const { Attributes: a } = await callIn(request, 'sns', p.Region)<{ Attributes: Record<string, string> }>('GetSubscriptionAttributes', { SubscriptionArn: request.physicalId });
    const json = (name: string) => (a[name] ? templateJson(p[name], a[name]) : undefined);
    return {
      TopicArn: a.TopicArn,
      Protocol: a.Protocol,
      Endpoint: a.Endpoint,
      ...(p.Region !== undefined ? { Region: p.Region } : {}),
      RawMessageDelivery: a.RawMessageDelivery,
      FilterPolicy: json('FilterPolicy'),
      FilterPolicyScope: a.FilterPolicy ? a.FilterPolicyScope : undefined,
      RedrivePolicy: json('RedrivePolicy'),
      DeliveryPolicy: json('DeliveryPolicy'),
      ReplayPolicy: json('ReplayPolicy'),
      SubscriptionRoleArn: a.SubscriptionRoleArn,
    };
  },
  createOnly: ['TopicArn', 'Protocol', 'Endpoint', 'Region'],
};

/** Sets the same policy on each topic (no policy: the topic's default one). */
export async function setPolicies(request: ResourceRequest, topics: string[], policy: string | undefined) {
  for (const arn of topics) {
    await request.call('sns', 'SetTopicAttributes', { TopicArn: arn, AttributeName: 'Policy', AttributeValue: policy ?? '' });
  }
}

/** `AWS::SNS::TopicPolicy`: the same policy on each of `Topics`. */
export const topicPolicy: ResourceType = {
  properties: ['PolicyDocument', 'Topics'],
  async create(request) {
    await setPolicies(request, request.properties.Topics ?? [], jsonText(request.properties.PolicyDocument));
    return { physicalId: request.physicalName({ maxLength: 128 }), attributes: { Id: request.logicalId } };
  },
  async update(request) {
    await setPolicies(request, request.properties.Topics ?? [], jsonText(request.properties.PolicyDocument));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await setPolicies(request, request.properties.Topics ?? [], undefined).catch(() => undefined);
  },
  async read(request) {
    const topics = (request.properties.Topics ?? []) as string[];
    const policies = await Promise.all(topics.map((arn) => request.call<{ Attributes: Record<string, string> }>('sns', 'GetTopicAttributes', { TopicArn: arn }).then((r) => r.Attributes.Policy)));
    return { Topics: topics, PolicyDocument: templateJson(request.properties.PolicyDocument, policies[0]) };
  },
};
