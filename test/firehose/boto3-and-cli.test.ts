import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

// Object names as AWS documents them ("Configure Amazon S3 object name format"); the tagging sequence and its
// answers are the AWS-recorded test_resource_tagging of shared/reference/aws-snapshots/firehose.
describe('Firehose with boto3 and the AWS CLI', function () {
  this.timeout(60_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['firehose', 's3'] });
  });
  after(() => aws?.stop());

  it('puts a batch and reads the object written after the buffering interval (boto3)', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./python-put.py', import.meta.url), aws.endpoint);
    assert.equal(out.failed, 0);
    assert.equal(out.ids, 3);
    assert.match(out.key as string, /^events\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/boto3-stream-1-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9a-f-]{36}$/);
    assert.equal(out.body, '{"n": 0}\n{"n": 1}\n{"n": 2}\n');
    assert.deepEqual(out.missing, { Code: 'ResourceNotFoundException', Message: 'Firehose nope under account 000000000000 not found.' });
  });

  it('creates, tags, lists and deletes with the AWS CLI v1', async () => {
    const cli = async (...args: string[]) => {
      const { stdout } = await promisify(execFile)('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, '--output', 'json', 'firehose', ...args], { env: BOTO3_ENV });
      return stdout.trim() ? JSON.parse(stdout) : {};
    };
    const s3 = JSON.stringify({ RoleARN: 'arn:aws:iam::000000000000:role/r', BucketARN: 'arn:aws:s3:::cli-bucket' });
    const created = await cli('create-delivery-stream', '--delivery-stream-name', 'cli-stream', '--s3-destination-configuration', s3, '--tags', 'Key=subject,Value=taboo');
    assert.equal(created.DeliveryStreamARN, 'arn:aws:firehose:us-east-1:000000000000:deliverystream/cli-stream');
    assert.deepEqual(await cli('list-tags-for-delivery-stream', '--delivery-stream-name', 'cli-stream'), { Tags: [{ Key: 'subject', Value: 'taboo' }], HasMoreTags: false });
    await cli('untag-delivery-stream', '--delivery-stream-name', 'cli-stream', '--tag-keys', 'subject');
    await cli('tag-delivery-stream', '--delivery-stream-name', 'cli-stream', '--tags', 'Key=feeling,Value=uncomfortable');
    assert.deepEqual(await cli('list-tags-for-delivery-stream', '--delivery-stream-name', 'cli-stream'), { Tags: [{ Key: 'feeling', Value: 'uncomfortable' }], HasMoreTags: false });
    const described = await cli('describe-delivery-stream', '--delivery-stream-name', 'cli-stream');
    assert.equal(described.DeliveryStreamDescription.Destinations[0].S3DestinationDescription.CompressionFormat, 'UNCOMPRESSED');
    assert.ok((await cli('list-delivery-streams')).DeliveryStreamNames.includes('cli-stream'));
    await cli('delete-delivery-stream', '--delivery-stream-name', 'cli-stream');
    await assert.rejects(cli('describe-delivery-stream', '--delivery-stream-name', 'cli-stream'), /ResourceNotFoundException.*Firehose cli-stream under account 000000000000 not found/s);
  });
});
