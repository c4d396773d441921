import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, PutSubscriptionFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, PutRecordCommand, type CreateDeliveryStreamCommandInput } from '@aws-sdk/client-firehose';
import { CreateStreamCommand, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, PutRecordCommand as KinesisPutRecord } from '@aws-sdk/client-kinesis';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { createFunction } from '../lambda/support.ts';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CREDENTIALS, objects, ROLE, startTlsServer, useFirehose } from './support.ts';

// Formats come from AWS's documentation: the Lambda transformation event and result ("Transform source data in
// Amazon Data Firehose", "Required parameters for data transformation"), the processing-failed record document
// ("Handle failure in data transformation"), SNS notifications stored through Firehose ("Formatting Amazon SNS
// notifications for storage in Amazon S3 destinations") and CloudWatch Logs subscription data (gzipped DATA_MESSAGE).
const PROCESSOR = `
import base64
def handler(event, context):
    out = []
    for r in event["records"]:
        data = base64.b64decode(r["data"]).decode()
        assert r["approximateArrivalTimestamp"] > 0
        if "fail" in data:
            out.append({"recordId": r["recordId"], "result": "ProcessingFailed", "data": r["data"]})
        elif "drop" in data:
            out.append({"recordId": r["recordId"], "result": "Dropped", "data": r["data"]})
        else:
            text = (data + "-processed:" + event["deliveryStreamArn"].split("/")[-1] + "\\n").encode()
            out.append({"recordId": r["recordId"], "result": "Ok", "data": base64.b64encode(text).decode(),
                        "metadata": {"partitionKeys": {"kind": data.split(":")[0]}}})
    return {"records": out}
`;

