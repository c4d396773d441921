import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  CreateBucketMetadataConfigurationCommand,
  CreateBucketMetadataTableConfigurationCommand,
  DeleteBucketMetadataConfigurationCommand,
  GetBucketMetadataConfigurationCommand,
  GetBucketMetadataTableConfigurationCommand,
  GetObjectTorrentCommand,
  HeadObjectCommand,
  UpdateObjectEncryptionCommand,
  PutObjectCommand,
  UpdateBucketMetadataInventoryTableConfigurationCommand,
  UpdateBucketMetadataJournalTableConfigurationCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { bucketName, failure, s3Client, startS3 } from './support.ts';

type Decoded = number | Buffer | Decoded[] | { [key: string]: Decoded };

/** A bencode reader for the torrent files S3 answers (BitTorrent's BEP 3). */
function bdecode(data: Buffer): Decoded {
  let at = 0;
  const next = (): Decoded => {
    const c = String.fromCharCode(data[at]);
    if (c === 'i') {
      const end = data.indexOf('e', at);
      const n = Number(data.subarray(at + 1, end).toString());
      at = end + 1;
      return n;
    }
    if (c === 'l' || c === 'd') {
      at++;
      const items: Decoded[] = [];
      while (String.fromCharCode(data[at]) !== 'e') items.push(next());
      at++;
      if (c === 'l') return items;
      const dict: Record<string, Decoded> = {};
      for (let i = 0; i < items.length; i += 2) dict[(items[i] as Buffer).toString()] = items[i + 1];
      return dict;
    }
    const colon = data.indexOf(':', at);
    const length = Number(data.subarray(at, colon).toString());
    at = colon + 1 + length;
    return data.subarray(colon + 1, at);
  };
  const value = next();
  assert.equal(at, data.length, 'one bencoded value, nothing after it');
  return value;
}

