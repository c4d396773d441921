import { DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient, CreateQueueCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { KinesisClient, CreateStreamCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
const endpoint = process.argv[2];
const opts = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const N = Number(process.argv[3] ?? 3000);
async function run(name: string, op: (i: number) => Promise<unknown>) {
  let i = 0; const t = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => { while (i < N) await op(i++); }));
  console.log(name, ((performance.now() - t) / N * 1000).toFixed(0), 'µs wall/req');
}
const sqs = new SQSClient(opts); const ddb = new DynamoDBClient(opts); const sts = new STSClient(opts); const kin = new KinesisClient(opts);
const q = (await sqs.send(new CreateQueueCommand({ QueueName: 'p' }))).QueueUrl!;
await ddb.send(new CreateTableCommand({ TableName: 'ttt', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }));
await kin.send(new CreateStreamCommand({ StreamName: 's', ShardCount: 1 }));
const body = 'x'.repeat(1024);
await run('sts', () => sts.send(new GetCallerIdentityCommand({})));
await run('sqs send', () => sqs.send(new SendMessageCommand({ QueueUrl: q, MessageBody: body })));
await run('ddb put', (i) => ddb.send(new PutItemCommand({ TableName: 'ttt', Item: { pk: { S: `k${i % 500}` }, v: { S: body } } })));
await run('ddb get', (i) => ddb.send(new GetItemCommand({ TableName: 'ttt', Key: { pk: { S: `k${i % 500}` } } })));
await run('kinesis put', (i) => kin.send(new PutRecordCommand({ StreamName: 's', PartitionKey: `p${i}`, Data: Buffer.alloc(200) })));
process.exit(0);
