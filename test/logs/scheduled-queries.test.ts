import assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  CreateLookupTableCommand,
  CreateScheduledQueryCommand,
  DeleteLookupTableCommand,
  DeleteScheduledQueryCommand,
  DescribeLookupTablesCommand,
  GetLookupTableCommand,
  GetScheduledQueryCommand,
  GetScheduledQueryHistoryCommand,
  ListScheduledQueriesCommand,
  PutLogEventsCommand,
  UpdateLookupTableCommand,
  UpdateScheduledQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Request and response shapes follow AWS's API reference for scheduled queries and lookup tables.
describe('CloudWatch Logs scheduled queries and lookup tables (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let logs: CloudWatchLogsClient;
  let s3: S3Client;
  const options = () => ({ endpoint: aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const role = 'arn:aws:iam::000000000000:role/scheduled-query';

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs', 's3'] });
    logs = new CloudWatchLogsClient(options());
    s3 = new S3Client(options());
  });
  after(async () => {
    logs.destroy();
    s3.destroy();
    await aws.stop();
  });

  it('runs a scheduled query as the clock moves and writes its results to S3', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'query-results' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 's' }));
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: 'app',
        logStreamName: 's',
        logEvents: [
          { timestamp: aws.emulator.clock.now(), message: 'ERROR disk full' },
          { timestamp: aws.emulator.clock.now(), message: 'INFO fine' },
        ],
      }),
    );
    const created = await logs.send(
      new CreateScheduledQueryCommand({
        name: 'errors-hourly',
        queryLanguage: 'CWLI',
        queryString: 'fields @message | filter @message like /ERROR/',
        logGroupIdentifiers: ['app'],
        scheduleExpression: 'rate(1 hour)',
        executionRoleArn: role,
        destinationConfiguration: { s3Configuration: { destinationIdentifier: 's3://query-results/reports', roleArn: role } },
        tags: { team: 'ops' },
      }),
    );
    assert.equal(created.state, 'ENABLED');
    assert.match(created.scheduledQueryArn!, /^arn:aws:logs:us-east-1:000000000000:scheduled-query:[0-9a-f-]{36}$/);
    await assert.rejects(
      logs.send(new CreateScheduledQueryCommand({ name: 'errors-hourly', queryLanguage: 'CWLI', queryString: 'fields @message', scheduleExpression: 'rate(1 hour)', executionRoleArn: role })),
      { name: 'ConflictException' },
    );
    await assert.rejects(
      logs.send(new CreateScheduledQueryCommand({ name: 'bad', queryLanguage: 'CWLI', queryString: 'fields @message', scheduleExpression: 'every hour', executionRoleArn: role })),
      { name: 'ValidationException' },
    );

    aws.advanceClock('61m');
    let history;
    for (let i = 0; i < 50; i++) {
      history = await logs.send(new GetScheduledQueryHistoryCommand({ identifier: 'errors-hourly', startTime: 0, endTime: Math.ceil(aws.emulator.clock.now() / 1000) }));
      if (history.triggerHistory?.[0]?.destinations?.[0]?.status === 'COMPLETE') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const [runRecord] = history!.triggerHistory!;
    assert.equal(runRecord.executionStatus, 'Complete');
    const object = await s3.send(new GetObjectCommand({ Bucket: 'query-results', Key: `reports/errors-hourly/${runRecord.queryId}.json` }));
    const results = JSON.parse(await object.Body!.transformToString());
    assert.equal(results.status, 'Complete');
    assert.deepEqual(results.results.map((row: { field: string; value: string }[]) => row.find((f) => f.field === '@message')!.value), ['ERROR disk full']);
    assert.equal(runRecord.destinations![0].processedIdentifier, `s3://query-results/reports/errors-hourly/${runRecord.queryId}.json`);

    const got = await logs.send(new GetScheduledQueryCommand({ identifier: created.scheduledQueryArn }));
    assert.equal(got.lastExecutionStatus, 'Complete');
    assert.equal(typeof got.lastTriggeredTime, 'number');
    const updated = await logs.send(
      new UpdateScheduledQueryCommand({ identifier: 'errors-hourly', queryLanguage: 'CWLI', queryString: 'fields @message', scheduleExpression: 'cron(0 12 * * ? *)', executionRoleArn: role, state: 'DISABLED' }),
    );
    assert.equal(updated.state, 'DISABLED');
    assert.equal(updated.destinationConfiguration, undefined);
    assert.deepEqual((await logs.send(new ListScheduledQueriesCommand({ state: 'DISABLED' }))).scheduledQueries!.map((q) => q.name), ['errors-hourly']);
    await logs.send(new DeleteScheduledQueryCommand({ identifier: 'errors-hourly' }));
    await assert.rejects(logs.send(new GetScheduledQueryCommand({ identifier: 'errors-hourly' })), { name: 'ResourceNotFoundException' });
  });

  it('keeps lookup tables: fields, record counts, updates and deletes', async () => {
    const body = 'id,name,team\n1,alice,web\n2,bob,data\n';
    const { lookupTableArn } = await logs.send(new CreateLookupTableCommand({ lookupTableName: 'users', tableBody: body, description: 'who is who' }));
    assert.equal(lookupTableArn, 'arn:aws:logs:us-east-1:000000000000:lookup-table:users');
    await assert.rejects(logs.send(new CreateLookupTableCommand({ lookupTableName: 'users', tableBody: body })), { name: 'ResourceAlreadyExistsException' });
    const [described] = (await logs.send(new DescribeLookupTablesCommand({ lookupTableNamePrefix: 'us' }))).lookupTables!;
    assert.deepEqual(described.tableFields, ['id', 'name', 'team']);
    assert.equal(described.recordsCount, 2);
    assert.equal(described.sizeBytes, Buffer.byteLength(body));
    await logs.send(new UpdateLookupTableCommand({ lookupTableArn, tableBody: 'id,name\n3,carol\n' }));
    const got = await logs.send(new GetLookupTableCommand({ lookupTableArn }));
    assert.equal(got.tableBody, 'id,name\n3,carol\n');
    assert.equal(got.description, 'who is who');
    await logs.send(new DeleteLookupTableCommand({ lookupTableArn }));
    await assert.rejects(logs.send(new GetLookupTableCommand({ lookupTableArn })), { name: 'ResourceNotFoundException' });
  });
});
