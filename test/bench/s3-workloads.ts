import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { abort, clientOptions } from './clients.ts';
import type { Workload } from './workloads.ts';

export const S3_KEYS = 100_000;
const KiB = Buffer.alloc(1024, 'k');
const MiB = Buffer.alloc(1024 * 1024, 'm');

/** One client and bucket for the S3 workloads; the listing bucket is filled once. */
const s3 = { client: undefined as S3Client | undefined, bucket: '', listing: '' };

async function bucket(endpoint: string) {
  if (!s3.client) {
    s3.client = new S3Client({ ...clientOptions(endpoint), forcePathStyle: true });
    s3.bucket = `bench-${randomUUID().slice(0, 8)}`;
    await s3.client.send(new CreateBucketCommand({ Bucket: s3.bucket }), abort());
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'kib', Body: KiB }), abort());
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: 'mib', Body: MiB }), abort());
  }
  return { client: s3.client, name: s3.bucket };
}

/** A bucket of S3_KEYS keys (64 uploads in flight): listing one page of it must cost O(page), not O(bucket). */
async function listingBucket(endpoint: string) {
  const { client } = await bucket(endpoint);
  if (!s3.listing) {
    s3.listing = `bench-list-${randomUUID().slice(0, 8)}`;
    await client.send(new CreateBucketCommand({ Bucket: s3.listing }), abort());
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < S3_KEYS; i = next++) {
        await client.send(new PutObjectCommand({ Bucket: s3.listing, Key: `key/${String(i).padStart(6, '0')}`, Body: 'x' }), abort());
      }
    };
    await Promise.all(Array.from({ length: 64 }, worker));
  }
  return { client, name: s3.listing };
}

const put = (name: string, body: Buffer): Workload => ({
  name,
  service: 's3',
  async prepare(endpoint) {
    const { client, name: b } = await bucket(endpoint);
    return { op: (i) => client.send(new PutObjectCommand({ Bucket: b, Key: `put/${i % 1000}`, Body: body }), abort()) };
  },
});

const get = (name: string, key: string): Workload => ({
  name,
  service: 's3',
  async prepare(endpoint) {
    const { client, name: b } = await bucket(endpoint);
    return {
      op: async () => {
        const out = await client.send(new GetObjectCommand({ Bucket: b, Key: key }), abort());
        await out.Body!.transformToByteArray();
      },
    };
  },
});

export const S3_WORKLOADS: Workload[] = [
  put('S3 PutObject 1 KiB', KiB),
  get('S3 GetObject 1 KiB', 'kib'),
  put('S3 PutObject 1 MiB', MiB),
  get('S3 GetObject 1 MiB', 'mib'),
  {
    name: `S3 ListObjectsV2 page of 100 (${S3_KEYS / 1000}k keys)`,
    service: 's3',
    async prepare(endpoint) {
      const { client, name } = await listingBucket(endpoint);
      return {
        op: (i) =>
          client.send(new ListObjectsV2Command({ Bucket: name, MaxKeys: 100, StartAfter: `key/${String((i * 7919) % S3_KEYS).padStart(6, '0')}` }), abort()),
      };
    },
  },
];
