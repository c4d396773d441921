import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadModel } from '../../emulator/models/load.ts';
import type { ServiceModel } from '../../emulator/models/types.ts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { ALL_SERVICE_NAMES } from '../../emulator/services/index.ts';
import { encodeRequest, type Family, type WireRequest } from './encode.ts';
import { changes, fingerprint } from './fingerprint.ts';
import { BUILT_IN_NAMES, shapeArbitrary, type Fixtures } from './model-arbitrary.ts';

/**
 * Property-based fuzzing of every served service in every protocol family it speaks: model-driven inputs (hostile
 * names, extreme numbers, wrong types, over-long strings), operation names that are JavaScript built-ins, and bodies
 * that are not the protocol at all. Seeded and bounded (TWINSTACK_FUZZ_RUNS per family, TWINSTACK_FUZZ_SEED), it
 * asserts: no 5xx but the core's honest 501 for an unimplemented operation, no crash, no hang, and no state change
 * by a request that was rejected.
 */
const RUNS = Number(process.env.TWINSTACK_FUZZ_RUNS) || 100;
const SEED = Number(process.env.TWINSTACK_FUZZ_SEED) || 20251206;
/** A comma-separated subset of the services, to chase one finding. */
const ONLY = process.env.TWINSTACK_FUZZ_SERVICES?.split(',');
const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const REQUEST_TIMEOUT_MS = 10_000;
const TRUST_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** Operations whose success holds a connection open by design (event streams of minutes). */
const HOLDS_CONNECTION = new Set(['SubscribeToShard', 'StartLiveTail']);

/** The fuzz's families for a model protocol: AWS JSON services also take CBOR bodies (Java SDK v1, KPL / KCL). */
const FAMILIES: Record<string, Family[]> = { json: ['json', 'cbor'], query: ['query'], 'rest-json': ['rest-json'], 'rest-xml': ['rest-xml'] };

/** Every served service in every protocol family its model names (and twinstack serves), derived from the models. */
const TARGETS: { service: string; families: Family[] }[] = ALL_SERVICE_NAMES.map((service) => {
  const { metadata } = loadModel(service);
  return { service, families: (metadata.protocols ?? [metadata.protocol]).flatMap((protocol) => FAMILIES[protocol] ?? []) };
});

interface Outcome {
  label: string;
  status: number;
  code: string;
}