describe('S3 deprecated forms and the less common operations', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startS3(['s3', 'sqs']);
  });
  after(() => aws.stop());
  let s3: S3Client;
  before(() => {
    s3 = s3Client(aws);
  });

  it('GetObjectTorrent: a bencoded torrent with 256 KiB SHA-1 pieces, the key and bucket, and the object as web seed', async () => {
    const bucket = bucketName('torrent');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const data = randomBytes(600 * 1024 + 7);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'films/big file.bin', Body: data }));
    const out = await s3.send(new GetObjectTorrentCommand({ Bucket: bucket, Key: 'films/big file.bin' }));
    const torrent = bdecode(Buffer.from(await out.Body!.transformToByteArray())) as Record<string, Decoded>;
    const info = torrent.info as Record<string, Decoded>;
    assert.equal(info.length, data.length);
    assert.equal((info.name as Buffer).toString(), 'big file.bin');
    assert.equal(info['piece length'], 262_144);
    const expected = Buffer.concat([0, 1, 2].map((i) => createHash('sha1').update(data.subarray(i * 262_144, (i + 1) * 262_144)).digest()));
    assert.deepEqual(info.pieces, expected);
    assert.equal((info['x-amz-bucket'] as Buffer).toString(), bucket);
    assert.equal((info['x-amz-key'] as Buffer).toString(), 'films/big file.bin');
    assert.equal((torrent.announce as Buffer).toString(), 'http://s3-tracker.amazonaws.com:6969/announce');
    const seed = (torrent['url-list'] as Buffer[])[0].toString();
    assert.equal(seed, `${aws.endpoint}/${bucket}/films/big%20file.bin`);
    const missing = await failure(s3.send(new GetObjectTorrentCommand({ Bucket: bucket, Key: 'nope' })));
    assert.equal(missing.name, 'NoSuchKey');
  });

  it('boto3: the deprecated lifecycle and notification calls read and write the same configuration as the current ones', async () => {
    type ErrorSeen = { code: string; message: string; status: number } | null;
    type Observed = Record<string, unknown> & { errors: Record<string, ErrorSeen> };
    const o = await runBoto3Script<Observed>(new URL('./deprecated-boto3.py', import.meta.url), aws.endpoint);
    assert.deepEqual(o.errors.get_missing, { code: 'NoSuchLifecycleConfiguration', message: 'The lifecycle configuration does not exist', status: 404 });
    assert.deepEqual(o.old_rules, [
      { ID: 'old', Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: 30 }, Transition: { Days: 10, StorageClass: 'GLACIER' } },
    ]);
    assert.deepEqual(o.current_rules, [
      { ID: 'old', Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: 30 }, Transitions: [{ Days: 10, StorageClass: 'GLACIER' }] },
    ]);
    assert.deepEqual(o.errors.mixed, { code: 'InvalidRequest', message: 'Filter element can only be used in Lifecycle V2.', status: 400 });
    assert.deepEqual(o.errors.newer_noncurrent_v1, {
      code: 'InvalidRequest',
      message: 'NewerNoncurrentVersions element can only be used in Lifecycle V2.',
      status: 400,
    });
    assert.deepEqual(o.empty_notification, {});
    assert.deepEqual(o.old_notification, { Id: 'legacy-queue', Events: ['s3:ObjectCreated:*'], Event: 's3:ObjectCreated:*', Queue: (o.old_notification as { Queue: string }).Queue });
    assert.match((o.old_notification as { Queue: string }).Queue, /^arn:aws:sqs:us-east-1:\d{12}:legacy-/);
    assert.deepEqual(o.current_notification, [{ Id: 'legacy-queue', QueueArn: (o.old_notification as { Queue: string }).Queue, Events: ['s3:ObjectCreated:*'] }]);
    assert.deepEqual(o.delivered, ['ObjectCreated:Put', 's3:TestEvent']);
  });

  it('S3 Metadata: V1 and V2 configurations stored and validated; the tables read FAILED, as S3 Tables is not served here', async () => {
    const bucket = bucketName('meta');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const missing = await failure(s3.send(new GetBucketMetadataConfigurationCommand({ Bucket: bucket })));
    assert.deepEqual([missing.name, missing.status], ['MetadataConfigurationNotFound', 404]);
    const badDays = await failure(
      s3.send(new CreateBucketMetadataConfigurationCommand({ Bucket: bucket, MetadataConfiguration: { JournalTableConfiguration: { RecordExpiration: { Expiration: 'ENABLED', Days: 3 } } } })),
    );
    assert.equal(badDays.name, 'InvalidArgument');
    await s3.send(
      new CreateBucketMetadataConfigurationCommand({
        Bucket: bucket,
        MetadataConfiguration: {
          JournalTableConfiguration: { RecordExpiration: { Expiration: 'ENABLED', Days: 30 } },
          InventoryTableConfiguration: { ConfigurationState: 'DISABLED' },
        },
      }),
    );
    const v1 = await failure(
      s3.send(
        new CreateBucketMetadataTableConfigurationCommand({
          Bucket: bucket,
          MetadataTableConfiguration: { S3TablesDestination: { TableBucketArn: 'arn:aws:s3tables:us-east-1:000000000000:bucket/tables', TableName: 'meta' } },
        }),
      ),
    );
    assert.equal(v1.name, 'InvalidRequest');
    await s3.send(new UpdateBucketMetadataJournalTableConfigurationCommand({ Bucket: bucket, JournalTableConfiguration: { RecordExpiration: { Expiration: 'DISABLED' } } }));
    await s3.send(new UpdateBucketMetadataInventoryTableConfigurationCommand({ Bucket: bucket, InventoryTableConfiguration: { ConfigurationState: 'ENABLED' } }));
    const result = (await s3.send(new GetBucketMetadataConfigurationCommand({ Bucket: bucket }))).GetBucketMetadataConfigurationResult!.MetadataConfigurationResult!;
    assert.deepEqual(result.DestinationResult, {
      TableBucketType: 'aws',
      TableBucketArn: 'arn:aws:s3tables:us-east-1:000000000000:bucket/aws-s3',
      TableNamespace: `b_${bucket.replaceAll('-', '_')}`,
    });
    assert.equal(result.JournalTableConfigurationResult!.TableStatus, 'FAILED');
    assert.equal(result.JournalTableConfigurationResult!.Error!.ErrorCode, 'TableBucketNotFound');
    assert.deepEqual(result.JournalTableConfigurationResult!.RecordExpiration, { Expiration: 'DISABLED' });
    assert.equal(result.InventoryTableConfigurationResult!.ConfigurationState, 'ENABLED');
    assert.equal(result.InventoryTableConfigurationResult!.TableName, 'inventory');
    await s3.send(new DeleteBucketMetadataConfigurationCommand({ Bucket: bucket }));
    await s3.send(
      new CreateBucketMetadataTableConfigurationCommand({
        Bucket: bucket,
        MetadataTableConfiguration: { S3TablesDestination: { TableBucketArn: 'arn:aws:s3tables:us-east-1:000000000000:bucket/tables', TableName: 'meta' } },
      }),
    );
    const table = (await s3.send(new GetBucketMetadataTableConfigurationCommand({ Bucket: bucket }))).GetBucketMetadataTableConfigurationResult!;
    assert.equal(table.Status, 'FAILED');
    assert.equal(table.MetadataTableConfigurationResult!.S3TablesDestinationResult!.TableArn, 'arn:aws:s3tables:us-east-1:000000000000:bucket/tables/table/meta');
  });

  it('UpdateObjectEncryption moves an SSE-S3 object to SSE-KMS in place; SSE-C objects and bad key ARNs are refused', async () => {
    const bucket = bucketName('reencrypt');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc', Body: 'secret', Metadata: { kept: 'yes' } }));
    assert.equal(put.ServerSideEncryption, 'AES256');
    const key = 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await s3.send(new UpdateObjectEncryptionCommand({ Bucket: bucket, Key: 'doc', ObjectEncryption: { SSEKMS: { KMSKeyArn: key, BucketKeyEnabled: true } } }));
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'doc' }));
    assert.equal(head.ServerSideEncryption, 'aws:kms');
    assert.equal(head.SSEKMSKeyId, key);
    assert.equal(head.BucketKeyEnabled, true);
    assert.equal(head.ETag, put.ETag);
    assert.deepEqual(head.Metadata, { kept: 'yes' });
    const badArn = await failure(s3.send(new UpdateObjectEncryptionCommand({ Bucket: bucket, Key: 'doc', ObjectEncryption: { SSEKMS: { KMSKeyArn: 'alias/mine' } } })));
    assert.equal(badArn.name, 'InvalidArgument');
    const missing = await failure(s3.send(new UpdateObjectEncryptionCommand({ Bucket: bucket, Key: 'nope', ObjectEncryption: { SSEKMS: { KMSKeyArn: key } } })));
    assert.equal(missing.name, 'NoSuchKey');
  });
});
