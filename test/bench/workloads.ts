import { randomUUID } from 'node:crypto';
import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { APIGATEWAY_WORKLOADS } from './apigateway-workloads.ts';
import { abort, clientOptions } from './clients.ts';
import { FIREHOSE_WORKLOADS } from './firehose-workloads.ts';
import { IDENTITY_WORKLOADS } from './identity-workloads.ts';
import { OBSERVABILITY_WORKLOADS } from './observability-workloads.ts';
import { S3_WORKLOADS } from './s3-workloads.ts';
import { SFN_WORKLOADS } from './stepfunctions-workloads.ts';

export type Operation = (i: number) => Promise<unknown>;

export interface Workload {
  name: string;
  /** The emulator service it needs; skipped with a note when the server does not serve it. */
  service: string;
  /** Run on a second server started with `--enforce-iam` (to compare with the same operation unenforced). */
  enforceIam?: boolean;
  /** Creates what the operation needs and returns it; `budget` caps the requests (e.g. receipt handles to delete). */
  prepare(endpoint: string): Promise<{ op: Operation; budget?: (concurrency: number) => number }>;
}

export const DYNAMODB_ITEMS = 100_000;
const ITEMS_PER_PARTITION = 10;
const PARTITIONS = DYNAMODB_ITEMS / ITEMS_PER_PARTITION;
export const TABLE = 'bench';

/** Shared by the SQS workloads: they run in order, each feeding the next (messages, then receipt handles). */
const sqs = { client: undefined as SQSClient | undefined, queueUrl: '', handles: [] as string[] };

async function sqsQueue(endpoint: string) {
  if (!sqs.client) {
    sqs.client = new SQSClient(clientOptions(endpoint));
    // Received messages stay invisible for the rest of the run, so every receipt handle can be deleted once.
    const out = await sqs.client.send(new CreateQueueCommand({ QueueName: `bench-${randomUUID().slice(0, 8)}`, Attributes: { VisibilityTimeout: '43200' } }), abort());
    sqs.queueUrl = out.QueueUrl!;
  }
  return { client: sqs.client, queueUrl: sqs.queueUrl };
}

/** One DeleteMessage per operation, each with a handle from `handles`; half of them for each concurrency level. */
function deleteEach(client: SQSClient, queueUrl: string, handles: string[]) {
  return {
    op: () => {
      const handle = handles.pop();
      if (!handle) throw new Error('no receipt handle left');
      return client.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: handle }), abort());
    },
    budget: (concurrency: number) => (concurrency === 1 ? Math.floor(handles.length / 2) : handles.length),
  };
}

/** Messages in flight in the deep queue: deleting from it shows whether a delete's cost grows with the queue. */
const DEEP_QUEUE = 20_000;

/** A queue of DEEP_QUEUE messages, all received (16 senders and receivers), and their receipt handles. */
async function deepQueue(endpoint: string) {
  const client = new SQSClient(clientOptions(endpoint));
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: `bench-deep-${randomUUID().slice(0, 8)}`, Attributes: { VisibilityTimeout: '43200' } }), abort());
  const started = performance.now();
  let sent = 0;
  const sender = async () => {
    while (sent < DEEP_QUEUE) {
      const first = sent;
      sent += 10;
      const entries = Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `message ${first + j} ${'x'.repeat(200)}` }));
      await client.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries }), abort());
    }
  };
  await Promise.all(Array.from({ length: 16 }, sender));
  const handles: string[] = [];
  const receiver = async () => {
    for (;;) {
      const out = await client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }), abort());
      if (!out.Messages?.length) return;
      handles.push(...out.Messages.map((m) => m.ReceiptHandle!));
    }
  };
  await Promise.all(Array.from({ length: 16 }, receiver));
  console.log(`  sent and received ${handles.length} SQS messages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return deleteEach(client, QueueUrl!, handles);
}

let dynamodb: DynamoDBClient | undefined;

/** Forgets the queue, table and clients of the last server, so that the workloads can run against another one. */
export function resetWorkloads(): void {
  sqs.client?.destroy();
  dynamodb?.destroy();
  Object.assign(sqs, { client: undefined, queueUrl: '', handles: [] });
  dynamodb = undefined;
}

/** Creates the table and loads DYNAMODB_ITEMS items with BatchWriteItem (25 per request, 16 in flight). */
async function dynamodbTable(endpoint: string): Promise<DynamoDBClient> {
  if (dynamodb) return dynamodb;
  const client = new DynamoDBClient(clientOptions(endpoint));
  await client.send(new CreateTableCommand(BENCH_TABLE), abort());
  const started = performance.now();
  let next = 0;
  const batches = DYNAMODB_ITEMS / 25;
  const loader = async () => {
    while (next < batches) {
      const batch = next++;
      const requests: WriteRequest[] = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: benchItem(batch * 25 + j) } }));
      let unprocessed: WriteRequest[] | undefined = requests;
      while (unprocessed?.length) {
        const out: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: unprocessed } }), abort());
        unprocessed = out.UnprocessedItems?.[TABLE];
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, loader));
  console.log(`  loaded ${DYNAMODB_ITEMS} DynamoDB items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  dynamodb = client;
  return client;
}

