import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import {
  CreateDeliveryStreamCommand,
  DeleteDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  ListDeliveryStreamsCommand,
  ListTagsForDeliveryStreamCommand,
  PutRecordBatchCommand,
  PutRecordCommand,
  StartDeliveryStreamEncryptionCommand,
  StopDeliveryStreamEncryptionCommand,
  TagDeliveryStreamCommand,
  UntagDeliveryStreamCommand,
  UpdateDestinationCommand,
  type CreateDeliveryStreamCommandInput,
} from '@aws-sdk/client-firehose';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { unzipSync } from 'fflate';
import { uncompress } from 'snappyjs';
import { objects, ROLE, useFirehose } from './support.ts';

// Expectations come from AWS's documentation: object names `<prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid>`
// with the default `yyyy/MM/dd/HH/` prefix ("Configure Amazon S3 object name format"), custom prefixes and their
// namespaces ("Understand custom prefixes for Amazon S3 objects"), buffering hints (5 MiB / 300 s by default), the
// Describe defaults of the API reference, and the model's limits (500 records, 1,000 KiB per record).
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const T0 = Date.UTC(2030, 0, 2, 3, 4, 5);
// The emulator clock keeps running after it is set: times are T0 plus the test's own few seconds.
const nearT0 = (time: number | undefined) => assert.ok(time !== undefined && time >= T0 && time < T0 + 5000, `${time} is not T0`);
const SECOND = '0[5-9]';

