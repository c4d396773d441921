import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { clientOptions } from './clients.ts';
import { cpuMicros, peakRssMiB, rssMiB } from './process-stats.ts';
import { startCliServer } from './server.ts';

const MiB = 1024 * 1024;
const SIZE = 1024 * MiB;
const PART = 16 * MiB;

/** 1 GiB made on the fly, so the load generator holds no copy of it. */
function gibibyte(): Readable {
  const block = Buffer.alloc(MiB, 'g');
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent < SIZE ? block : null);
      sent += MiB;
    },
  });
}

export interface LargeUploadResult {
  storage: string;
  uploadMiBps: number;
  downloadMiBps: number;
  serverCpuSeconds: number;
  idleRssMiB: number;
  peakRssMiB: number;
}

/**
 * A 1 GiB multipart upload through `@aws-sdk/lib-storage` (16 MiB parts, 4 in flight), then a streamed download of
 * it, against a fresh `twinstack start`: throughput, server CPU and the server's peak RSS. Bodies in memory (the
 * default) must cost about the object's size; bodies on disk (TWINSTACK_S3_DATA_DIR) must not.
 */
export async function measureLargeUpload(storage: 'memory' | 'disk'): Promise<LargeUploadResult> {
  const dataDir = storage === 'disk' ? await mkdtemp(join(tmpdir(), 'twinstack-bench-s3-')) : undefined;
  const server = await startCliServer(30_000, dataDir ? { TWINSTACK_S3_DATA_DIR: dataDir } : {});
  try {
    const options = clientOptions(server.endpoint);
    const client = new S3Client({ ...options, forcePathStyle: true });
    await client.send(new CreateBucketCommand({ Bucket: 'bench-large' }));
    const idle = rssMiB(server.pid);
    const cpuBefore = cpuMicros(server.pid);
    let started = performance.now();
    await new Upload({ client, params: { Bucket: 'bench-large', Key: 'gib', Body: gibibyte() }, partSize: PART, queueSize: 4 }).done();
    const uploadSeconds = (performance.now() - started) / 1000;
    const head = await client.send(new HeadObjectCommand({ Bucket: 'bench-large', Key: 'gib' }));
    if (head.ContentLength !== SIZE) throw new Error(`stored ${head.ContentLength} bytes, not ${SIZE}`);
    started = performance.now();
    const download = await client.send(new GetObjectCommand({ Bucket: 'bench-large', Key: 'gib' }));
    let received = 0;
    for await (const chunk of download.Body as AsyncIterable<Uint8Array>) received += chunk.length;
    const downloadSeconds = (performance.now() - started) / 1000;
    if (received !== SIZE) throw new Error(`read ${received} bytes, not ${SIZE}`);
    client.destroy();
    return {
      storage,
      uploadMiBps: SIZE / MiB / uploadSeconds,
      downloadMiBps: SIZE / MiB / downloadSeconds,
      serverCpuSeconds: (cpuMicros(server.pid) - cpuBefore) / 1e6,
      idleRssMiB: idle,
      peakRssMiB: peakRssMiB(server.pid),
    };
  } finally {
    await server.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

export function formatLargeUpload(result: LargeUploadResult): string {
  return (
    `S3 1 GiB multipart upload (bodies ${result.storage === 'disk' ? 'on disk' : 'in memory'}): upload ${result.uploadMiBps.toFixed(0)} MiB/s, ` +
    `download ${result.downloadMiBps.toFixed(0)} MiB/s, server CPU ${result.serverCpuSeconds.toFixed(1)} s, ` +
    `server RSS ${result.idleRssMiB.toFixed(0)} MiB before, peak ${result.peakRssMiB.toFixed(0)} MiB`
  );
}