/** The bench's table (`pk` string, `sk` number, on demand), which benchItem's items fill. */
export const BENCH_TABLE = {
  TableName: TABLE,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
} satisfies CreateTableCommandInput;

export function benchItem(n: number) {
  return {
    pk: { S: `p${Math.floor(n / ITEMS_PER_PARTITION)}` },
    sk: { N: String(n % ITEMS_PER_PARTITION) },
    name: { S: `item ${n}` },
    count: { N: String(n) },
    tags: { SS: ['a', 'b'] },
  };
}

/** A random existing item's key; `half` 0 or 1 picks from one half of the table (two keys that never collide). */
export const randomKey = (half?: 0 | 1) => {
  const span = half === undefined ? DYNAMODB_ITEMS : DYNAMODB_ITEMS / 2;
  const n = Math.floor(Math.random() * span) + (half === 1 ? span : 0);
  return { pk: { S: `p${Math.floor(n / ITEMS_PER_PARTITION)}` }, sk: { N: String(n % ITEMS_PER_PARTITION) } };
};

/**
 * A topic with `queues` SQS subscriptions (raw delivery, queue policies that let the topic send): Publish's cost
 * includes its fan-out, as the deliveries run in the server process.
 */
async function snsTopic(endpoint: string, queues: number) {
  const sns = new SNSClient(clientOptions(endpoint));
  const sqsClient = new SQSClient(clientOptions(endpoint));
  const id = randomUUID().slice(0, 8);
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: `bench-${id}` }), abort());
  for (let q = 0; q < queues; q++) {
    const policy = { Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }] };
    const { QueueUrl } = await sqsClient.send(new CreateQueueCommand({ QueueName: `bench-${id}-${q}`, Attributes: { Policy: JSON.stringify(policy) } }), abort());
    const arn = (await sqsClient.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }), abort())).Attributes!.QueueArn!;
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: arn, Attributes: { RawMessageDelivery: 'true' } }), abort());
  }
  return { sns, topicArn: TopicArn! };
}

const snsPublish = (queues: number): Workload => ({
  name: `SNS Publish (${queues} SQS subscription${queues === 1 ? '' : 's'})`,
  service: 'sns',
  async prepare(endpoint) {
    const { sns, topicArn } = await snsTopic(endpoint, queues);
    return { op: (i) => sns.send(new PublishCommand({ TopicArn: topicArn, Message: `message ${i} ${'x'.repeat(200)}` }), abort()) };
  },
});

