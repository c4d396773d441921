import assert from 'node:assert/strict';
import {
  AssociateSourceToS3TableIntegrationCommand,
  CancelImportTaskCommand,
  CloudWatchLogsClient,
  CreateImportTaskCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteIntegrationCommand,
  DescribeImportTaskBatchesCommand,
  DescribeImportTasksCommand,
  DescribeLogGroupsCommand,
  DisassociateSourceFromS3TableIntegrationCommand,
  GetIntegrationCommand,
  GetLogFieldsCommand,
  GetLogObjectCommand,
  ListAggregateLogGroupSummariesCommand,
  ListIntegrationsCommand,
  ListLogGroupsCommand,
  ListSourcesForS3TableIntegrationCommand,
  PutIntegrationCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Request shapes and documented rules from AWS's CloudWatch Logs API reference: one OpenSearch integration per
// account, CloudTrail Lake event data stores as the only import source (managed group aws/cloudtrail/<id>), custom
// data sources named by the cw:datasource:name / cw:datasource:type tags, grouping keys dataSource.Name/.Type.
const ACCOUNT = '000000000000';
const STORE = 'f1d45bff-d0e3-4868-b5d9-2eb678aa32fb';
const storeArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:eventdatastore/${STORE}`;
const role = `arn:aws:iam::${ACCOUNT}:role/import`;

describe('CloudWatch Logs integrations, imports and data sources (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let logs: CloudWatchLogsClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs'] });
    logs = new CloudWatchLogsClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    logs.destroy();
    await aws.stop();
  });

  const fails = async (promise: Promise<unknown>, name: string, message?: RegExp) =>
    assert.rejects(promise, (e: Error) => e.name === name && (!message || message.test(e.message)));

  it('keeps one OpenSearch integration: PROVISIONING when put, then ACTIVE, never modified, deleted', async () => {
    const resourceConfig = {
      openSearchResourceConfig: {
        dataSourceRoleArn: `arn:aws:iam::${ACCOUNT}:role/os`,
        dashboardViewerPrincipals: [`arn:aws:iam::${ACCOUNT}:role/viewer`],
        retentionDays: 30,
        applicationArn: `arn:aws:opensearch:us-east-1:${ACCOUNT}:application/app1`,
      },
    };
    const put = await logs.send(new PutIntegrationCommand({ integrationName: 'dash', integrationType: 'OPENSEARCH', resourceConfig }));
    assert.deepEqual([put.integrationName, put.integrationStatus], ['dash', 'PROVISIONING']);
    await fails(logs.send(new PutIntegrationCommand({ integrationName: 'dash', integrationType: 'OPENSEARCH', resourceConfig })), 'InvalidParameterException');
    await fails(logs.send(new PutIntegrationCommand({ integrationName: 'other', integrationType: 'OPENSEARCH', resourceConfig })), 'LimitExceededException');
    await fails(
      logs.send(new PutIntegrationCommand({ integrationName: 'bad', integrationType: 'OPENSEARCH', resourceConfig: { openSearchResourceConfig: { ...resourceConfig.openSearchResourceConfig, retentionDays: 31 } } })),
      'InvalidParameterException',
    );

    const got = await logs.send(new GetIntegrationCommand({ integrationName: 'dash' }));
    assert.equal(got.integrationStatus, 'ACTIVE');
    assert.equal(got.integrationType, 'OPENSEARCH');
    assert.equal(got.integrationDetails?.openSearchIntegrationDetails?.application?.applicationArn, resourceConfig.openSearchResourceConfig.applicationArn);
    const listed = await logs.send(new ListIntegrationsCommand({ integrationNamePrefix: 'da' }));
    assert.deepEqual(listed.integrationSummaries, [{ integrationName: 'dash', integrationType: 'OPENSEARCH', integrationStatus: 'ACTIVE' }]);
    assert.deepEqual((await logs.send(new ListIntegrationsCommand({ integrationStatus: 'FAILED' }))).integrationSummaries, []);

    await logs.send(new DeleteIntegrationCommand({ integrationName: 'dash' }));
    await fails(logs.send(new GetIntegrationCommand({ integrationName: 'dash' })), 'ResourceNotFoundException');
    await fails(logs.send(new DeleteIntegrationCommand({ integrationName: 'dash' })), 'ResourceNotFoundException');
  });

  it('imports from a CloudTrail Lake event data store into its managed log group, with cancel and status filters', async () => {
    const before = aws.emulator.clock.now();
    const created = await logs.send(new CreateImportTaskCommand({ importSourceArn: storeArn, importRoleArn: role, importFilter: { startEventTime: 1000, endEventTime: 2000 } }));
    assert.equal(created.importDestinationArn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws/cloudtrail/${STORE}`);
    assert.ok(created.creationTime! >= before && created.creationTime! <= aws.emulator.clock.now());
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'aws/cloudtrail/' }));
    assert.deepEqual(groups.logGroups?.map((g) => g.logGroupName), [`aws/cloudtrail/${STORE}`]);
    await fails(logs.send(new CreateImportTaskCommand({ importSourceArn: storeArn, importRoleArn: role })), 'ConflictException');

    const [running] = (await logs.send(new DescribeImportTasksCommand({ importId: created.importId }))).imports!;
    assert.equal(running.importStatus, 'IN_PROGRESS');
    assert.deepEqual(running.importFilter, { startEventTime: 1000, endEventTime: 2000 });
    const cancelled = await logs.send(new CancelImportTaskCommand({ importId: created.importId }));
    assert.deepEqual([cancelled.importStatus, cancelled.importStatistics?.bytesImported], ['CANCELLED', 0]);
    await fails(logs.send(new CancelImportTaskCommand({ importId: created.importId })), 'InvalidOperationException', /CANCELLED/);

    const second = await logs.send(new CreateImportTaskCommand({ importSourceArn: storeArn, importRoleArn: role }));
    aws.advanceClock('5s');
    const completed = await logs.send(new DescribeImportTasksCommand({ importStatus: 'COMPLETED' }));
    assert.deepEqual(completed.imports?.map((i) => i.importId), [second.importId]);
    const bySource = await logs.send(new DescribeImportTasksCommand({ importSourceArn: storeArn }));
    assert.equal(bySource.imports?.length, 2);
    const batches = await logs.send(new DescribeImportTaskBatchesCommand({ importId: second.importId! }));
    assert.deepEqual([batches.importId, batches.importSourceArn, batches.importBatches], [second.importId, storeArn, []]);

    await fails(logs.send(new CreateImportTaskCommand({ importSourceArn: `arn:aws:s3:::bucket`, importRoleArn: role })), 'InvalidParameterException');
    await fails(logs.send(new CreateImportTaskCommand({ importSourceArn: storeArn.replace(ACCOUNT, '111122223333'), importRoleArn: role })), 'ResourceNotFoundException');
    await fails(logs.send(new CreateImportTaskCommand({ importSourceArn: storeArn, importRoleArn: role, importFilter: { startEventTime: 5, endEventTime: 1 } })), 'InvalidParameterException');
    await fails(logs.send(new DescribeImportTaskBatchesCommand({ importId: 'nope' })), 'ResourceNotFoundException');
  });

  it('associates data sources with an S3 Tables integration and lists them', async () => {
    const integrationArn = `arn:aws:observabilityadmin:us-east-1:${ACCOUNT}:s3tableintegration/abc123`;
    const a = await logs.send(new AssociateSourceToS3TableIntegrationCommand({ integrationArn, dataSource: { name: 'amazon_vpc', type: 'flow' } }));
    const b = await logs.send(new AssociateSourceToS3TableIntegrationCommand({ integrationArn, dataSource: { name: '*', type: '*' } }));
    await fails(logs.send(new AssociateSourceToS3TableIntegrationCommand({ integrationArn, dataSource: { name: 'amazon_vpc', type: 'flow' } })), 'ValidationException');
    const listed = await logs.send(new ListSourcesForS3TableIntegrationCommand({ integrationArn, maxResults: 1 }));
    assert.equal(listed.sources?.[0].identifier, a.identifier);
    assert.deepEqual([listed.sources?.[0].dataSource, listed.sources?.[0].status], [{ name: 'amazon_vpc', type: 'flow' }, 'ACTIVE']);
    const rest = await logs.send(new ListSourcesForS3TableIntegrationCommand({ integrationArn, nextToken: listed.nextToken }));
    assert.deepEqual(rest.sources?.map((s) => s.identifier), [b.identifier]);
    assert.equal((await logs.send(new DisassociateSourceFromS3TableIntegrationCommand({ identifier: a.identifier }))).identifier, a.identifier);
    await fails(logs.send(new DisassociateSourceFromS3TableIntegrationCommand({ identifier: a.identifier })), 'ResourceNotFoundException');
    await fails(logs.send(new ListSourcesForS3TableIntegrationCommand({ integrationArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:x` })), 'ValidationException');
    await fails(logs.send(new ListSourcesForS3TableIntegrationCommand({ integrationArn: integrationArn.replace(ACCOUNT, '111122223333') })), 'ResourceNotFoundException');
  });

  it('discovers data sources from log group tags: fields, aggregate summaries and the ListLogGroups filter', async () => {
    const tagged = async (name: string, tags: Record<string, string>) => {
      await logs.send(new CreateLogGroupCommand({ logGroupName: name, tags }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: 's' }));
    };
    await tagged('/app/orders-1', { 'cw:datasource:name': 'orders', 'cw:datasource:type': 'access' });
    await tagged('/app/orders-2', { 'cw:datasource:name': 'orders', 'cw:datasource:type': 'access' });
    await tagged('/app/billing', { 'cw:datasource:name': 'billing' });
    const timestamp = aws.emulator.clock.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/app/orders-1',
        logStreamName: 's',
        logEvents: [
          { timestamp, message: '{"status":200,"path":"/a","user":{"id":"u1"},"tags":["x"]}' },
          { timestamp, message: '{"status":200,"latency":1.5,"user":{"admin":true}}' },
          { timestamp, message: 'plain text' },
        ],
      }),
    );

    const fields = await logs.send(new GetLogFieldsCommand({ dataSourceName: 'orders', dataSourceType: 'access' }));
    assert.deepEqual(fields.logFields, [
      { logFieldName: 'latency', logFieldType: { type: 'double' } },
      { logFieldName: 'path', logFieldType: { type: 'string' } },
      { logFieldName: 'status', logFieldType: { type: 'long' } },
      { logFieldName: 'tags', logFieldType: { type: 'array', element: { type: 'string' } } },
      {
        logFieldName: 'user',
        logFieldType: { type: 'struct', fields: [{ logFieldName: 'admin', logFieldType: { type: 'boolean' } }, { logFieldName: 'id', logFieldType: { type: 'string' } }] },
      },
    ]);
    await fails(logs.send(new GetLogFieldsCommand({ dataSourceName: 'orders', dataSourceType: 'other' })), 'ResourceNotFoundException');

    const summaries = await logs.send(new ListAggregateLogGroupSummariesCommand({ groupBy: 'DATA_SOURCE_NAME_AND_TYPE' }));
    assert.deepEqual(summaries.aggregateLogGroupSummaries, [
      { logGroupCount: 2, groupingIdentifiers: [{ key: 'dataSource.Name', value: 'orders' }, { key: 'dataSource.Type', value: 'access' }] },
      { logGroupCount: 1, groupingIdentifiers: [{ key: 'dataSource.Name', value: 'billing' }] },
    ]);
    const filtered = await logs.send(new ListAggregateLogGroupSummariesCommand({ groupBy: 'DATA_SOURCE_NAME_AND_TYPE', logGroupNamePattern: 'bill' }));
    assert.deepEqual(filtered.aggregateLogGroupSummaries?.map((s) => s.logGroupCount), [1]);
    await fails(logs.send(new ListAggregateLogGroupSummariesCommand({ groupBy: 'NOPE' as 'DATA_SOURCE_NAME_AND_TYPE' })), 'InvalidParameterException', /enum value set/);

    const listed = await logs.send(new ListLogGroupsCommand({ dataSources: [{ name: 'orders' }] }));
    assert.deepEqual(listed.logGroups?.map((g) => g.logGroupName), ['/app/orders-1', '/app/orders-2']);
  });

  it('finds no large log object: AWS makes them only for OTLP ingestion, not served here', async () => {
    // The SDK sends GetLogObject to the `stream-` host prefix, which a local endpoint does not resolve.
    const streaming = new CloudWatchLogsClient({ endpoint: aws.endpoint, region: 'us-east-1', disableHostPrefix: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await fails(streaming.send(new GetLogObjectCommand({ logObjectPointer: 'ptr-1' })), 'ResourceNotFoundException');
    streaming.destroy();
  });
});
