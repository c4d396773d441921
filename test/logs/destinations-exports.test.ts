import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import {
  CancelExportTaskCommand,
  CloudWatchLogsClient,
  CreateExportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteDestinationCommand,
  DescribeDestinationsCommand,
  DescribeExportTasksCommand,
  ListTagsForResourceCommand,
  PutDestinationCommand,
  PutDestinationPolicyCommand,
  PutLogEventsCommand,
  PutSubscriptionFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Shapes and messages are AWS's, from shared/reference/aws-snapshots/logs (test_logs_destinations,
// test_logs_export_tasks); the DATA_MESSAGE format is the one subscription filters deliver.
describe('CloudWatch Logs destinations and export tasks (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const client = <T>(Client: new (o: object) => T, account = 'test') =>
    new Client({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: account, secretAccessKey: 'test' } });
  let logs: CloudWatchLogsClient;
  let kinesis: KinesisClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs', 'kinesis', 's3', 'iam', 'sts'] });
    logs = client(CloudWatchLogsClient);
    kinesis = client(KinesisClient);
  });
  after(async () => {
    logs.destroy();
    kinesis.destroy();
    await aws.stop();
  });

  async function stream(name: string): Promise<string> {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    return `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`;
  }

  it('puts, describes, tags, updates and deletes destinations as AWS does', async () => {
    const targetArn = await stream('dest-target');
    const roleArn = 'arn:aws:iam::000000000000:role/logs-to-kinesis';
    const put = await logs.send(new PutDestinationCommand({ destinationName: 'dest-a', targetArn, roleArn, tags: { key1: 'val1' } }));
    assert.deepEqual(Object.keys(put.destination!).sort(), ['arn', 'creationTime', 'destinationName', 'roleArn', 'targetArn']);
    assert.equal(put.destination!.arn, 'arn:aws:logs:us-east-1:000000000000:destination:dest-a');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'logs:PutSubscriptionFilter', Resource: put.destination!.arn }] });
    await logs.send(new PutDestinationPolicyCommand({ destinationName: 'dest-a', accessPolicy: policy }));
    const described = await logs.send(new DescribeDestinationsCommand({ DestinationNamePrefix: 'dest-' }));
    assert.deepEqual(described.destinations!.map((d) => [d.destinationName, d.accessPolicy]), [['dest-a', policy]]);
    assert.deepEqual((await logs.send(new DescribeDestinationsCommand({ DestinationNamePrefix: 'none-' }))).destinations, []);
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn: put.destination!.arn }))).tags, { key1: 'val1' });
    await assert.rejects(logs.send(new PutDestinationPolicyCommand({ destinationName: 'missing', accessPolicy: policy })), {
      name: 'ResourceNotFoundException',
      message: 'The specified destination does not exist.',
    });
    await logs.send(new DeleteDestinationCommand({ destinationName: 'dest-a' }));
    await assert.rejects(logs.send(new DeleteDestinationCommand({ destinationName: 'dest-a' })), { name: 'ResourceNotFoundException' });
  });

  it('delivers another account’s subscribed events through a destination its policy opens', async () => {
    const targetArn = await stream('cross-target');
    const { destination } = await logs.send(new PutDestinationCommand({ destinationName: 'central', targetArn, roleArn: 'arn:aws:iam::000000000000:role/r' }));
    const other = client(CloudWatchLogsClient, '111111111111');
    await other.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
    await other.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 's1' }));
    const subscribe = () => other.send(new PutSubscriptionFilterCommand({ logGroupName: 'app', filterName: 'all', filterPattern: '', destinationArn: destination!.arn }));
    await assert.rejects(subscribe(), { name: 'AccessDeniedException' });
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'logs:PutSubscriptionFilter', Resource: destination!.arn }] };
    await logs.send(new PutDestinationPolicyCommand({ destinationName: 'central', accessPolicy: JSON.stringify(policy) }));
    await subscribe();
    await other.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 's1', logEvents: [{ timestamp: aws.emulator.clock.now(), message: 'from afar' }] }));
    const shard = (await kinesis.send(new ListShardsCommand({ StreamName: 'cross-target' }))).Shards![0].ShardId;
    const iterator = (await kinesis.send(new GetShardIteratorCommand({ StreamName: 'cross-target', ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    let records: { Data?: Uint8Array }[] = [];
    for (let i = 0; i < 40 && !records.length; i++) {
      records = (await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records!;
      if (!records.length) await new Promise((r) => setTimeout(r, 50));
    }
    const message = JSON.parse(gunzipSync(records[0].Data!).toString('utf8'));
    assert.deepEqual([message.messageType, message.owner, message.logGroup, message.logStream, message.subscriptionFilters], ['DATA_MESSAGE', '111111111111', 'app', 's1', ['all']]);
    assert.equal(message.logEvents[0].message, 'from afar');
    other.destroy();
  });

  it('exports a log group to S3, describes and cancels tasks with AWS messages', async () => {
    const s3 = client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: 'log-exports' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'exported' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'exported', logStreamName: 'web' }));
    const now = aws.emulator.clock.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: 'exported', logStreamName: 'web', logEvents: [{ timestamp: now - 1000, message: 'first' }, { timestamp: now, message: 'second' }] }));
    await assert.rejects(logs.send(new CreateExportTaskCommand({ logGroupName: 'missing', from: 0, to: now, destination: 'log-exports' })), {
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    await assert.rejects(logs.send(new CreateExportTaskCommand({ logGroupName: 'exported', from: 0, to: now, destination: 'no-such-bucket' })), {
      name: 'InvalidParameterException',
      message: 'The given bucket does not exist. Please make sure the bucket is valid.',
    });
    const { taskId } = await logs.send(new CreateExportTaskCommand({ logGroupName: 'exported', from: now - 60_000, to: now + 1, destination: 'log-exports' }));
    let task;
    for (let i = 0; i < 40; i++) {
      task = (await logs.send(new DescribeExportTasksCommand({ taskId }))).exportTasks![0];
      if (task.status!.code === 'COMPLETED') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.deepEqual([task!.status!.code, task!.destinationPrefix, task!.logGroupName], ['COMPLETED', 'exportedlogs', 'exported']);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'log-exports' }));
    assert.deepEqual(listed.Contents!.map((o) => o.Key).sort(), [`exportedlogs/${taskId}/web/000000.gz`, 'exportedlogs/aws-logs-write-test']);
    const object = await s3.send(new GetObjectCommand({ Bucket: 'log-exports', Key: `exportedlogs/${taskId}/web/000000.gz` }));
    const text = gunzipSync(Buffer.from(await object.Body!.transformToByteArray())).toString('utf8');
    assert.equal(text, `${new Date(now - 1000).toISOString()} first\n${new Date(now).toISOString()} second\n`);
    assert.deepEqual((await logs.send(new DescribeExportTasksCommand({ taskId: 'unknown' }))).exportTasks, []);
    await assert.rejects(logs.send(new CancelExportTaskCommand({ taskId: 'unknown' })), { name: 'ResourceNotFoundException', message: 'The specified export task does not exist.' });
    await assert.rejects(logs.send(new CancelExportTaskCommand({ taskId })), { name: 'InvalidOperationException' });
    s3.destroy();
  });
});
