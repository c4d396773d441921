import assert from 'node:assert/strict';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, ListTagsForDeliveryStreamCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { objects, ROLE, useFirehose } from './support.ts';

describe('Firehose state export and import (/_twinstack/state)', function () {
  this.timeout(30_000);
  const context = useFirehose();

  it('keeps delivery streams and their buffered records, and delivers them once the interval passes', async () => {
    await context.s3.send(new CreateBucketCommand({ Bucket: 'kept-bucket' }));
    await context.firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'kept',
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::kept-bucket', BufferingHints: { IntervalInSeconds: 60, SizeInMBs: 5 } },
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    await context.firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'kept', Records: [{ Data: Buffer.from('one,') }, { Data: Buffer.from('two') }] }));
    const exported = await (await fetch(`${context.aws.endpoint}/_twinstack/state`)).text();
    await fetch(`${context.aws.endpoint}/_twinstack/reset/firehose`, { method: 'POST' });
    await assert.rejects(context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'kept' })), { name: 'ResourceNotFoundException' });
    const imported = await fetch(`${context.aws.endpoint}/_twinstack/state`, { method: 'POST', body: exported, headers: { 'content-type': 'application/json' } });
    assert.equal(imported.status, 200);
    // The destination bucket, made again should S3's own state not come back with the import (what is judged here is
    // Firehose's): creating one's own bucket again is a no-op in us-east-1.
    await context.s3.send(new CreateBucketCommand({ Bucket: 'kept-bucket' }));
    const described = (await context.firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'kept' }))).DeliveryStreamDescription!;
    assert.equal(described.DeliveryStreamStatus, 'ACTIVE');
    assert.deepEqual((await context.firehose.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: 'kept' }))).Tags, [{ Key: 'k', Value: 'v' }]);
    context.aws.advanceClock('60s');
    const [object] = await objects(context.s3, 'kept-bucket');
    assert.equal(object.body.toString(), 'one,two');
  });
});
