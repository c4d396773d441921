import { randomUUID } from 'node:crypto';
import { CreateDeliveryStreamCommand, FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { abort, clientOptions } from './clients.ts';
import type { Workload } from './workloads.ts';

const RECORDS = Array.from({ length: 500 }, () => ({ Data: Buffer.alloc(1024, 'f') }));

/**
 * PutRecordBatch throughput into S3: 500 records of 1 KiB per call into a Direct PUT stream whose 1 MiB buffer is
 * written to S3 (through S3's front door) about every second call, so the server's time includes the S3 writes.
 */
export const FIREHOSE_WORKLOADS: Workload[] = [
  {
    name: 'Firehose PutRecordBatch (500 x 1 KiB) into S3, 1 MiB objects',
    service: 'firehose',
    async prepare(endpoint) {
      const s3 = new S3Client({ ...clientOptions(endpoint), forcePathStyle: true });
      const client = new FirehoseClient(clientOptions(endpoint));
      const name = `bench-${randomUUID().slice(0, 8)}`;
      await s3.send(new CreateBucketCommand({ Bucket: name }), abort());
      await client.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: name,
          ExtendedS3DestinationConfiguration: {
            RoleARN: 'arn:aws:iam::000000000000:role/bench',
            BucketARN: `arn:aws:s3:::${name}`,
            BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 900 },
          },
        }),
        abort(),
      );
      return { op: () => client.send(new PutRecordBatchCommand({ DeliveryStreamName: name, Records: RECORDS }), abort()) };
    },
  },
];
