import assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  CreateLogAnomalyDetectorCommand,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteAccountPolicyCommand,
  DeleteDataProtectionPolicyCommand,
  DeleteLogAnomalyDetectorCommand,
  DeleteQueryDefinitionCommand,
  DeleteTransformerCommand,
  DescribeAccountPoliciesCommand,
  DescribeFieldIndexesCommand,
  DescribeIndexPoliciesCommand,
  DescribeLogGroupsCommand,
  DescribeQueryDefinitionsCommand,
  FilterLogEventsCommand,
  GetDataProtectionPolicyCommand,
  GetLogAnomalyDetectorCommand,
  GetLogEventsCommand,
  GetLogGroupFieldsCommand,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  GetTransformerCommand,
  ListAnomaliesCommand,
  ListLogAnomalyDetectorsCommand,
  ListLogGroupsForQueryCommand,
  PutAccountPolicyCommand,
  PutDataProtectionPolicyCommand,
  PutIndexPolicyCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
  PutQueryDefinitionCommand,
  PutTransformerCommand,
  StartQueryCommand,
  TestMetricFilterCommand,
  TestTransformerCommand,
  UpdateLogAnomalyDetectorCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Policy documents, processor parameters and transformed shapes follow AWS's documentation of data protection
// policies, log transformers (processor examples) and field index policies.
const ACCOUNT = '000000000000';
const identifier = (name: string) => `arn:aws:dataprotection::aws:data-identifier/${name}`;
const protection = (names: string[]) =>
  JSON.stringify({
    Name: 'data-protection-policy',
    Version: '2021-06-01',
    Statement: [
      { Sid: 'audit', DataIdentifier: names, Operation: { Audit: { FindingsDestination: {} } } },
      { Sid: 'redact', DataIdentifier: names, Operation: { Deidentify: { MaskConfig: {} } } },
    ],
    Configuration: { CustomDataIdentifier: [{ Name: 'EmployeeId', Regex: 'EmployeeId-\\d{9}' }] },
  });

