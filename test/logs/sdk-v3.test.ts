import assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteResourcePolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  DescribeMetricFiltersCommand,
  FilterLogEventsCommand,
  DescribeQueriesCommand,
  GetLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  ListTagsForResourceCommand,
  ListTagsLogGroupCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
  PutResourcePolicyCommand,
  PutRetentionPolicyCommand,
  PutSubscriptionFilterCommand,
  TagResourceCommand,
  TestMetricFilterCommand,
  UntagLogGroupCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Expected messages and shapes are AWS's, from the recorded snapshots in shared/reference/aws-snapshots/logs and
// AWS's documentation of PutLogEvents limits and filter pattern syntax.
const ACCOUNT = '000000000000';

describe('CloudWatch Logs with the AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let logs: CloudWatchLogsClient;
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${++counter}`;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['logs'] });
    logs = new CloudWatchLogsClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    logs.destroy();
    await aws.stop();
  });

  async function groupWithStream() {
    const group = fresh('/test/group');
    const stream = fresh('stream');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
    return { group, stream };
  }

  const put = (group: string, stream: string, events: { timestamp: number; message: string }[]) =>
    logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: events }));

  it('creates, describes and deletes log groups with AWS errors', async () => {
    const group = fresh('/test/group');
    await logs.send(new CreateLogGroupCommand({ logGroupName: group, tags: { env: 'testing' } }));
    await assert.rejects(logs.send(new CreateLogGroupCommand({ logGroupName: group })), {
      name: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
    });
    await assert.rejects(logs.send(new CreateLogGroupCommand({ logGroupName: 'x'.repeat(513) })), {
      name: 'InvalidParameterException',
      message: 'Invalid LogGroup or LogStream, both must have length less than or equal to 512.',
    });
    const { logGroups } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }));
    assert.equal(logGroups!.length, 1);
    const [described] = logGroups!;
    assert.equal(described.arn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:*`);
    assert.equal(described.logGroupArn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}`);
    assert.deepEqual([described.logGroupClass, described.metricFilterCount, described.storedBytes], ['STANDARD', 0, 0]);
    assert.equal(typeof described.creationTime, 'number');
    await assert.rejects(logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })), {
      name: 'InvalidParameterException',
      message: 'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
    });
    assert.deepEqual((await logs.send(new ListTagsLogGroupCommand({ logGroupName: group }))).tags, { env: 'testing' });
    await logs.send(new TagResourceCommand({ resourceArn: described.logGroupArn, tags: { a: '1' } }));
    await logs.send(new UntagLogGroupCommand({ logGroupName: group, tags: ['env'] }));
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn: described.logGroupArn }))).tags, { a: '1' });
    await logs.send(new DeleteLogGroupCommand({ logGroupName: group }));
    await assert.rejects(logs.send(new DeleteLogGroupCommand({ logGroupName: group })), {
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });

  it('keeps a stream in timestamp order when later batches carry earlier timestamps (arrival order breaks ties)', async () => {
    const { group, stream } = await groupWithStream();
    const now = aws.emulator.clock.now();
    await put(group, stream, [{ timestamp: now, message: 'a0' }, { timestamp: now + 20, message: 'a20' }, { timestamp: now + 40, message: 'a40' }]);
    await put(group, stream, [{ timestamp: now - 10, message: 'b-10' }, { timestamp: now + 20, message: 'b20' }, { timestamp: now + 50, message: 'b50' }]);
    await put(group, stream, [{ timestamp: now + 10, message: 'c10' }, { timestamp: now + 20, message: 'c20' }]);
    await put(group, stream, [{ timestamp: now + 60, message: 'd60' }]);
    const { events } = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true }));
    assert.deepEqual(events!.map((e) => e.message), ['b-10', 'a0', 'c10', 'a20', 'b20', 'c20', 'a40', 'b50', 'd60']);
  });

  it('applies PutLogEvents rules: order, 14-day and 2-hour windows', async () => {
    const { group, stream } = await groupWithStream();
    const now = aws.emulator.clock.now();
    await assert.rejects(put(group, stream, [{ timestamp: now, message: 'b' }, { timestamp: now - 1000, message: 'a' }]), {
      name: 'InvalidParameterException',
      message: 'Log events in a single PutLogEvents request must be in chronological order.',
    });
    await assert.rejects(put(group, 'missing', [{ timestamp: now, message: 'x' }]), {
      name: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
    const old = await put(group, stream, [
      { timestamp: now - 14 * 86_400_000 - 3_600_000, message: 'too old' },
      { timestamp: now - 14 * 86_400_000 - 60_000, message: 'also too old' },
      { timestamp: now - 14 * 86_400_000 + 60_000, message: 'kept' },
    ]);
    assert.deepEqual(old.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 1 });
    assert.match(old.nextSequenceToken!, /^\d+$/);
    await assert.rejects(put(group, stream, [{ timestamp: now - 2 * 86_400_000, message: 'a' }, { timestamp: now, message: 'b' }]), {
      name: 'InvalidParameterException',
      message: 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
    });
    const ahead = await put(group, stream, [
      { timestamp: now, message: 'now' },
      { timestamp: now + 3 * 3_600_000, message: 'too new' },
    ]);
    assert.deepEqual(ahead.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 1 });
    const { events } = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true }));
    assert.deepEqual(events!.map((e) => e.message), ['kept', 'now']);
    const [streamInfo] = (await logs.send(new DescribeLogStreamsCommand({ logGroupName: group }))).logStreams!;
    assert.equal(streamInfo.firstEventTimestamp, now - 14 * 86_400_000 + 60_000);
    assert.equal(streamInfo.lastEventTimestamp, now);
    assert.equal(streamInfo.arn, `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:${group}:log-stream:${stream}`);
  });

  it('pages GetLogEvents forward and backward with AWS tokens and validates limits', async () => {
    const { group, stream } = await groupWithStream();
    const now = aws.emulator.clock.now();
    await put(group, stream, Array.from({ length: 5 }, (_, i) => ({ timestamp: now - 5000 + i, message: `m${i}` })));
    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 2 }));
    assert.deepEqual(tail.events!.map((e) => e.message), ['m3', 'm4']);
    assert.match(tail.nextForwardToken!, /^f\/\d{56}$/);
    assert.match(tail.nextBackwardToken!, /^b\/\d{56}$/);
    const before = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 2, nextToken: tail.nextBackwardToken }));
    assert.deepEqual(before.events!.map((e) => e.message), ['m1', 'm2']);
    const head = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 3, startFromHead: true }));
    assert.deepEqual(head.events!.map((e) => e.message), ['m0', 'm1', 'm2']);
    const rest = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, nextToken: head.nextForwardToken }));
    assert.deepEqual(rest.events!.map((e) => e.message), ['m3', 'm4']);
    const end = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, nextToken: rest.nextForwardToken }));
    assert.deepEqual([end.events, end.nextForwardToken], [[], rest.nextForwardToken]);
    await assert.rejects(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, nextToken: 'invalid' })), {
      name: 'InvalidParameterException',
      message: 'The specified nextToken is invalid.',
    });
    await assert.rejects(logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit: 10001 })), {
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    });
  });

  it('filters events with term, JSON, space-delimited and regex patterns', async () => {
    const { group, stream } = await groupWithStream();
    const other = fresh('other');
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: other }));
    const now = aws.emulator.clock.now();
    await put(group, stream, [
      { timestamp: now - 400, message: 'ERROR database timeout' },
      { timestamp: now - 300, message: '{"level": "error", "status": 500, "path": "/api/orders", "user": {"id": 7}}' },
      { timestamp: now - 200, message: '127.0.0.1 frank [10/Oct/2000:13:55:36] "GET /index.html" 404 2326' },
    ]);
    await put(group, other, [
      { timestamp: now - 350, message: 'WARN disk almost full' },
      { timestamp: now - 100, message: '{"level": "info", "status": 200, "path": "/health"}' },
    ]);
    const filter = async (filterPattern: string, extra: object = {}) =>
      (await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern, ...extra }))).events!.map((e) => e.message);
    assert.deepEqual(await filter('ERROR'), ['ERROR database timeout']);
    assert.deepEqual(await filter('?ERROR ?WARN'), ['ERROR database timeout', 'WARN disk almost full']);
    assert.deepEqual(await filter('"disk almost"'), ['WARN disk almost full']);
    assert.deepEqual((await filter('{ $.status = 500 }')).length, 1);
    assert.deepEqual((await filter('{ $.status >= 200 && $.path = "/api*" }')).length, 1);
    assert.deepEqual((await filter('{ ($.status = 200) || ($.user.id = 7) }')).length, 2);
    assert.deepEqual((await filter('{ $.missing NOT EXISTS && $.level = "info" }')).length, 1);
    assert.deepEqual(await filter('[ip, user, timestamp, request = "*html*", status = 4*, size > 1000]'), [
      '127.0.0.1 frank [10/Oct/2000:13:55:36] "GET /index.html" 404 2326',
    ]);
    assert.deepEqual(await filter('%disk|timeout%'), ['ERROR database timeout', 'WARN disk almost full']);
    assert.deepEqual((await filter('', { logStreamNames: [other] })).length, 2);
    const events = (await logs.send(new FilterLogEventsCommand({ logGroupName: group }))).events!;
    assert.deepEqual(events.map((e) => e.timestamp), [now - 400, now - 350, now - 300, now - 200, now - 100]);
    assert.ok(events.every((e) => /^\d{56}$/.test(e.eventId!) && e.logStreamName && e.ingestionTime));
    const first = await logs.send(new FilterLogEventsCommand({ logGroupName: group, limit: 3 }));
    const second = await logs.send(new FilterLogEventsCommand({ logGroupName: group, nextToken: first.nextToken }));
    assert.deepEqual([...first.events!, ...second.events!].map((e) => e.eventId), events.map((e) => e.eventId));
    assert.equal(second.nextToken, undefined);
    await assert.rejects(logs.send(new FilterLogEventsCommand({ logGroupName: group, nextToken: 'nope' })), {
      name: 'InvalidParameterException',
      message: 'The specified nextToken is invalid.',
    });
  });

  it('applies retention for real as the clock moves', async () => {
    const { group, stream } = await groupWithStream();
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: group, retentionInDays: 1 }));
    await put(group, stream, [{ timestamp: aws.emulator.clock.now(), message: 'short-lived' }]);
    assert.equal((await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream }))).events!.length, 1);
    aws.emulator.clock.advance(86_400_000 + 1000);
    assert.equal((await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream }))).events!.length, 0);
    const [described] = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }))).logGroups!;
    assert.equal(described.retentionInDays, 1);
    await assert.rejects(logs.send(new PutRetentionPolicyCommand({ logGroupName: group, retentionInDays: 2 })), { name: 'InvalidParameterException' });
  });

  it('keeps metric filters and tests patterns', async () => {
    const { group } = await groupWithStream();
    await logs.send(
      new PutMetricFilterCommand({
        logGroupName: group,
        filterName: 'errors',
        filterPattern: '{ $.level = "error" }',
        metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1', defaultValue: 0 }],
      }),
    );
    const { metricFilters } = await logs.send(new DescribeMetricFiltersCommand({ logGroupName: group }));
    assert.deepEqual(
      metricFilters!.map(({ creationTime, ...rest }) => (assert.equal(typeof creationTime, 'number'), rest)),
      [
        {
          filterName: 'errors',
          filterPattern: '{ $.level = "error" }',
          logGroupName: group,
          applyOnTransformedLogs: false,
          metricTransformations: [{ metricName: 'Errors', metricNamespace: 'App', metricValue: '1', defaultValue: 0 }],
        },
      ],
    );
    const tested = await logs.send(
      new TestMetricFilterCommand({ filterPattern: '[ip, user, status = 5*, size]', logEventMessages: ['1.2.3.4 bob 503 10', '1.2.3.4 bob 200 10'] }),
    );
    assert.deepEqual(tested.matches, [
      { eventNumber: 1, eventMessage: '1.2.3.4 bob 503 10', extractedValues: { $ip: '1.2.3.4', $user: 'bob', $status: '503', $size: '10' } },
    ]);
  });

  it('validates subscription filters and resource policies as AWS does', async () => {
    const { group } = await groupWithStream();
    await assert.rejects(
      logs.send(
        new PutSubscriptionFilterCommand({ logGroupName: group, filterName: 'k', filterPattern: '', destinationArn: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/s` }),
      ),
      { name: 'InvalidParameterException', message: 'destinationArn for vendor kinesis cannot be used without roleArn' },
    );
    await assert.rejects(
      logs.send(
        new PutSubscriptionFilterCommand({ logGroupName: group, filterName: 'l', filterPattern: '', destinationArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }),
      ),
      {
        name: 'AccessDeniedException',
        message: 'Cross-account lambda invocation passing is not allowed. You must use DestinationPolicies to create cross account lambda triggers.',
      },
    );
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'route53.amazonaws.com' }, Action: 'logs:*', Resource: '*' }] });
    const { resourcePolicy } = await logs.send(new PutResourcePolicyCommand({ policyName: 'p1', policyDocument: document }));
    assert.deepEqual([resourcePolicy!.policyName, resourcePolicy!.policyScope, resourcePolicy!.policyDocument], ['p1', 'ACCOUNT', document]);
    await assert.rejects(logs.send(new DeleteResourcePolicyCommand({ policyName: 'non-existent' })), {
      name: 'ResourceNotFoundException',
      message: 'Policy with name [non-existent] does not exist.',
    });
  });

  it('runs Logs Insights queries: fields, filter, parse, stats, sort, limit', async () => {
    const { group, stream } = await groupWithStream();
    const now = aws.emulator.clock.now();
    await put(group, stream, [
      { timestamp: now - 5000, message: '{"path": "/a", "status": 200, "latency": 10}' },
      { timestamp: now - 4000, message: '{"path": "/a", "status": 500, "latency": 30}' },
      { timestamp: now - 3000, message: '{"path": "/b", "status": 503, "latency": 50}' },
      { timestamp: now - 2000, message: 'user=alice action=login' },
      { timestamp: now - 1000, message: 'user=bob action=logout' },
    ]);
    const run = async (queryString: string) => {
      const window = { startTime: Math.floor(now / 1000) - 60, endTime: Math.floor(now / 1000) + 60 };
      const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: group, queryString, ...window }));
      const out = await logs.send(new GetQueryResultsCommand({ queryId }));
      assert.equal(out.status, 'Complete');
      return out.results!.map((row) => Object.fromEntries(row.filter((f) => f.field !== '@ptr').map((f) => [f.field, f.value])));
    };
    assert.deepEqual(await run('fields path, status | filter status >= 500 | sort latency desc | limit 1'), [{ path: '/b', status: '503' }]);
    assert.deepEqual(await run('filter ispresent(path) | stats count(*) as n, avg(latency) as avgLatency by path | sort path'), [
      { path: '/a', n: '2', avgLatency: '20' },
      { path: '/b', n: '1', avgLatency: '50' },
    ]);
    assert.deepEqual(await run('parse @message "user=* action=*" as user, action | filter action = "login" | fields user'), [{ user: 'alice' }]);
    assert.deepEqual(await run('fields @message | filter @message like /logout/'), [{ '@message': 'user=bob action=logout' }]);
    const { queries } = await logs.send(new DescribeQueriesCommand({ logGroupName: group }));
    assert.equal(queries!.length, 4);
    assert.match(queries![0].queryString!, new RegExp(`^SOURCE "${group}" START=\\d+000 END=\\d+999 \\| fields @message`));
    await assert.rejects(logs.send(new StartQueryCommand({ logGroupName: 'missing', queryString: 'fields @message', startTime: 0, endTime: 1 })), {
      name: 'ResourceNotFoundException',
      message: new RegExp(`^Log group 'missing' does not exist for account ID '${ACCOUNT}' \\(Service: AWSLogs; Status Code: 400;`),
    });
  });
});
