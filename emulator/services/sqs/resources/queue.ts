import { jsonText, resourceTags, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

const ATTRIBUTES = [
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'DelaySeconds',
  'FifoQueue',
  'FifoThroughputLimit',
  'KmsDataKeyReusePeriodSeconds',
  'KmsMasterKeyId',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'RedriveAllowPolicy',
  'RedrivePolicy',
  'SqsManagedSseEnabled',
  'VisibilityTimeout',
];

/**
 * The values CloudFormation restores when an update drops a property: its resource schema's defaults, which for
 * MaximumMessageSize is still 262144 although SQS makes new queues with 1048576 (AWS's recording of LocalStack's
 * test_queue_update, 2025-12).
 */
const DEFAULTS: Record<string, string> = {
  DelaySeconds: '0',
  MaximumMessageSize: '262144',
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
  RedrivePolicy: '',
  RedriveAllowPolicy: '',
};

function attributes(properties: Properties, keep = (name: string) => properties[name] !== undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ATTRIBUTES) {
    if (!keep(name)) continue;
    const value = properties[name];
    out[name] = value === undefined ? (DEFAULTS[name] ?? '') : typeof value === 'object' ? jsonText(value)! : String(value);
  }
  return out;
}

async function describe(request: ResourceRequest, url: string) {
  const { Attributes } = await request.call<{ Attributes: Record<string, string> }>('sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['QueueArn'] });
  return { physicalId: url, attributes: { Arn: Attributes.QueueArn, QueueUrl: url, QueueName: url.slice(url.lastIndexOf('/') + 1) } };
}

/** A queue's properties as its service has them now, in the template's form. */
async function readQueue(request: Pick<ResourceRequest, 'call'>, url: string): Promise<Properties> {
  const { Attributes } = await request.call<{ Attributes: Record<string, string> }>('sqs', 'GetQueueAttributes', { QueueUrl: url, AttributeNames: ['All'] });
  const out: Properties = { QueueName: url.slice(url.lastIndexOf('/') + 1) };
  for (const name of ATTRIBUTES) {
    if (Attributes[name] === undefined) continue;
    out[name] = name === 'RedrivePolicy' || name === 'RedriveAllowPolicy' ? JSON.parse(Attributes[name]) : Attributes[name];
  }
  return out;
}

/** `AWS::SQS::Queue`: Ref is the queue URL; GetAtt Arn, QueueName, QueueUrl. */
export const queue: ResourceType = {
  properties: [...ATTRIBUTES, 'QueueName', 'Tags'],
  async create(request) {
    const p = request.properties;
    const fifo = String(p.FifoQueue) === 'true';
    const name = p.QueueName ?? (fifo ? `${request.physicalName({ maxLength: 75 })}.fifo` : request.physicalName({ maxLength: 80 }));
    const tags = resourceTags(request);
    const { QueueUrl } = await request.call<{ QueueUrl: string }>('sqs', 'CreateQueue', {
      QueueName: name,
      Attributes: attributes(p),
      ...(tags.length ? { tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) } : {}),
    });
    return describe(request, QueueUrl);
  },
  async update(request) {
    const changed = attributes(request.properties, (name) => JSON.stringify(request.properties[name]) !== JSON.stringify(request.previous[name]));
    if (Object.keys(changed).length) await request.call('sqs', 'SetQueueAttributes', { QueueUrl: request.physicalId, Attributes: changed });
    const before = new Set(((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key));
    const tags = resourceTags(request);
    const gone = [...before].filter((key) => !tags.some((t) => t.Key === key));
    if (gone.length) await request.call('sqs', 'UntagQueue', { QueueUrl: request.physicalId, TagKeys: gone });
    if (tags.length) await request.call('sqs', 'TagQueue', { QueueUrl: request.physicalId, Tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) });
    return describe(request, request.physicalId);
  },
  async delete(request) {
    await request.call('sqs', 'DeleteQueue', { QueueUrl: request.physicalId });
  },
  read: (request) => readQueue(request, request.physicalId),
  async list(request) {
    const urls: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await request.call<{ QueueUrls?: string[]; NextToken?: string }>('sqs', 'ListQueues', { MaxResults: 1000, NextToken });
      urls.push(...(page.QueueUrls ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return Promise.all(urls.map(async (url) => ({ identifier: { QueueUrl: url }, physicalId: url, properties: await readQueue(request, url) })));
  },
  primaryIdentifier: ['QueueUrl'],
  adopt: (request, identifier) => describe(request, identifier.QueueUrl),
  createOnly: ['QueueName', 'FifoQueue'],
};