describe('CloudWatch Logs newer features (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let logs: CloudWatchLogsClient;
  let counter = 0;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs', 'cloudwatch'] });
    logs = new CloudWatchLogsClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    logs.destroy();
    await aws.stop();
  });

  async function group(): Promise<string> {
    const name = `/newer/group-${++counter}`;
    await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: name, logStreamName: 's' }));
    return name;
  }
  const put = (name: string, ...messages: string[]) =>
    logs.send(new PutLogEventsCommand({ logGroupName: name, logStreamName: 's', logEvents: messages.map((message) => ({ timestamp: aws.emulator.clock.now(), message })) }));

  it('masks what a data protection policy finds in events ingested after it, unless asked to unmask', async () => {
    const name = await group();
    await put(name, 'before policy: alice@example.com');
    const policyDocument = protection([identifier('EmailAddress'), 'EmployeeId']);
    const putPolicy = await logs.send(new PutDataProtectionPolicyCommand({ logGroupIdentifier: name, policyDocument }));
    assert.equal(putPolicy.policyDocument, policyDocument);
    assert.equal(typeof putPolicy.lastUpdatedTime, 'number');
    await put(name, 'mail bob@example.org for EmployeeId-123456789', 'nothing to hide');

    const masked = await logs.send(new GetLogEventsCommand({ logGroupName: name, logStreamName: 's', startFromHead: true }));
    assert.deepEqual(masked.events!.map((e) => e.message), [
      'before policy: alice@example.com',
      'mail *************** for ********************',
      'nothing to hide',
    ]);
    const unmasked = await logs.send(new FilterLogEventsCommand({ logGroupName: name, unmask: true }));
    assert.equal(unmasked.events![1].message, 'mail bob@example.org for EmployeeId-123456789');
    assert.equal((await logs.send(new FilterLogEventsCommand({ logGroupName: name }))).events![1].message, 'mail *************** for ********************');
    const described = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
    assert.equal(described.logGroups![0].dataProtectionStatus, 'ACTIVATED');
    assert.equal((await logs.send(new GetDataProtectionPolicyCommand({ logGroupIdentifier: name }))).policyDocument, policyDocument);

    await assert.rejects(logs.send(new PutDataProtectionPolicyCommand({ logGroupIdentifier: name, policyDocument: '{"Name":"x","Version":"2021-06-01","Statement":[]}' })), {
      name: 'InvalidParameterException',
    });
    await logs.send(new DeleteDataProtectionPolicyCommand({ logGroupIdentifier: name }));
    assert.equal((await logs.send(new GetDataProtectionPolicyCommand({ logGroupIdentifier: name }))).policyDocument, undefined);
    await assert.rejects(logs.send(new DeleteDataProtectionPolicyCommand({ logGroupIdentifier: name })), { name: 'ResourceNotFoundException' });
  });

  it('applies an account data protection policy to groups its selection does not leave out, and lists account policies', async () => {
    const name = await group();
    const { accountPolicy } = await logs.send(
      new PutAccountPolicyCommand({ policyName: 'mask-all', policyType: 'DATA_PROTECTION_POLICY', policyDocument: protection([identifier('EmailAddress')]), scope: 'ALL' }),
    );
    assert.equal(accountPolicy!.accountId, ACCOUNT);
    assert.equal(accountPolicy!.scope, 'ALL');
    await put(name, 'to carol@example.net');
    assert.equal((await logs.send(new FilterLogEventsCommand({ logGroupName: name }))).events![0].message, `to ${'*'.repeat('carol@example.net'.length)}`);
    await assert.rejects(
      logs.send(new PutAccountPolicyCommand({ policyName: 'second', policyType: 'DATA_PROTECTION_POLICY', policyDocument: protection([identifier('EmailAddress')]) })),
      { name: 'LimitExceededException' },
    );
    await logs.send(
      new PutAccountPolicyCommand({
        policyName: 'subs',
        policyType: 'SUBSCRIPTION_FILTER_POLICY',
        policyDocument: JSON.stringify({ DestinationArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', FilterPattern: '' }),
        selectionCriteria: 'LogGroupName NOT IN ["excluded"]',
      }),
    );
    const listed = await logs.send(new DescribeAccountPoliciesCommand({ policyType: 'SUBSCRIPTION_FILTER_POLICY' }));
    assert.deepEqual(listed.accountPolicies!.map((p) => [p.policyName, p.selectionCriteria]), [['subs', 'LogGroupName NOT IN ["excluded"]']]);
    await logs.send(new DeleteAccountPolicyCommand({ policyName: 'mask-all', policyType: 'DATA_PROTECTION_POLICY' }));
    await logs.send(new DeleteAccountPolicyCommand({ policyName: 'subs', policyType: 'SUBSCRIPTION_FILTER_POLICY' }));
    await assert.rejects(logs.send(new DeleteAccountPolicyCommand({ policyName: 'subs', policyType: 'SUBSCRIPTION_FILTER_POLICY' })), { name: 'ResourceNotFoundException' });
  });

  it('tests, puts and applies transformers at ingestion; metric filters read transformed events when asked', async () => {
    const transformerConfig = [
      { parseKeyValue: { fieldDelimiter: ' ', keyValueDelimiter: '=' } },
      { addKeys: { entries: [{ key: 'env', value: 'prod' }] } },
      { typeConverter: { entries: [{ key: 'latency', type: 'integer' as const }] } },
      { renameKeys: { entries: [{ key: 'lvl', renameTo: 'level' }] } },
      { upperCaseString: { withKeys: ['level'] } },
    ];
    const tested = await logs.send(new TestTransformerCommand({ transformerConfig, logEventMessages: ['lvl=warn latency=250 path=/a'] }));
    assert.deepEqual(tested.transformedLogs, [
      { eventNumber: 1, eventMessage: 'lvl=warn latency=250 path=/a', transformedEventMessage: JSON.stringify({ latency: 250, path: '/a', env: 'prod', level: 'WARN' }) },
    ]);
    const grok = await logs.send(
      new TestTransformerCommand({
        transformerConfig: [{ grok: { match: '%{NUMBER:version} %{HOSTNAME:hostname} %{NOTSPACE:status} %{QUOTEDSTRING:logMsg}' } }],
        logEventMessages: ['293750 server-01.internal-network.local OK "[Thread-000] token generated"'],
      }),
    );
    assert.deepEqual(JSON.parse(grok.transformedLogs![0].transformedEventMessage!), {
      version: '293750',
      hostname: 'server-01.internal-network.local',
      status: 'OK',
      logMsg: '"[Thread-000] token generated"',
    });
    const csv = await logs.send(new TestTransformerCommand({ transformerConfig: [{ csv: {} }], logEventMessages: ['a,"b,c",d'] }));
    assert.deepEqual(JSON.parse(csv.transformedLogs![0].transformedEventMessage!), { column_1: 'a', column_2: 'b,c', column_3: 'd' });
    await assert.rejects(logs.send(new TestTransformerCommand({ transformerConfig: [{ addKeys: { entries: [{ key: 'a', value: 'b' }] } }], logEventMessages: ['x'] })), {
      name: 'InvalidParameterException',
    });

    const name = await group();
    await logs.send(new PutTransformerCommand({ logGroupIdentifier: name, transformerConfig }));
    const got = await logs.send(new GetTransformerCommand({ logGroupIdentifier: name }));
    assert.deepEqual(got.transformerConfig, transformerConfig);
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: name,
        filterName: 'slow',
        filterPattern: '{ $.latency > 200 }',
        applyOnTransformedLogs: true,
        metricTransformations: [{ metricName: 'Slow', metricNamespace: 'Transformed', metricValue: '$.latency' }],
      }),
    );
    await put(name, 'lvl=info latency=250 path=/b');
    const cloudwatch = new CloudWatchClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const stats = await cloudwatch.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Transformed',
        MetricName: 'Slow',
        StartTime: new Date(aws.emulator.clock.now() - 3_600_000),
        EndTime: new Date(aws.emulator.clock.now() + 60_000),
        Period: 3600,
        Statistics: ['Sum'],
      }),
    );
    cloudwatch.destroy();
    assert.equal(stats.Datapoints![0].Sum, 250);
    // The stored event stays what was put.
    assert.equal((await logs.send(new FilterLogEventsCommand({ logGroupName: name }))).events![0].message, 'lvl=info latency=250 path=/b');
    assert.equal((await logs.send(new TestMetricFilterCommand({ filterPattern: '{ $.latency > 200 }', logEventMessages: ['{"latency": 250}'] }))).matches!.length, 1);
    await logs.send(new DeleteTransformerCommand({ logGroupIdentifier: name }));
    await assert.rejects(logs.send(new GetTransformerCommand({ logGroupIdentifier: name })), { name: 'ResourceNotFoundException' });
  });

  it('saves, lists, updates and deletes query definitions', async () => {
    const { queryDefinitionId } = await logs.send(new PutQueryDefinitionCommand({ name: 'errors/recent', queryString: 'fields @message | filter @message like /ERROR/', logGroupNames: ['/a'] }));
    await logs.send(new PutQueryDefinitionCommand({ name: 'other', queryString: 'stats count(*)' }));
    await logs.send(new PutQueryDefinitionCommand({ queryDefinitionId, name: 'errors/recent', queryString: 'fields @message | limit 5' }));
    const listed = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'errors' }));
    assert.equal(listed.queryDefinitions!.length, 1);
    assert.deepEqual(
      { ...listed.queryDefinitions![0], lastModified: undefined },
      { queryLanguage: 'CWLI', queryDefinitionId, name: 'errors/recent', queryString: 'fields @message | limit 5', lastModified: undefined },
    );
    assert.deepEqual(await logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId })).then((r) => r.success), true);
    await assert.rejects(logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId })), { name: 'ResourceNotFoundException' });
    await assert.rejects(logs.send(new PutQueryDefinitionCommand({ queryDefinitionId, name: 'x', queryString: 'fields @message' })), { name: 'ResourceNotFoundException' });
  });

  it('indexes fields by policy, and reads fields and records of events', async () => {
    const name = await group();
    await put(name, JSON.stringify({ requestId: 'r1', user: { id: 7 } }), 'plain text');
    const { indexPolicy } = await logs.send(new PutIndexPolicyCommand({ logGroupIdentifier: name, policyDocument: JSON.stringify({ Fields: ['requestId', 'missing'] }) }));
    assert.equal(indexPolicy!.source, 'LOG_GROUP');
    assert.equal(indexPolicy!.logGroupIdentifier, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`);
    const policies = await logs.send(new DescribeIndexPoliciesCommand({ logGroupIdentifiers: [name] }));
    assert.equal(policies.indexPolicies!.length, 1);
    const indexes = await logs.send(new DescribeFieldIndexesCommand({ logGroupIdentifiers: [name] }));
    assert.deepEqual(indexes.fieldIndexes!.map((f) => [f.fieldIndexName, f.type, typeof f.firstEventTime]), [['requestId', 'FIELD_INDEX', 'number'], ['missing', 'FIELD_INDEX', 'undefined']]);

    const fields = await logs.send(new GetLogGroupFieldsCommand({ logGroupName: name }));
    const percent = Object.fromEntries(fields.logGroupFields!.map((f) => [f.name, f.percent]));
    assert.equal(percent['@message'], 100);
    assert.equal(percent['requestId'], 50);
    assert.equal(percent['user.id'], 50);

    const now = Math.floor(aws.emulator.clock.now() / 1000);
    const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: name, startTime: now - 60, endTime: now + 60, queryString: 'fields requestId | filter ispresent(requestId)' }));
    const results = await logs.send(new GetQueryResultsCommand({ queryId }));
    const ptr = results.results![0].find((f) => f.field === '@ptr')!.value!;
    const record = await logs.send(new GetLogRecordCommand({ logRecordPointer: ptr }));
    assert.equal(record.logRecord!.requestId, 'r1');
    assert.equal(record.logRecord!['user.id'], '7');
    assert.equal(record.logRecord!['@log'], `${ACCOUNT}:${name}`);
    await assert.rejects(logs.send(new GetLogRecordCommand({ logRecordPointer: 'bm90IGEgcG9pbnRlcg==' })), { name: 'InvalidParameterException' });
    const groups = await logs.send(new ListLogGroupsForQueryCommand({ queryId }));
    assert.deepEqual(groups.logGroupIdentifiers, [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`]);
  });

  it('keeps anomaly detectors, pauses and deletes them; none ever finds an anomaly here', async () => {
    const name = await group();
    const groupArn = `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${name}`;
    const { anomalyDetectorArn } = await logs.send(new CreateLogAnomalyDetectorCommand({ logGroupArnList: [groupArn], detectorName: 'd1', evaluationFrequency: 'FIVE_MIN' }));
    assert.match(anomalyDetectorArn!, /^arn:aws:logs:us-east-1:000000000000:anomaly-detector:[0-9a-f-]{36}$/);
    const got = await logs.send(new GetLogAnomalyDetectorCommand({ anomalyDetectorArn }));
    assert.equal(got.detectorName, 'd1');
    assert.equal(got.anomalyVisibilityTime, 21);
    await logs.send(new UpdateLogAnomalyDetectorCommand({ anomalyDetectorArn, enabled: false }));
    assert.equal((await logs.send(new GetLogAnomalyDetectorCommand({ anomalyDetectorArn }))).anomalyDetectorStatus, 'PAUSED');
    assert.equal((await logs.send(new ListLogAnomalyDetectorsCommand({ filterLogGroupArn: groupArn }))).anomalyDetectors!.length, 1);
    assert.deepEqual((await logs.send(new ListAnomaliesCommand({ anomalyDetectorArn }))).anomalies, []);
    await logs.send(new DeleteLogAnomalyDetectorCommand({ anomalyDetectorArn }));
    await assert.rejects(logs.send(new GetLogAnomalyDetectorCommand({ anomalyDetectorArn })), { name: 'ResourceNotFoundException' });
    await assert.rejects(logs.send(new CreateLogAnomalyDetectorCommand({ logGroupArnList: [`${groupArn}-missing`] })), { name: 'ResourceNotFoundException' });
  });
});