describe('Fuzz: no 5xx, crash, hang or half-applied request for any input', function () {
  this.timeout(600_000);
  let aws: Twinstack;
  let fixtures: Fixtures;
  const counts = { requests: 0, rejected: 0, fiveHundreds: 0, notImplemented: 0, hangs: 0, stateChanges: 0 };
  let failures: string[] = [];
  /** REST and HTTP API ids, known once the fixtures are made. */
  const apiIds: string[] = [];

  before(async () => {
    // No TTL sweep between a request and its fingerprint.
    process.env.DYNAMODB_TTL_SWEEP_INTERVAL_MS = String(3_600_000);
    aws = await startTwinstack({ port: 0, services: TARGETS.map((t) => t.service), crossAccount: 'enforce' });
    const queueUrls = ['fz-queue', 'fz-queue.fifo'].map((name) => `${aws.endpoint}/${ACCOUNT}/${name}`);
    fixtures = {
      byMemberName: [
        [/QueueUrl/, [...queueUrls, `https://sqs.${REGION}.amazonaws.com/111111111111/fz-queue`]],
        [/QueueName/, ['fz-queue', 'fz-queue.fifo']],
        [/^(SourceArn|DestinationArn)$/, [`arn:aws:sqs:${REGION}:${ACCOUNT}:fz-queue`]],
        [/TableName|TableArn|ResourceArn/, ['fz-table', `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/fz-table`, `arn:aws:dynamodb:${REGION}:111111111111:table/fz-table`]],
        [/IndexName/, ['by-value']],
        [/AttributeName|^(pk|sk)$/, ['pk', 'sk', 'value']],
        [/^StreamName$/, ['fz-stream']],
        [/StreamARN|ResourceARN|StreamArn/, [`arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/fz-stream`]],
        [/ShardId/, ['shardId-000000000000', 'shardId-000000000001']],
        [/RoleArn/, [`arn:aws:iam::${ACCOUNT}:role/fuzz`]],
        [/^Bucket$/, ['fz-bucket', 'fz-missing-bucket']],
        [/^(Key|Prefix|CopySource)$/, ['fz-object', 'fz-bucket/fz-object', 'dir/']],
        [/TopicArn|TargetArn|SubscriptionArn/, [`arn:aws:sns:${REGION}:${ACCOUNT}:fz-topic`, `arn:aws:sns:${REGION}:111111111111:fz-topic`]],
        [/FunctionName/, ['fz-fn', `arn:aws:lambda:${REGION}:${ACCOUNT}:function:fz-fn`]],
        [/^(RoleName|UserName|GroupName|PolicyName)$/, ['fuzz', 'fz-user', 'default']],
        [/PolicyArn/, [`arn:aws:iam::${ACCOUNT}:policy/fz-policy`, 'arn:aws:iam::aws:policy/ReadOnlyAccess']],
        [/PolicyDocument|^Policy$/, ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}]}']],
        [/KeyId|TargetKeyId|DestinationKeyId/, ['alias/fz-key', 'alias/missing']],
        [/AliasName/, ['alias/fz-key', 'alias/fz-other']],
        [/SecretId/, ['fz-secret', `arn:aws:secretsmanager:${REGION}:111111111111:secret:fz-secret-AbCdEf`]],
        [/^Names?$/, ['fz-param', '/fz/param', 'fz-rule', 'fz-schedule', 'fz-bus']],
        [/EventBusName|^EventBus$/, ['fz-bus', 'default']],
        [/^Rule$/, ['fz-rule']],
        [/logGroupName|logGroupIdentifier/, ['fz-group']],
        [/logStreamName/, ['fz-log-stream']],
        [/AlarmNames?/, ['fz-alarm']],
        [/MetricName/, ['fz-metric']],
        [/^Namespace$/, ['fz/ns']],
        [/DeliveryStreamName/, ['fz-delivery']],
        [/stateMachineArn/, [`arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:fz-machine`]],
        [/^(restApiId|ApiId)$/, apiIds],
        [/^StackName$/, ['fz-stack']],
        [/^TypeName$/, ['AWS::Logs::LogGroup', 'AWS::SQS::Queue']],
        [/^Identifier$/, ['fz-group', 'fz-queue']],
        [/^repositoryName$/, ['fz-repo']],
      ],
    };
    // Resources addressed by generated ids exist before the requests are drawn.
    await ensureFixtures();
  });

  after(async () => {
    console.log(
      `      fuzz (seed ${SEED}): ${counts.requests} requests, ${counts.rejected} rejected with 4xx, ${counts.fiveHundreds} unmodelled 5xx, ` +
        `${counts.notImplemented} 501 NotImplemented, ${counts.hangs} hangs, ${counts.stateChanges} state changes by rejected requests, 0 crashes`,
    );
    await aws?.stop();
  });

  /** The fixture resources every run starts from (recreated when a fuzzed request deleted them). */
  async function ensureFixtures() {
    const call = (service: string, operation: string, input: object) =>
      aws.emulator.call(service, operation, input, { caller: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` }, region: REGION }).catch((e: Error) => process.env.FUZZ_DEBUG && console.log('fixture', service, operation, e.message));
    await call('sqs', 'CreateQueue', { QueueName: 'fz-queue' });
    await call('sqs', 'CreateQueue', { QueueName: 'fz-queue.fifo', Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' } });
    for (const body of ['m1', 'm2']) {
      await call('sqs', 'SendMessage', { QueueUrl: 'fz-queue', MessageBody: body, MessageAttributes: { a: { DataType: 'String', StringValue: 'v' } } });
    }
    await call('dynamodb', 'CreateTable', {
      TableName: 'fz-table',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'value', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [{ IndexName: 'by-value', KeySchema: [{ AttributeName: 'value', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    await call('dynamodb', 'PutItem', { TableName: 'fz-table', Item: { pk: { S: 'a' }, sk: { S: '1' }, value: { S: 'x' }, n: { N: '1' } } });
    await call('kinesis', 'CreateStream', { StreamName: 'fz-stream', ShardCount: 2 });
    await call('kinesis', 'PutRecord', { StreamName: 'fz-stream', Data: Buffer.from('r'), PartitionKey: 'k' });
    await call('s3', 'CreateBucket', { Bucket: 'fz-bucket' });
    await call('s3', 'PutObject', { Bucket: 'fz-bucket', Key: 'fz-object', Body: Buffer.from('object') });
    await call('sns', 'CreateTopic', { Name: 'fz-topic' });
    await call('iam', 'CreateRole', { RoleName: 'fuzz', AssumeRolePolicyDocument: TRUST_POLICY });
    await call('iam', 'CreateUser', { UserName: 'fz-user' });
    const key = (await call('kms', 'CreateKey', {})) as { KeyMetadata?: { KeyId: string } } | undefined;
    if (key?.KeyMetadata) await call('kms', 'CreateAlias', { AliasName: 'alias/fz-key', TargetKeyId: key.KeyMetadata.KeyId });
    await call('secretsmanager', 'CreateSecret', { Name: 'fz-secret', SecretString: 's', ClientRequestToken: 'fz-secret-token-0000000000000000000' });
    await call('ssm', 'PutParameter', { Name: 'fz-param', Value: 'v', Type: 'String' });
    await call('events', 'CreateEventBus', { Name: 'fz-bus' });
    await call('events', 'PutRule', { Name: 'fz-rule', EventPattern: '{"source":["fz"]}' });
    await call('scheduler', 'CreateSchedule', {
      Name: 'fz-schedule',
      ScheduleExpression: 'rate(1 day)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:fz-queue`, RoleArn: `arn:aws:iam::${ACCOUNT}:role/fuzz` },
    });
    await call('logs', 'CreateLogGroup', { logGroupName: 'fz-group' });
    await call('logs', 'CreateLogStream', { logGroupName: 'fz-group', logStreamName: 'fz-log-stream' });
    await call('firehose', 'CreateDeliveryStream', {
      DeliveryStreamName: 'fz-delivery',
      ExtendedS3DestinationConfiguration: { BucketARN: 'arn:aws:s3:::fz-bucket', RoleARN: `arn:aws:iam::${ACCOUNT}:role/fuzz` },
    });
    await call('stepfunctions', 'CreateStateMachine', {
      name: 'fz-machine',
      definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }),
      roleArn: `arn:aws:iam::${ACCOUNT}:role/fuzz`,
    });
    if (!apiIds.length) {
      const rest = (await call('apigateway', 'CreateRestApi', { name: 'fz-rest' })) as { id?: string } | undefined;
      const http = (await call('apigatewayv2', 'CreateApi', { Name: 'fz-http', ProtocolType: 'HTTP' })) as { ApiId?: string } | undefined;
      for (const id of [rest?.id, http?.ApiId]) if (id) apiIds.push(id);
    }
    await call('cloudformation', 'CreateStack', { StackName: 'fz-stack', TemplateBody: JSON.stringify({ Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } }) });
    await call('ecr', 'CreateRepository', { repositoryName: 'fz-repo' });
    await call('cloudwatch', 'PutMetricData', { Namespace: 'fz/ns', MetricData: [{ MetricName: 'fz-metric', Value: 1 }] });
    await call('cloudwatch', 'PutMetricAlarm', {
      AlarmName: 'fz-alarm',
      MetricName: 'fz-metric',
      Namespace: 'fz/ns',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  }

  async function send(service: string, label: string, wire: WireRequest): Promise<void> {
    // Metrics services publish on their own (core/service-metrics.ts) land in CloudWatch when it next reads metrics:
    // let them land (a read) before the state is read, and judge CloudWatch's state only for CloudWatch's own requests
    // (another service writes it only through those metrics), so that they are not taken for this request's.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const skip = service === 'cloudwatch' ? undefined : 'cloudwatch';
    if (!skip) await aws.emulator.call('cloudwatch', 'ListMetrics', {}, { caller: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` }, region: REGION });
    const before = fingerprint(aws.emulator, ACCOUNT, REGION, skip);
    counts.requests++;
    let response: Response;
    try {
      const method = wire.method ?? 'POST';
      const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(wire.body);
      response = await fetch(`${aws.endpoint}${wire.path ?? '/'}`, { method, headers: wire.headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      counts.hangs++;
      failures.push(`${label}: no answer (${(error as Error).name})`);
      return;
    }
    const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
    const code = response.headers.get('x-amzn-errortype') ?? /InternalFailure|NotImplemented/.exec(body)?.[0] ?? '';
    const outcome: Outcome = { label, status: response.status, code: code.split(':')[0] };
    judge(outcome, body);
    if (response.status >= 400) {
      counts.rejected++;
      const after = fingerprint(aws.emulator, ACCOUNT, REGION, skip);
      const changed = changes(before, after);
      if (changed || after.inFlight > before.inFlight) {
        counts.stateChanges++;
        failures.push(`${label}: rejected with ${response.status} but changed state:\n${changed.slice(0, 1500)}`);
      }
    }
  }

  function judge(outcome: Outcome, body: string) {
    if (outcome.status === 501 && outcome.code === 'NotImplemented') {
      counts.notImplemented++;
      return;
    }
    if (outcome.status >= 500 || outcome.code === 'InternalFailure') {
      counts.fiveHundreds++;
      failures.push(`${outcome.label}: ${outcome.status} ${body.slice(0, 300)}`);
    }
  }

  function requestsFor(model: ServiceModel, family: Family): fc.Arbitrary<{ label: string; wire: WireRequest }> {
    const operations = Object.keys(model.operations).filter((op) => !HOLDS_CONNECTION.has(op));
    const byOperation = operations.map((operation) => {
      const ref = model.operations[operation].input;
      // Half the inputs stay within the model, to reach the services' state changes; half are hostile.
      const input = ref
        ? fc.oneof(shapeArbitrary(model, ref.shape, operation, { fixtures, hostile: false }), shapeArbitrary(model, ref.shape, operation, { fixtures, hostile: true }))
        : fc.constant({});
      return input.map((value) => {
        // Long polls are bounded by the test, not by a fuzzed wait.
        if (operation === 'ReceiveMessage' && value && typeof value === 'object') Object.assign(value, { WaitTimeSeconds: 0 });
        return { label: `${model.metadata.serviceId}/${family} ${operation} ${preview(value)}`, wire: encodeRequest(model, family, operation, value) };
      });
    });
    const builtIn = fc.constantFrom(...BUILT_IN_NAMES).map((operation) => ({
      label: `${model.metadata.serviceId}/${family} built-in operation ${operation}`,
      wire: encodeRequest(model, family, operation, {}),
    }));
    const garbage = fc
      .oneof(fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)), fc.constantFrom('{', '[]', 'null', '{"a":'.repeat(2000), '\u00ff\u00fe'))
      .map((body) => {
        const wire = encodeRequest(model, family, operations[0], {});
        return { label: `${model.metadata.serviceId}/${family} garbage body`, wire: { ...wire, body: Buffer.from(body) } };
      });
    return fc.oneof({ weight: 20, arbitrary: fc.oneof(...byOperation) }, { weight: 1, arbitrary: builtIn }, { weight: 1, arbitrary: garbage });
  }

  for (const { service, families } of TARGETS.filter((t) => !ONLY || ONLY.includes(t.service))) {
    for (const family of families) {
      it(`${service} over ${family}`, async () => {
        failures = [];
        const model = loadModel(service);
        const samples = fc.sample(requestsFor(model, family), { seed: SEED, numRuns: RUNS });
        for (const [i, { label, wire }] of samples.entries()) {
          if (i % 20 === 0) await ensureFixtures();
          await send(service, label, wire);
        }
        const health = await fetch(`${aws.endpoint}/_twinstack/health`);
        assert.equal(health.status, 200, 'the emulator still answers');
        assert.deepEqual(failures, []);
      });
    }
  }
});

function preview(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : typeof v === 'string' && v.length > 40 ? `<${v.length} chars>` : v));
  return text === undefined ? '' : text.length > 400 ? `${text.slice(0, 400)}...` : text;
}
