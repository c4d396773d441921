import assert from 'node:assert/strict';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, PutRecordBatchCommand, UpdateDestinationCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { objects, ROLE, startTlsServer, useFirehose } from './support.ts';

// Configurations as AWS's Firehose API reference describes SnowflakeDestinationConfiguration,
// IcebergDestinationConfiguration and AmazonOpenSearchServerlessDestinationConfiguration (Describe hands them back
// without the private key and passphrase; SnowflakeBufferingHints default to 128 MiB and 0 s). Snowflake accounts and
// Iceberg tables are not contacted: their S3 bucket takes every record with an AllData backup. OpenSearch Serverless
// collections are indexed through `_bulk` at the CollectionEndpoint (here a local test server). No AWS-recorded
// snapshots of these destinations exist in the reference data.
describe('Firehose Snowflake, Iceberg and OpenSearch Serverless destinations', function () {
  this.timeout(60_000);
  const context = useFirehose(['firehose', 's3', 'sts']);
  let server: { base: string; close(): Promise<void> };
  let collection: string;
  const bulks: string[] = [];

  before(async () => {
    server = await startTlsServer((_req, res, body) => {
      bulks.push(body.toString());
      const docs = body.toString().trim().split('\n').filter((_, i) => i % 2 === 1);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ took: 1, errors: false, items: docs.map(() => ({ index: { status: 201 } })) }));
    });
    collection = server.base;
    await context.s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  });
  after(() => server.close());

  const describe = async (name: string) => (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))).DeliveryStreamDescription!;
  const s3 = (prefix: string) => ({ RoleARN: ROLE, BucketARN: 'arn:aws:s3:::lake', Prefix: prefix, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });

  it('stores a Snowflake destination as given, keeps its keys secret, updates it, and backs every record up to S3', async () => {
    const snowflake = {
      AccountUrl: 'https://acme.us-east-1.snowflakecomputing.com',
      // A private key as Snowflake takes it (base64 PKCS#8, at least 256 characters as the model requires).
      PrivateKey: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'.repeat(9),
      KeyPassphrase: 'secret-passphrase',
      User: 'loader',
      Database: 'ANALYTICS',
      Schema: 'PUBLIC',
      Table: 'EVENTS',
      SnowflakeRoleConfiguration: { Enabled: true, SnowflakeRole: 'LOADER' },
      DataLoadingOption: 'VARIANT_CONTENT_AND_METADATA_MAPPING' as const,
      MetaDataColumnName: 'META',
      ContentColumnName: 'CONTENT',
      RoleARN: ROLE,
      RetryOptions: { DurationInSeconds: 60 },
      S3BackupMode: 'AllData' as const,
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      S3Configuration: s3('snowflake/'),
    };
    await context.firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'to-snowflake', SnowflakeDestinationConfiguration: snowflake }));
    const [destination] = (await describe('to-snowflake')).Destinations!;
    const { PrivateKey: _key, KeyPassphrase: _passphrase, S3Configuration: _s3, ...shown } = snowflake;
    const description = destination.SnowflakeDestinationDescription!;
    assert.deepEqual({ ...description, S3DestinationDescription: undefined }, { ...shown, S3DestinationDescription: undefined });
    assert.equal(description.S3DestinationDescription!.BucketARN, 'arn:aws:s3:::lake');

    await context.firehose.send(
      new UpdateDestinationCommand({
        DeliveryStreamName: 'to-snowflake',
        CurrentDeliveryStreamVersionId: '1',
        DestinationId: destination.DestinationId,
        SnowflakeDestinationUpdate: { Table: 'EVENTS_V2', PrivateKey: 'ROTATED0'.repeat(40), S3Update: { Prefix: 'snowflake-v2/' } },
      }),
    );
    const updated = await describe('to-snowflake');
    assert.equal(updated.VersionId, '2');
    const after = updated.Destinations![0].SnowflakeDestinationDescription!;
    assert.deepEqual([after.Table, after.Database, after.S3DestinationDescription!.Prefix, 'PrivateKey' in after], ['EVENTS_V2', 'ANALYTICS', 'snowflake-v2/', false]);

    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'to-snowflake', Records: [{ Data: Buffer.from('{"n":1}\n') }, { Data: Buffer.from('{"n":2}\n') }] }));
    await context.aws.advanceClock('60s');
    const [backup] = await objects(context.s3, 'lake', 1, 'snowflake-v2/');
    assert.equal(backup.body.toString(), '{"n":1}\n{"n":2}\n');
  });

  it('stores an Iceberg destination with its tables and catalog, and writes its AllData backup to the bucket', async () => {
    const iceberg = {
      DestinationTableConfigurationList: [{ DestinationTableName: 'clicks', DestinationDatabaseName: 'web', UniqueKeys: ['id'], S3ErrorOutputPrefix: 'errors/' }],
      SchemaEvolutionConfiguration: { Enabled: true },
      TableCreationConfiguration: { Enabled: true },
      BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
      ProcessingConfiguration: { Enabled: false },
      S3BackupMode: 'AllData' as const,
      RetryOptions: { DurationInSeconds: 300 },
      RoleARN: ROLE,
      AppendOnly: false,
      CatalogConfiguration: { CatalogARN: 'arn:aws:glue:us-east-1:000000000000:catalog', WarehouseLocation: 's3://lake/warehouse/' },
      S3Configuration: s3('iceberg/'),
    };
    await context.firehose.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'to-iceberg', IcebergDestinationConfiguration: iceberg }));
    const description = (await describe('to-iceberg')).Destinations![0].IcebergDestinationDescription!;
    const { S3Configuration: _s3, ...shown } = iceberg;
    assert.deepEqual({ ...description, S3DestinationDescription: undefined }, { ...shown, S3DestinationDescription: undefined });
    assert.deepEqual(description.S3DestinationDescription!.BufferingHints, { SizeInMBs: 1, IntervalInSeconds: 60 });

    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'to-iceberg', Records: [{ Data: Buffer.from('{"id":"a"}') }] }));
    await context.aws.advanceClock('60s');
    const [backup] = await objects(context.s3, 'lake', 1, 'iceberg/');
    assert.equal(backup.body.toString(), '{"id":"a"}');
  });

  it('indexes records into an OpenSearch Serverless collection without rotation or ids, and describes its VPC configuration', async () => {
    const vpc = { SubnetIds: ['subnet-1'], RoleARN: ROLE, SecurityGroupIds: ['sg-1'] };
    await context.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'to-collection',
        AmazonOpenSearchServerlessDestinationConfiguration: {
          RoleARN: ROLE,
          CollectionEndpoint: collection,
          IndexName: 'events',
          BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
          RetryOptions: { DurationInSeconds: 0 },
          S3BackupMode: 'FailedDocumentsOnly',
          S3Configuration: s3('aoss/'),
          VpcConfiguration: vpc,
        },
      }),
    );
    const description = (await describe('to-collection')).Destinations![0].AmazonOpenSearchServerlessDestinationDescription!;
    assert.deepEqual(description.VpcConfigurationDescription, vpc);
    assert.equal(description.CollectionEndpoint, collection);

    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'to-collection', Records: [{ Data: Buffer.from('{"msg":"hi"}') }] }));
    await context.aws.advanceClock('60s');
    const deadline = Date.now() + 10_000;
    while (!bulks.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    assert.deepEqual(
      bulks[0].trim().split('\n').map((line) => JSON.parse(line)),
      [{ index: { _index: 'events' } }, { msg: 'hi' }],
    );
  });
});