describe('Firehose with the AWS SDK v3', function () {
  this.timeout(30_000);
  const context = useFirehose();
  let counter = 0;

  async function bucket() {
    const name = `fh-bucket-${++counter}`;
    await context.s3.send(new CreateBucketCommand({ Bucket: name }));
    return name;
  }

  async function stream(extended: Record<string, unknown>, extra: Partial<CreateDeliveryStreamCommandInput> = {}) {
    const name = `fh-stream-${++counter}`;
    const Bucket = await bucket();
    const out = await context.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: name,
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: `arn:aws:s3:::${Bucket}`, ...extended },
        ...extra,
      }),
    );
    return { name, bucket: Bucket, arn: out.DeliveryStreamARN! };
  }

  beforeEach(() => context.aws.clock.set(T0));
  after(() => context.aws.clock.reset());

  it('creates, describes with AWS defaults, lists and deletes delivery streams', async () => {
    const { name, bucket: Bucket, arn } = await stream({});
    assert.equal(arn, `arn:aws:firehose:us-east-1:000000000000:deliverystream/${name}`);
    const d = (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription!;
    assert.equal(d.DeliveryStreamStatus, 'ACTIVE');
    assert.equal(d.DeliveryStreamType, 'DirectPut');
    assert.equal(d.VersionId, '1');
    assert.equal(d.HasMoreDestinations, false);
    assert.deepEqual(d.DeliveryStreamEncryptionConfiguration, { Status: 'DISABLED' });
    nearT0(d.CreateTimestamp?.getTime());
    const [dest] = d.Destinations!;
    assert.equal(dest.DestinationId, 'destinationId-000000000001');
    const expected = {
      RoleARN: ROLE,
      BucketARN: `arn:aws:s3:::${Bucket}`,
      BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 300 },
      CompressionFormat: 'UNCOMPRESSED',
      EncryptionConfiguration: { NoEncryptionConfig: 'NoEncryption' },
      CloudWatchLoggingOptions: { Enabled: false },
    };
    assert.deepEqual(dest.S3DestinationDescription, expected);
    assert.deepEqual(dest.ExtendedS3DestinationDescription, { ...expected, S3BackupMode: 'Disabled' });

    const listed = await context.firehose.send(new ListDeliveryStreamsCommand({}));
    assert.ok(listed.DeliveryStreamNames!.includes(name));
    const paged = await context.firehose.send(new ListDeliveryStreamsCommand({ Limit: 1 }));
    assert.equal(paged.DeliveryStreamNames!.length, 1);

    await context.firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: name }));
    await assert.rejects(context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name })), {
      name: 'ResourceNotFoundException',
      message: `Firehose ${name} under account 000000000000 not found.`,
    });
  });

  it('buffers Direct PUT records until the interval passes, then writes one object with the default key layout', async () => {
    const { name, bucket: Bucket } = await stream({});
    const one = await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('a,') } }));
    assert.equal(one.RecordId!.length, 224);
    assert.equal(one.Encrypted, false);
    const batch = await context.firehose.send(
      new PutRecordBatchCommand({ DeliveryStreamName: name, Records: [{ Data: Buffer.from('b,') }, { Data: Buffer.from('c') }] }),
    );
    assert.equal(batch.FailedPutCount, 0);
    assert.equal(batch.RequestResponses!.length, 2);
    assert.ok(batch.RequestResponses!.every((r) => r.RecordId && !r.ErrorCode));
    assert.deepEqual(await objects(context.s3, Bucket, 1, undefined, 300), [], 'nothing is written before the buffer interval');
    context.aws.advanceClock('300s');
    const [object] = await objects(context.s3, Bucket);
    assert.match(object.key, new RegExp(`^2030/01/02/03/${name}-1-2030-01-02-03-04-${SECOND}-${UUID}$`));
    assert.equal(object.body.toString(), 'a,b,c');
  });

  it('writes as soon as the buffer reaches SizeInMBs', async () => {
    const { name, bucket: Bucket } = await stream({ BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 } });
    const record = Buffer.alloc(300 * 1024, 'x');
    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: [{ Data: record }, { Data: record }, { Data: record }, { Data: record }] }));
    const [object] = await objects(context.s3, Bucket);
    assert.equal(object.body.length, 4 * 300 * 1024);
  });

  it('evaluates timestamp and firehose namespaces in custom prefixes, in the stream time zone, and compresses with GZIP', async () => {
    const { name, bucket: Bucket } = await stream({
      Prefix: "logs/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:random-string}/",
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      CompressionFormat: 'GZIP',
      CustomTimeZone: 'Asia/Tokyo',
      BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 5 },
    });
    await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('{"n":1}\n') } }));
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, Bucket);
    // 03:04:05 UTC is 12:04:05 in Tokyo.
    assert.match(object.key, new RegExp(`^logs/year=2030/month=01/day=02/hour=12/[A-Za-z0-9]{11}/${name}-1-2030-01-02-12-04-${SECOND}-${UUID}\\.gz$`));
    assert.equal(gunzipSync(object.body).toString(), '{"n":1}\n');
  });

  it('compresses with ZIP, Snappy (framing format) and HADOOP_SNAPPY', async () => {
    const text = 'snappy snappy snappy data\n'.repeat(100);
    for (const [format, extension, decode] of [
      ['ZIP', '.zip', (b: Buffer) => Buffer.from(Object.values(unzipSync(b))[0]).toString()],
      ['Snappy', '.snappy', (b: Buffer) => {
        assert.deepEqual([...b.subarray(0, 10)], [0xff, 6, 0, 0, ...Buffer.from('sNaPpY')]);
        assert.equal(b[10], 0);
        return Buffer.from(uncompress(b.subarray(18, 14 + b.readUIntLE(11, 3)))).toString();
      }],
      ['HADOOP_SNAPPY', '.hsnappy', (b: Buffer) => {
        assert.equal(b.readUInt32BE(0), text.length);
        return Buffer.from(uncompress(b.subarray(8, 8 + b.readUInt32BE(4)))).toString();
      }],
    ] as const) {
      const { name, bucket: Bucket } = await stream({ CompressionFormat: format, BufferingHints: { IntervalInSeconds: 0, SizeInMBs: 1 } });
      await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from(text) } }));
      context.aws.advanceClock(1);
      const [object] = await objects(context.s3, Bucket);
      assert.ok(object.key.endsWith(extension), object.key);
      assert.equal(decode(object.body), text, format);
    }
  });

  it('partitions records on JSON keys with inline parsing (jq) and sends unparsable records to the error prefix', async () => {
    const { name, bucket: Bucket } = await stream({
      Prefix: 'data/customer=!{partitionKeyFromQuery:customer}/year=!{partitionKeyFromQuery:year}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: {
        Enabled: true,
        Processors: [
          {
            Type: 'MetadataExtraction',
            Parameters: [
              { ParameterName: 'MetadataExtractionQuery', ParameterValue: '{customer: .customer.id, year: .ts|strftime("%Y")}' },
              { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' },
            ],
          },
          { Type: 'AppendDelimiterToRecord', Parameters: [{ ParameterName: 'Delimiter', ParameterValue: '\\n' }] },
        ],
      },
    });
    const records = [
      { customer: { id: 'a' }, ts: 1700000000 },
      { customer: { id: 'b' }, ts: 1700000000 },
      { customer: { id: 'a' }, ts: 1800000000 },
      { customer: { id: 'a' }, ts: 1700000001 },
    ].map((r) => ({ Data: Buffer.from(JSON.stringify(r)) }));
    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: [...records, { Data: Buffer.from('not json') }] }));
    context.aws.advanceClock('60s');
    const written = await objects(context.s3, Bucket, 4);
    const byPrefix = Object.fromEntries(written.map((o) => [o.key.slice(0, o.key.lastIndexOf('/') + 1), o]));
    assert.deepEqual(Object.keys(byPrefix).sort(), [
      'data/customer=a/year=2023/',
      'data/customer=a/year=2027/',
      'data/customer=b/year=2023/',
      'errors/partitioning-failed/',
    ]);
    assert.equal(byPrefix['data/customer=a/year=2023/'].body.toString(), `${JSON.stringify({ customer: { id: 'a' }, ts: 1700000000 })}\n${JSON.stringify({ customer: { id: 'a' }, ts: 1700000001 })}\n`);
    const failure = JSON.parse(byPrefix['errors/partitioning-failed/'].body.toString());
    assert.equal(failure.errorCode, 'DynamicPartitioning.MetadataExtractionFailed');
    assert.equal(Buffer.from(failure.rawData, 'base64').toString(), 'not json');
    nearT0(failure.arrivalTimestamp);
  });

  it('refuses what AWS refuses, with its errors', async () => {
    const { name } = await stream({});
    await assert.rejects(context.firehose.send(new PutRecordCommand({ DeliveryStreamName: 'missing', Record: { Data: Buffer.from('x') } })), {
      name: 'ResourceNotFoundException',
      message: 'Firehose missing under account 000000000000 not found.',
    });
    await assert.rejects(
      context.firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: name, ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::b' } })),
      { name: 'ResourceInUseException', message: `Firehose ${name} under accountId 000000000000 already exists` },
    );
    await assert.rejects(
      context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: Array.from({ length: 501 }, () => ({ Data: Buffer.from('x') })) })),
      { name: 'ValidationException', message: /Member must have length less than or equal to 500/ },
    );
    await assert.rejects(context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.alloc(1024001) } })), {
      name: 'ValidationException',
      message: /Member must have length less than or equal to 1024000/,
    });
    const big = Buffer.alloc(1000 * 1024);
    await assert.rejects(
      context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: Array.from({ length: 5 }, () => ({ Data: big })) })),
      { name: 'InvalidArgumentException', message: 'Records size exceeds 4 MB limit' },
    );
    await assert.rejects(
      context.firehose.send(
        new CreateDeliveryStreamCommand({ DeliveryStreamName: 'with-expr', ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::b', Prefix: 'x/!{timestamp:yyyy}/' } }),
      ),
      { name: 'InvalidArgumentException', message: 'ErrorOutputPrefix cannot be null when Prefix contains expressions' },
    );
    await assert.rejects(
      context.firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: 'two-destinations',
          S3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::b' },
          ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::b' },
        }),
      ),
      { name: 'InvalidArgumentException' },
    );
  });

  it('updates the destination with a new version that the object names carry', async () => {
    const { name, bucket: Bucket } = await stream({});
    await assert.rejects(
      context.firehose.send(new UpdateDestinationCommand({ DeliveryStreamName: name, CurrentDeliveryStreamVersionId: '7', DestinationId: 'destinationId-000000000001', ExtendedS3DestinationUpdate: { Prefix: 'p/' } })),
      { name: 'ConcurrentModificationException' },
    );
    await context.firehose.send(
      new UpdateDestinationCommand({
        DeliveryStreamName: name,
        CurrentDeliveryStreamVersionId: '1',
        DestinationId: 'destinationId-000000000001',
        ExtendedS3DestinationUpdate: { Prefix: 'p/', BufferingHints: { IntervalInSeconds: 60 } },
      }),
    );
    const d = (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription!;
    assert.equal(d.VersionId, '2');
    assert.deepEqual(d.Destinations![0].ExtendedS3DestinationDescription!.BufferingHints, { SizeInMBs: 5, IntervalInSeconds: 60 });
    await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('v2') } }));
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, Bucket);
    assert.match(object.key, new RegExp(`^p/2030/01/02/03/${name}-2-`));
  });

  it('tags and encrypts delivery streams', async () => {
    const { name } = await stream({}, { Tags: [{ Key: 'b', Value: '2' }] });
    await context.firehose.send(new TagDeliveryStreamCommand({ DeliveryStreamName: name, Tags: [{ Key: 'a', Value: '1' }] }));
    const tags = await context.firehose.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: name }));
    assert.deepEqual(tags.Tags, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
    assert.equal(tags.HasMoreTags, false);
    const page = await context.firehose.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: name, Limit: 1, ExclusiveStartTagKey: 'a' }));
    assert.deepEqual(page.Tags, [{ Key: 'b', Value: '2' }]);
    await context.firehose.send(new UntagDeliveryStreamCommand({ DeliveryStreamName: name, TagKeys: ['a'] }));
    assert.equal((await context.firehose.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: name }))).Tags!.length, 1);

    await context.firehose.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: name, DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }));
    let d = (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription!;
    assert.deepEqual(d.DeliveryStreamEncryptionConfiguration, { KeyType: 'AWS_OWNED_CMK', Status: 'ENABLED' });
    assert.equal((await context.firehose.send(new PutRecordCommand({ DeliveryStreamName: name, Record: { Data: Buffer.from('x') } }))).Encrypted, true);
    await context.firehose.send(new StopDeliveryStreamEncryptionCommand({ DeliveryStreamName: name }));
    d = (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription!;
    assert.deepEqual(d.DeliveryStreamEncryptionConfiguration, { Status: 'DISABLED' });
  });
});