describe('Firehose sources, transformation and deliveries from other services', function () {
  this.timeout(60_000);
  const context = useFirehose(['firehose', 's3', 'kinesis', 'lambda', 'sts', 'sns', 'logs', 'events']);
  const clients = {} as { kinesis: KinesisClient; lambda: LambdaClient; sns: SNSClient; logs: CloudWatchLogsClient; events: EventBridgeClient };
  let counter = 0;
  before(() => {
    const config = { endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    Object.assign(clients, {
      kinesis: new KinesisClient(config),
      lambda: new LambdaClient(config),
      sns: new SNSClient(config),
      logs: new CloudWatchLogsClient(config),
      events: new EventBridgeClient(config),
    });
  });
  after(() => Object.values(clients).forEach((c) => c.destroy()));

  async function stream(extended: Record<string, unknown> = {}, extra: Partial<CreateDeliveryStreamCommandInput> = {}) {
    const name = `fh-int-${++counter}`;
    const bucket = `fh-int-bucket-${counter}`;
    await context.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { DeliveryStreamARN } = await context.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 5 }, ...extended },
        ...extra,
      }),
    );
    return { name, bucket, arn: DeliveryStreamARN! };
  }

  it('reads a Kinesis stream source from the delivery stream creation on, and refuses Direct PUT to it', async () => {
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'fh-source', ShardCount: 2 }));
    const streamArn = (await clients.kinesis.send(new DescribeStreamCommand({ StreamName: 'fh-source' }))).StreamDescription!.StreamARN!;
    await clients.kinesis.send(new KinesisPutRecord({ StreamName: 'fh-source', PartitionKey: 'before', Data: Buffer.from('too early|') }));
    await new Promise((r) => setTimeout(r, 5));
    const { name, bucket } = await stream({ BufferingHints: { IntervalInSeconds: 0, SizeInMBs: 1 } }, {
      DeliveryStreamType: 'KinesisStreamAsSource',
      KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn, RoleARN: ROLE },
    });
    const { DeliveryStreamDescription } = await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }));
    assert.equal(DeliveryStreamDescription!.DeliveryStreamEncryptionConfiguration, undefined);
    await clients.kinesis.send(new KinesisPutRecord({ StreamName: 'fh-source', PartitionKey: 'k', Data: Buffer.from('from kinesis|') }));
    const written = await objects(context.s3, bucket);
    assert.equal(Buffer.concat(written.map((o) => o.body)).toString(), 'from kinesis|');
    await assert.rejects(context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('x') } })), {
      name: 'InvalidArgumentException',
      message: 'This operation is not permitted on KinesisStreamAsSource delivery stream type.',
    });
  });

  it('transforms records with a Lambda function: Ok, Dropped and ProcessingFailed, with partition keys from Lambda', async () => {
    const fn = await createFunction(clients.lambda, { 'handler.py': PROCESSOR });
    const functionArn = `arn:aws:lambda:us-east-1:000000000000:function:${fn}`;
    const { name, bucket } = await stream({
      Prefix: 'kind=!{partitionKeyFromLambda:kind}/',
      ErrorOutputPrefix: 'failed/!{firehose:error-output-type}/',
      BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 64 },
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: functionArn }] }] },
    });
    for (const data of ['a:one', 'b:two', 'a:three', 'a:drop', 'a:fail']) {
      await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from(data) } }));
    }
    context.aws.advanceClock('60s');
    const written = await objects(context.s3, bucket, 3, undefined, 30_000);
    const byPrefix = Object.fromEntries(written.map((o) => [o.key.slice(0, o.key.lastIndexOf('/') + 1), o.body.toString()]));
    assert.equal(byPrefix['kind=a/'], `a:one-processed:${name}\na:three-processed:${name}\n`);
    assert.equal(byPrefix['kind=b/'], `b:two-processed:${name}\n`);
    const failure = JSON.parse(byPrefix['failed/processing-failed/']);
    assert.equal(failure.errorCode, 'Lambda.ProcessingFailedStatus');
    assert.equal(failure.lambdaArn, functionArn);
    assert.equal(Buffer.from(failure.rawData, 'base64').toString(), 'a:fail');
    assert.deepEqual(Object.keys(failure), ['attemptsMade', 'arrivalTimestamp', 'errorCode', 'errorMessage', 'attemptEndingTimestamp', 'rawData', 'lambdaArn']);
  });

  it('receives SNS notifications through a firehose subscription (SubscriptionRoleArn), one per line, unsigned', async () => {
    const { arn, bucket } = await stream();
    const topicArn = (await clients.sns.send(new CreateTopicCommand({ Name: 'to-firehose' }))).TopicArn!;
    await assert.rejects(clients.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'firehose', Endpoint: arn })), { name: 'InvalidParameterException' });
    const { SubscriptionArn } = await clients.sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'firehose', Endpoint: arn, Attributes: { SubscriptionRoleArn: 'arn:aws:iam::000000000000:role/sns-firehose' } }),
    );
    const attributes = (await clients.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;
    assert.equal(attributes.SubscriptionRoleArn, 'arn:aws:iam::000000000000:role/sns-firehose');
    await clients.sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'first', Subject: 'one', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } }));
    await clients.sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'second' }));
    await new Promise((r) => setTimeout(r, 200));
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, bucket);
    const lines = object.body.toString().split('\n');
    assert.equal(lines.pop(), '');
    const [first, second] = lines.map((l) => JSON.parse(l));
    assert.deepEqual(Object.keys(first), ['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'UnsubscribeURL', 'MessageAttributes']);
    assert.equal(first.Message, 'first');
    assert.deepEqual(first.MessageAttributes, { k: { Type: 'String', Value: 'v' } });
    assert.equal(second.Message, 'second');
  });

  it('receives CloudWatch Logs subscription data (gzipped DATA_MESSAGE records) in Firehose and Kinesis', async () => {
    const { arn, bucket } = await stream();
    await clients.logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
    await clients.logs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'web' }));
    await assert.rejects(
      clients.logs.send(
        new PutSubscriptionFilterCommand({ logGroupName: 'app', filterName: 'to-firehose', filterPattern: 'ERROR', destinationArn: `${arn}-missing`, roleArn: ROLE }),
      ),
      { name: 'InvalidParameterException', message: 'Could not deliver test message to specified Firehose stream. Check if the given Firehose stream is in ACTIVE state.' },
    );
    await clients.logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'app', filterName: 'to-firehose', filterPattern: 'ERROR', destinationArn: arn, roleArn: ROLE }));
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'logs-target', ShardCount: 1 }));
    const kinesisArn = (await clients.kinesis.send(new DescribeStreamCommand({ StreamName: 'logs-target' }))).StreamDescription!.StreamARN!;
    await clients.logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'app', filterName: 'to-kinesis', filterPattern: '', destinationArn: kinesisArn, roleArn: ROLE }));
    const now = context.aws.clock.now();
    await clients.logs.send(
      new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'web', logEvents: [{ timestamp: now, message: 'ERROR boom' }, { timestamp: now, message: 'INFO fine' }] }),
    );
    await new Promise((r) => setTimeout(r, 200));
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, bucket);
    // Each delivery is one gzip member; a gunzip of the object reads them all: the control message, then the data.
    const messages = gunzipSync(object.body).toString().split(/(?<=\})(?=\{"messageType")/).map((m) => JSON.parse(m));
    assert.deepEqual(messages.map((m) => m.messageType), ['CONTROL_MESSAGE', 'DATA_MESSAGE']);
    const data = messages[1];
    assert.equal(data.logGroup, 'app');
    assert.equal(data.logStream, 'web');
    assert.deepEqual(data.subscriptionFilters, ['to-firehose']);
    assert.deepEqual(data.logEvents.map((e: { message: string }) => e.message), ['ERROR boom']);

    const shardId = (await clients.kinesis.send(new DescribeStreamCommand({ StreamName: 'logs-target' }))).StreamDescription!.Shards![0].ShardId!;
    const { ShardIterator } = await clients.kinesis.send(new GetShardIteratorCommand({ StreamName: 'logs-target', ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
    const { Records } = await clients.kinesis.send(new GetRecordsCommand({ ShardIterator }));
    const kinesisMessages = Records!.map((r) => JSON.parse(gunzipSync(r.Data!).toString()));
    assert.deepEqual(kinesisMessages.map((m) => m.messageType), ['CONTROL_MESSAGE', 'DATA_MESSAGE']);
    assert.deepEqual(kinesisMessages[1].logEvents.map((e: { message: string }) => e.message), ['ERROR boom', 'INFO fine']);
    assert.equal(Records![1].PartitionKey, 'web');
  });

  it('feeds two delivery streams from one Kinesis stream (AWS-validated multiple_delivery_streams scenario)', async () => {
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'fan-source', ShardCount: 1, StreamModeDetails: { StreamMode: 'PROVISIONED' } }));
    const streamArn = (await clients.kinesis.send(new DescribeStreamCommand({ StreamName: 'fan-source' }))).StreamDescription!.StreamARN!;
    const config = {
      Prefix: 'firehoseTest',
      ErrorOutputPrefix: 'firehoseTest-errors/!{firehose:error-output-type}/',
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 1 },
      CompressionFormat: 'UNCOMPRESSED' as const,
      EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' as const },
      CloudWatchLoggingOptions: { Enabled: true, LogGroupName: 'group', LogStreamName: 'stream' },
    };
    const source = { DeliveryStreamType: 'KinesisStreamAsSource' as const, KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn, RoleARN: ROLE } };
    const a = await stream(config, source);
    const b = await stream(config, source);
    await clients.kinesis.send(new KinesisPutRecord({ StreamName: 'fan-source', Data: Buffer.from('Test-message-2948294kdlsie'), PartitionKey: '1' }));
    await new Promise((r) => setTimeout(r, 1500));
    context.aws.advanceClock('1s');
    for (const { bucket } of [a, b]) {
      const written = await objects(context.s3, bucket);
      assert.equal(written.length, 1);
      assert.equal(written[0].body.toString(), 'Test-message-2948294kdlsie');
      assert.match(written[0].key, /^firehoseTest\d{4}\/\d{2}\/\d{2}\/\d{2}\//);
    }
  });

  it('names objects with the FileExtension, and accepts ErrorOutputPrefix without Prefix (AWS-validated file_extension scenario)', async () => {
    const { name, bucket } = await stream({ FileExtension: '.txt', ErrorOutputPrefix: 'errors', BufferingHints: { IntervalInSeconds: 0, SizeInMBs: 1 } });
    await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from(Buffer.from('Test-message').toString('base64')) } }));
    const [object] = await objects(context.s3, bucket);
    assert.ok(object.key.endsWith('.txt'), object.key);
  });

  it('posts records to an HTTPS endpoint in Firehose request format, through the Lambda transformation (as LocalStack test_firehose_http)', async () => {
    await assert.rejects(
      context.firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'plain-http',
          HttpEndpointDestinationConfiguration: { EndpointConfiguration: { Url: 'http://127.0.0.1:1/' }, S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::b' } },
        }),
      ),
      { name: 'ValidationException', message: /Member must satisfy regular expression pattern: https:\/\/\.\*/ },
    );
    const received: { headers: Record<string, unknown>; body: { requestId: string; timestamp: number; records: { data: string }[] } }[] = [];
    // How the endpoint answers: per AWS's response specification, a broken answer, or a 500 before a proper one.
    let mode: 'spec' | 'empty-json' | 'fail-once' = 'spec';
    // AWS only posts to https:// endpoints: a certificate made for this run, which the emulator's client is told to accept.
    const server = await startTlsServer((req, res, raw) => {
      const body = JSON.parse((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString());
      received.push({ headers: req.headers, body });
      if (mode === 'empty-json') res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else if (mode === 'fail-once' && received.length === 1) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId: body.requestId, timestamp: Date.now(), errorMessage: 'try later' }));
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId: body.requestId, timestamp: Date.now() }));
    });
    try {
      const url = `${server.base}/`;
      const fn = await createFunction(clients.lambda, { 'handler.py': PROCESSOR });
      const name = `fh-http-${++counter}`;
      await context.firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: name,
          HttpEndpointDestinationConfiguration: {
            EndpointConfiguration: { Url: url, AccessKey: 'secret-key' },
            BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
            S3BackupMode: 'FailedDataOnly',
            S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::http-backup' },
            ProcessingConfiguration: {
              Enabled: true,
              Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: `arn:aws:lambda:us-east-1:000000000000:function:${fn}` }] }],
            },
          },
        }),
      );
      const described = (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription!;
      const destination = described.Destinations![0].HttpEndpointDestinationDescription!;
      assert.deepEqual(destination.EndpointConfiguration, { Url: url }, 'the access key is not described');
      assert.equal(destination.S3DestinationDescription?.BucketARN, 'arn:aws:s3:::http-backup');
      await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('x:Hello World!') } }));
      context.aws.advanceClock('60s');
      const deadline = Date.now() + 20_000;
      while (!received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const [request] = received;
      assert.equal(request.headers['x-amz-firehose-access-key'], 'secret-key');
      assert.equal(request.headers['x-amz-firehose-request-id'], request.body.requestId);
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(Buffer.from(request.body.records[0].data, 'base64').toString(), `x:Hello World!-processed:${name}\n`);

      // A failed request is retried (same request id, on the emulator clock) within RetryOptions; GZIP bodies.
      await context.s3.send(new CreateBucketCommand({ Bucket: 'http-backup' }));
      const retrying = `fh-http-${++counter}`;
      const endpoint = (retryOptions: { DurationInSeconds: number }, encoding?: 'GZIP') => ({
        EndpointConfiguration: { Url: url, Name: 'local' },
        BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
        RetryOptions: retryOptions,
        ...(encoding ? { RequestConfiguration: { ContentEncoding: encoding } } : {}),
        S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::http-backup', ErrorOutputPrefix: 'failed/' },
      });
      await context.firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: retrying, HttpEndpointDestinationConfiguration: endpoint({ DurationInSeconds: 60 }, 'GZIP') }));
      mode = 'fail-once';
      received.length = 0;
      await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: retrying, Record: { Data: Buffer.from('retried') } }));
      await context.aws.advanceClock('60s');
      while (received.length < 1 && Date.now() < deadline + 20_000) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      await context.aws.advanceClock('1s');
      while (received.length < 2 && Date.now() < deadline + 20_000) await new Promise((r) => setTimeout(r, 20));
      assert.equal(received.length, 2);
      assert.equal(received[0].headers['content-encoding'], 'gzip');
      assert.equal(received[0].body.requestId, received[1].body.requestId);
      assert.equal(Buffer.from(received[1].body.records[0].data, 'base64').toString(), 'retried');

      // An answer off the specification (no requestId) is a failure: with no retries left, the record goes to S3.
      const invalid = `fh-http-${++counter}`;
      await context.firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: invalid, HttpEndpointDestinationConfiguration: endpoint({ DurationInSeconds: 0 }) }));
      mode = 'empty-json';
      await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: invalid, Record: { Data: Buffer.from('lost') } }));
      await context.aws.advanceClock('60s');
      const [failure] = await objects(context.s3, 'http-backup', 1, 'failed/http-endpoint-failed/');
      const document = JSON.parse(failure.body.toString());
      assert.equal(document.errorCode, 'HttpEndpoint.InvalidResponseFromDestination');
      assert.match(document.errorMessage, /^The response received from the specified endpoint is invalid\. .* Raw response received: 200 \{\}$/);
      assert.deepEqual([document.attemptsMade, Buffer.from(document.rawData, 'base64').toString(), document.httpEndpointName], [1, 'lost', 'local']);
    } finally {
      await server.close();
    }
  });

  // AWS's Redshift delivery writes the records to the intermediate S3 bucket, then COPYs them: the first step is real.
  it('writes Redshift destination records to the intermediate S3 bucket (the COPY is not run)', async () => {
    const bucket = `fh-redshift-${++counter}`;
    await context.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const name = `fh-redshift-${counter}`;
    await context.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        RedshiftDestinationConfiguration: {
          RoleARN: ROLE,
          ClusterJDBCURL: 'jdbc:redshift://cluster.abc123.us-east-1.redshift.amazonaws.com:5439/dev',
          CopyCommand: { DataTableName: 'events' },
          Username: 'user',
          Password: 'password1A',
          S3Configuration: { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${bucket}`, Prefix: 'staging/', BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 1 } },
        },
      }),
    );
    await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('row-1|') } }));
    await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('row-2|') } }));
    await context.aws.advanceClock('60s');
    const [staged] = await objects(context.s3, bucket, 1, 'staging/');
    assert.equal(staged.body.toString(), 'row-1|row-2|');
  });

  // AWS's record format conversion: JSON records (one or more objects each) become one Parquet file per buffer;
  // records that do not parse go to format-conversion-failed. twinstack has no Glue catalog: columns are inferred.
  it('converts JSON records to Parquet, and sends unparsable ones to the format-conversion-failed output', async () => {
    const conversion = {
      Enabled: true,
      SchemaConfiguration: { DatabaseName: 'db', TableName: 'events', RoleARN: ROLE, Region: 'us-east-1', CatalogId: '000000000000' },
      InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
      OutputFormatConfiguration: { Serializer: { ParquetSerDe: { Compression: 'GZIP' } } },
    };
    const { name, bucket } = await stream({ DataFormatConversionConfiguration: conversion, ErrorOutputPrefix: 'errors/', Prefix: 'data/' });
    const put = (text: string) => context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from(text) } }));
    await put('{"Id": 1, "name": "ann", "ok": true, "score": 1.5}');
    await put('{"id": 2, "name": "bob", "tags": {"x": 1}} {"id": 3}');
    await put('   ');
    await put('not json');
    await put('"a string"');
    await context.aws.advanceClock('60s');
    const [file] = await objects(context.s3, bucket, 1, 'data/');
    assert.match(file.key, /\.parquet$/);
    const { parquetReadObjects } = await import('hyparquet');
    const body = file.body.buffer.slice(file.body.byteOffset, file.body.byteOffset + file.body.byteLength);
    const rows = await parquetReadObjects({ file: body as ArrayBuffer, compressors: { GZIP: (input: Uint8Array) => new Uint8Array(gunzipSync(input)) } });
    assert.deepEqual(rows, [
      { id: 1n, name: 'ann', ok: true, score: 1.5, tags: null },
      { id: 2n, name: 'bob', ok: null, score: null, tags: '{"x":1}' },
      { id: 3n, name: null, ok: null, score: null, tags: null },
    ]);
    const failures = await objects(context.s3, bucket, 1, 'errors/format-conversion-failed/');
    const documents = failures.flatMap((f) => f.body.toString().trim().split('\n').map((line) => JSON.parse(line)));
    assert.deepEqual(
      documents.map((d) => [d.lastErrorCode, d.lastErrorMessage, Buffer.from(d.rawData, 'base64').toString()]),
      [
        ['DataFormatConversion.MalformedData', 'The record was empty or contained only whitespace.', '   '],
        ['DataFormatConversion.MalformedData', 'The record is not one or more JSON objects.', 'not json'],
        ['DataFormatConversion.MalformedData', 'The record is not one or more JSON objects.', '"a string"'],
      ],
    );
    assert.deepEqual(documents[0].dataCatalogTable, { catalogId: '000000000000', databaseName: 'db', tableName: 'events', region: 'us-east-1', versionId: 'LATEST', catalogArn: 'arn:aws:glue:us-east-1:000000000000:catalog' });
  });

  it('extracts CloudWatch Logs messages with the Decompression and CloudWatchLogProcessing processors', async () => {
    const { arn, bucket } = await stream({
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          { Type: 'Decompression', Parameters: [{ ParameterName: 'CompressionFormat', ParameterValue: 'GZIP' }] },
          { Type: 'CloudWatchLogProcessing', Parameters: [{ ParameterName: 'DataMessageExtraction', ParameterValue: 'true' }] },
        ],
      },
    });
    await clients.logs.send(new CreateLogGroupCommand({ logGroupName: 'extracted' }));
    await clients.logs.send(new CreateLogStreamCommand({ logGroupName: 'extracted', logStreamName: 's' }));
    await clients.logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'extracted', filterName: 'all', filterPattern: '', destinationArn: arn, roleArn: ROLE }));
    const now = context.aws.clock.now();
    await clients.logs.send(new PutLogEventsCommand({ logGroupName: 'extracted', logStreamName: 's', logEvents: [{ timestamp: now, message: 'first' }, { timestamp: now, message: 'second' }] }));
    await new Promise((r) => setTimeout(r, 200));
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, bucket);
    // The control message is dropped; each log event becomes a line.
    assert.equal(object.body.toString(), 'first\nsecond\n');
  });

  it('is an EventBridge target', async () => {
    const { arn, bucket } = await stream();
    await clients.events.send(new PutRuleCommand({ Name: 'to-firehose', EventPattern: JSON.stringify({ source: ['app'] }) }));
    await clients.events.send(new PutTargetsCommand({ Rule: 'to-firehose', Targets: [{ Id: 'fh', Arn: arn, RoleArn: ROLE }] }));
    await clients.events.send(new PutEventsCommand({ Entries: [{ Source: 'app', DetailType: 'thing', Detail: JSON.stringify({ n: 1 }) }] }));
    await new Promise((r) => setTimeout(r, 200));
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, bucket);
    const event = JSON.parse(object.body.toString());
    assert.equal(event.source, 'app');
    assert.deepEqual(event.detail, { n: 1 });
  });
});