export const WORKLOADS: Workload[] = [
  {
    name: 'STS GetCallerIdentity',
    service: 'sts',
    async prepare(endpoint) {
      const client = new STSClient(clientOptions(endpoint));
      return { op: () => client.send(new GetCallerIdentityCommand({}), abort()) };
    },
  },
  {
    name: 'SQS SendMessage',
    service: 'sqs',
    async prepare(endpoint) {
      const { client, queueUrl } = await sqsQueue(endpoint);
      return { op: (i) => client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `message ${i} ${'x'.repeat(200)}` }), abort()) };
    },
  },
  {
    name: 'SQS ReceiveMessage',
    service: 'sqs',
    async prepare(endpoint) {
      const { client, queueUrl } = await sqsQueue(endpoint);
      return {
        op: async () => {
          const out = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 0 }), abort());
          for (const m of out.Messages ?? []) sqs.handles.push(m.ReceiptHandle!);
        },
      };
    },
  },
  {
    name: 'SQS DeleteMessage',
    service: 'sqs',
    async prepare(endpoint) {
      const { client, queueUrl } = await sqsQueue(endpoint);
      return deleteEach(client, queueUrl, sqs.handles);
    },
  },
  {
    name: `SQS DeleteMessage (${DEEP_QUEUE / 1000}k in flight)`,
    service: 'sqs',
    prepare: deepQueue,
  },
  {
    name: 'DynamoDB PutItem',
    service: 'dynamodb',
    async prepare(endpoint) {
      const client = await dynamodbTable(endpoint);
      return { op: (i) => client.send(new PutItemCommand({ TableName: TABLE, Item: benchItem(DYNAMODB_ITEMS + i) }), abort()) };
    },
  },
  {
    name: 'DynamoDB GetItem',
    service: 'dynamodb',
    async prepare(endpoint) {
      const client = await dynamodbTable(endpoint);
      return { op: () => client.send(new GetItemCommand({ TableName: TABLE, Key: randomKey() }), abort()) };
    },
  },
  {
    name: `DynamoDB Query (${ITEMS_PER_PARTITION} items)`,
    service: 'dynamodb',
    async prepare(endpoint) {
      const client = await dynamodbTable(endpoint);
      return {
        op: async () => {
          const out = await client.send(
            new QueryCommand({
              TableName: TABLE,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: `p${Math.floor(Math.random() * PARTITIONS)}` } },
            }),
            abort(),
          );
          if (out.Count !== ITEMS_PER_PARTITION) throw new Error(`Query returned ${out.Count} items, expected ${ITEMS_PER_PARTITION}`);
        },
      };
    },
  },
  {
    name: 'DynamoDB TransactWriteItems (2 updates)',
    service: 'dynamodb',
    async prepare(endpoint) {
      const client = await dynamodbTable(endpoint);
      const update = (half: 0 | 1) => ({
        Update: { TableName: TABLE, Key: randomKey(half), UpdateExpression: 'SET #c = #c + :one', ExpressionAttributeNames: { '#c': 'count' }, ExpressionAttributeValues: { ':one': { N: '1' } } },
      });
      return { op: () => client.send(new TransactWriteItemsCommand({ TransactItems: [update(0), update(1)] }), abort()) };
    },
  },
  {
    // Over HTTP/1.1 like every workload here (clientOptions' handler), so that it compares with the null server.
    name: 'Kinesis PutRecord (200 bytes)',
    service: 'kinesis',
    async prepare(endpoint) {
      const client = new KinesisClient(clientOptions(endpoint));
      const StreamName = `bench-${randomUUID().slice(0, 8)}`;
      await client.send(new CreateStreamCommand({ StreamName, ShardCount: 4 }), abort());
      const data = Buffer.alloc(200, 'k');
      return { op: (i) => client.send(new PutRecordCommand({ StreamName, PartitionKey: `key-${i}`, Data: data }), abort()) };
    },
  },
  ...S3_WORKLOADS,
  ...APIGATEWAY_WORKLOADS,
  ...SFN_WORKLOADS,
  snsPublish(0),
  snsPublish(1),
  snsPublish(10),
  ...FIREHOSE_WORKLOADS,
  ...OBSERVABILITY_WORKLOADS,
  ...IDENTITY_WORKLOADS,
];
