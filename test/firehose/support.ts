import { FirehoseClient } from '@aws-sdk/client-firehose';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const ROLE = 'arn:aws:iam::000000000000:role/firehose-role';

export interface FirehoseContext {
  aws: Twinstack;
  firehose: FirehoseClient;
  s3: S3Client;
}

/** Starts twinstack with `services` around a mocha suite, with Firehose and S3 clients. */
export function useFirehose(services: string[] = ['firehose', 's3']): FirehoseContext {
  const context = {} as FirehoseContext;
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services });
    const config = { endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    context.firehose = new FirehoseClient(config);
    context.s3 = new S3Client({ ...config, forcePathStyle: true });
  });
  after(async () => {
    context.firehose.destroy();
    context.s3.destroy();
    await context.aws.stop();
  });
  return context;
}

/** Waits (real time) until the bucket holds at least `count` objects under `prefix`, and returns them with their bodies. */
export async function objects(s3: S3Client, bucket: string, count = 1, prefix?: string, timeoutMs = 10_000): Promise<{ key: string; body: Buffer }[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const listed = (await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? [];
    if (listed.length >= count || Date.now() > deadline) {
      return Promise.all(
        listed.map(async (o) => ({
          key: o.Key!,
          body: Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }))).Body!.transformToByteArray()),
        })),
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
