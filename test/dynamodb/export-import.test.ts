import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  CreateTableCommand,
  DescribeExportCommand,
  DescribeImportCommand,
  DynamoDBClient,
  ExportTableToPointInTimeCommand,
  GetItemCommand,
  ImportTableCommand,
  ListExportsCommand,
  ListImportsCommand,
  PutItemCommand,
  QueryCommand,
  UpdateContinuousBackupsCommand,
  type AttributeValue,
  type DynamoDBServiceException,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';

const KEYS = {
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }, { AttributeName: 'sk', KeyType: 'RANGE' as const }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }, { AttributeName: 'sk', AttributeType: 'N' as const }],
};

describe('DynamoDB export to S3 and import from S3', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let dynamodb: DynamoDBClient;
  let s3: S3Client;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb', 's3'] });
    const config = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true };
    dynamodb = new DynamoDBClient(config);
    s3 = new S3Client(config);
    await s3.send(new CreateBucketCommand({ Bucket: 'exports' }));
  });
  after(async () => {
    dynamodb.destroy();
    s3.destroy();
    await aws.stop();
  });
  const text = async (key: string) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'exports', Key: key }))).Body!.transformToByteArray());

  it('exports a table in AWS layout, progressing on the clock, and imports the export into a new table', async () => {
    await dynamodb.send(new CreateTableCommand({ TableName: 'orders', ...KEYS, BillingMode: 'PAY_PER_REQUEST' }));
    const items: Record<string, AttributeValue>[] = [
      { pk: { S: 'a' }, sk: { N: '1' }, blob: { B: new Uint8Array([0, 255]) }, tags: { SS: ['x', 'y'] }, nested: { M: { l: { L: [{ N: '2' }, { NULL: true }] } } } },
      { pk: { S: 'b' }, sk: { N: '2' }, ok: { BOOL: true } },
    ];
    for (const Item of items) await dynamodb.send(new PutItemCommand({ TableName: 'orders', Item }));
    const TableArn = 'arn:aws:dynamodb:us-east-1:000000000000:table/orders';

    const refused = await dynamodb.send(new ExportTableToPointInTimeCommand({ TableArn, S3Bucket: 'exports' })).catch((e: DynamoDBServiceException) => e);
    assert.equal((refused as DynamoDBServiceException).name, 'PointInTimeRecoveryUnavailableException');
    assert.equal((refused as DynamoDBServiceException).message, "Point in time recovery is not enabled for table 'orders'");
    await dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: 'orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));

    const started = (await dynamodb.send(new ExportTableToPointInTimeCommand({ TableArn, S3Bucket: 'exports', S3Prefix: 'backups', ClientToken: 'once' }))).ExportDescription!;
    assert.equal(started.ExportStatus, 'IN_PROGRESS');
    assert.equal(started.EndTime, undefined);
    assert.match(started.ExportArn!, /^arn:aws:dynamodb:us-east-1:000000000000:table\/orders\/export\/\d{14}-[0-9a-f]{8}$/);
    const id = started.ExportArn!.split('/').pop()!;
    assert.equal(started.ExportManifest, `backups/AWSDynamoDB/${id}/manifest-summary.json`);
    // The same ClientToken gives the same export.
    const again = await dynamodb.send(new ExportTableToPointInTimeCommand({ TableArn, S3Bucket: 'exports', S3Prefix: 'backups', ClientToken: 'once' }));
    assert.equal(again.ExportDescription!.ExportArn, started.ExportArn);

    aws.advanceClock('10s');
    const done = (await dynamodb.send(new DescribeExportCommand({ ExportArn: started.ExportArn }))).ExportDescription!;
    assert.equal(done.ExportStatus, 'COMPLETED');
    assert.equal(done.ItemCount, 2);
    assert.equal(done.ExportFormat, 'DYNAMODB_JSON');
    assert.equal(done.ExportType, 'FULL_EXPORT');
    assert.ok(done.EndTime! > done.StartTime!);
    const listed = await dynamodb.send(new ListExportsCommand({ TableArn }));
    assert.deepEqual(listed.ExportSummaries, [{ ExportArn: started.ExportArn, ExportStatus: 'COMPLETED', ExportType: 'FULL_EXPORT' }]);

    const keys = (await s3.send(new ListObjectsV2Command({ Bucket: 'exports', Prefix: `backups/AWSDynamoDB/${id}/` }))).Contents!.map((o) => o.Key!.slice(`backups/AWSDynamoDB/${id}/`.length));
    assert.deepEqual(keys.filter((k) => !k.startsWith('data/')).sort(), ['_started', 'manifest-files.checksum', 'manifest-files.json', 'manifest-summary.checksum', 'manifest-summary.json']);
    const summary = JSON.parse((await text(done.ExportManifest!)).toString());
    assert.equal(summary.exportArn, started.ExportArn);
    assert.equal(summary.itemCount, 2);
    assert.equal(summary.outputFormat, 'DYNAMODB_JSON');
    assert.equal(summary.manifestFilesS3Key, `backups/AWSDynamoDB/${id}/manifest-files.json`);
    const file = JSON.parse((await text(summary.manifestFilesS3Key)).toString().trim());
    assert.match(file.dataFileS3Key, new RegExp(`^backups/AWSDynamoDB/${id}/data/[a-z2-7]{26}\\.json\\.gz$`));
    assert.equal(file.itemCount, 2);
    const lines = gunzipSync(await text(file.dataFileS3Key)).toString().trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.find((l) => l.Item.pk.S === 'a').Item.blob, { B: 'AP8=' });

    // Importing the export's data folder makes a new table with the same items.
    const imported = (await dynamodb.send(new ImportTableCommand({
      S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: `backups/AWSDynamoDB/${id}/data/` },
      InputFormat: 'DYNAMODB_JSON', InputCompressionType: 'GZIP',
      TableCreationParameters: { TableName: 'orders-copy', ...KEYS, BillingMode: 'PAY_PER_REQUEST' },
    }))).ImportTableDescription!;
    assert.equal(imported.ImportStatus, 'IN_PROGRESS');
    aws.advanceClock('10s');
    const finished = (await dynamodb.send(new DescribeImportCommand({ ImportArn: imported.ImportArn }))).ImportTableDescription!;
    assert.equal(finished.ImportStatus, 'COMPLETED');
    assert.equal(finished.ImportedItemCount, 2);
    assert.equal(finished.ErrorCount, 0);
    const copy = await dynamodb.send(new GetItemCommand({ TableName: 'orders-copy', Key: { pk: { S: 'a' }, sk: { N: '1' } } }));
    assert.deepEqual(copy.Item, items[0]);
    assert.equal((await dynamodb.send(new ListImportsCommand({}))).ImportSummaryList?.[0].ImportArn, imported.ImportArn);
  });

  it('imports CSV with typed keys, counts bad lines, and fails on a missing bucket without keeping the table', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'csv/part-1.csv', Body: 'pk,sk,note\nu1,1,"hello, ""world"""\nu1,2,\n' }));
    await s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'json/part-1.json.gz', Body: gzipSync('{"Item":{"pk":{"S":"j"},"sk":{"N":"1"}}}\nnot json\n{"Item":{"pk":{"N":"1"},"sk":{"N":"1"}}}\n') }));
    const csv = (await dynamodb.send(new ImportTableCommand({
      S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: 'csv/' }, InputFormat: 'CSV',
      TableCreationParameters: { TableName: 'from-csv', ...KEYS, BillingMode: 'PAY_PER_REQUEST' },
    }))).ImportTableDescription!;
    aws.advanceClock('10s');
    assert.equal((await dynamodb.send(new DescribeImportCommand({ ImportArn: csv.ImportArn }))).ImportTableDescription!.ImportedItemCount, 2);
    const rows = await dynamodb.send(new QueryCommand({ TableName: 'from-csv', KeyConditionExpression: 'pk = :u', ExpressionAttributeValues: { ':u': { S: 'u1' } } }));
    assert.deepEqual(rows.Items, [{ pk: { S: 'u1' }, sk: { N: '1' }, note: { S: 'hello, "world"' } }, { pk: { S: 'u1' }, sk: { N: '2' } }]);

    const json = (await dynamodb.send(new ImportTableCommand({
      S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: 'json/' }, InputFormat: 'DYNAMODB_JSON', InputCompressionType: 'GZIP',
      TableCreationParameters: { TableName: 'from-json', ...KEYS, BillingMode: 'PAY_PER_REQUEST' },
    }))).ImportTableDescription!;
    aws.advanceClock('10s');
    const counted = (await dynamodb.send(new DescribeImportCommand({ ImportArn: json.ImportArn }))).ImportTableDescription!;
    assert.deepEqual([counted.ProcessedItemCount, counted.ImportedItemCount, counted.ErrorCount], [3, 1, 2]);

    const missing = (await dynamodb.send(new ImportTableCommand({
      S3BucketSource: { S3Bucket: 'no-such-bucket' }, InputFormat: 'CSV',
      TableCreationParameters: { TableName: 'never', ...KEYS, BillingMode: 'PAY_PER_REQUEST' },
    }))).ImportTableDescription!;
    aws.advanceClock('10s');
    const failed = (await dynamodb.send(new DescribeImportCommand({ ImportArn: missing.ImportArn }))).ImportTableDescription!;
    assert.equal(failed.ImportStatus, 'FAILED');
    assert.equal(failed.FailureCode, 'NoSuchBucket');
    const gone = await dynamodb.send(new GetItemCommand({ TableName: 'never', Key: { pk: { S: 'x' }, sk: { N: '1' } } })).catch((e: Error) => e);
    assert.equal((gone as Error).name, 'ResourceNotFoundException');
    const unknown = await dynamodb.send(new DescribeImportCommand({ ImportArn: `${missing.ImportArn}0` })).catch((e: Error) => e);
    assert.equal((unknown as Error).name, 'ImportNotFoundException');
  });

  it('boto3 exports and imports', async () => {
    const out = await runBoto3Script<{ status: string; items: number; imported: number }>(new URL('./export_import.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out, { status: 'IN_PROGRESS', items: 1, imported: 1 });
  });
});
