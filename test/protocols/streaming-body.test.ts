import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { CreateBucketCommand, PutObjectCommand, S3Client, type S3ServiceException } from '@aws-sdk/client-s3';
import { Emulator } from '../../emulator/core/emulator.ts';
import { AwsError } from '../../emulator/core/errors.ts';
import { readPayload } from '../../emulator/core/payload.ts';
import type { ServiceDefinition } from '../../emulator/core/service.ts';
import { loadModel } from '../../emulator/models/load.ts';
import { startServer, type RunningServer } from '../../emulator/server/http.ts';

// A service on the real S3 model with small limits: how operations with a streaming payload member receive it, and
// how limits are enforced while a body is still arriving.
const STREAM_LIMIT = 1024 * 1024;
const BODY_LIMIT = 64 * 1024;
const events: string[] = [];
let firstChunk: (() => void) | undefined;

const s3Streaming: ServiceDefinition = {
  name: 's3',
  model: loadModel('s3'),
  createState: () => ({}),
  requestLimits: {
    body: BODY_LIMIT,
    streamingPayload: STREAM_LIMIT,
    tooLarge: () => new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { status: 400 }),
  },
  handlers: {
    CreateBucket: () => ({ Location: '/b' }),
    PutObject: async (input: { Body: AsyncIterable<Buffer>; ChecksumCRC32?: string }) => {
      assert.ok(!Buffer.isBuffer(input.Body) && Symbol.asyncIterator in input.Body, 'a streaming payload is not buffered');
      let size = 0;
      let chunks = 0;
      for await (const chunk of input.Body) {
        if (chunks++ === 0) {
          events.push('handler saw the first chunk');
          firstChunk?.();
        }
        size += chunk.length;
      }
      events.push(`handler read ${size} bytes`);
      return { ETag: `"${size}"`, ChecksumCRC32: input.ChecksumCRC32 };
    },
  },
};

describe('streaming request bodies', () => {
  let server: RunningServer;
  let endpoint: string;
  let s3: S3Client;
  before(async () => {
    server = await startServer(new Emulator({ services: [s3Streaming] }), { port: 0, host: '127.0.0.1', internalRoutes: {} });
    endpoint = `http://127.0.0.1:${server.port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true });
  });
  after(async () => {
    s3.destroy();
    await server.close();
  });
  beforeEach(() => (events.length = 0));

  it('PutObject through the SDK: the handler iterates the decoded payload; trailer checksums are set once it ends', async () => {
    const chunks = [Buffer.alloc(300_000, 'a'), Buffer.alloc(200_000, 'b')];
    const out = await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: Readable.from(chunks), ContentLength: 500_000 }));
    assert.equal(out.ETag, '"500000"');
    assert.ok(out.ChecksumCRC32, 'the CRC32 trailer reached the input once the stream had ended');
  });

  it('the handler runs while the body is still arriving', async () => {
    const seenFirst = new Promise<void>((resolve) => (firstChunk = resolve));
    const res = new Promise<number>((resolve, reject) => {
      const req = request(`${endpoint}/b/slow`, { method: 'PUT', headers: { 'content-length': '20' } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      req.write('0123456789');
      void seenFirst.then(() => {
        events.push('client sent the rest');
        req.end('0123456789');
      });
    });
    assert.equal(await res, 200);
    assert.deepEqual(events, ['handler saw the first chunk', 'client sent the rest', 'handler read 20 bytes']);
  });

  it('a streamed payload past the limit fails with the service error, without reading on', async () => {
    await assert.rejects(
      s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'big', Body: Readable.from([Buffer.alloc(STREAM_LIMIT + 1)]), ContentLength: STREAM_LIMIT + 1 })),
      (e: S3ServiceException) => e.name === 'EntityTooLarge' && e.$metadata.httpStatusCode === 400,
    );
  });

  it('a chunked upload (no Content-Length) is cut off as soon as it passes the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${endpoint}/b/chunked`, { method: 'PUT' }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      // Far more than the limit is offered, but the client stops once it has an answer.
      const piece = Buffer.alloc(256 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 * STREAM_LIMIT && req.write(piece)) sent += piece.length;
        if (sent < 64 * STREAM_LIMIT) req.once('drain', pump);
      };
      req.once('response', () => req.destroy());
      pump();
    });
    assert.equal(status, 400);
    assert.ok(!events.includes(`handler read ${64 * STREAM_LIMIT} bytes`));
  });

  it('a buffered body declared larger than the limit is refused at once, before it is sent', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      // Declares 100 MB and sends 5 bytes: waiting for the body would hang this test.
      const req = request(`${endpoint}/b`, { method: 'PUT', headers: { 'content-length': String(100 * 1024 * 1024) } }, (r) => {
        let body = '';
        r.on('data', (c) => (body += c)).on('end', () => resolve({ status: r.statusCode!, body }));
      });
      req.on('error', reject);
      req.write('<Crea');
    });
    assert.equal(answer.status, 400);
    assert.match(answer.body, /<Code>EntityTooLarge<\/Code>/);
    // The server is still serving.
    await s3.send(new CreateBucketCommand({ Bucket: 'b' }));
  });

  it('without a service limit of its own, an oversized request is 413 RequestEntityTooLarge', async () => {
    const plain = new Emulator({ services: [{ ...s3Streaming, requestLimits: undefined }] });
    const big = { method: 'PUT', path: '/b', query: new URLSearchParams(), headers: { host: 'localhost' }, body: Buffer.alloc(0) };
    const response = await plain.handle(
      { ...big, incoming: { declaredLength: 21 * 1024 * 1024, read: (_limit, tooLarge) => Promise.reject(tooLarge()), stream: () => [][Symbol.iterator]() as never, takeArrived: () => Promise.resolve(undefined) } },
      'http://localhost',
    );
    assert.equal(response.status, 413);
    assert.match(String(response.body), /<Code>RequestEntityTooLarge<\/Code>/);
  });

  it('readPayload: one exact-size buffer of its own from a stream, a Buffer or a string', async () => {
    const pooled = Buffer.from('abc');
    const read = await readPayload(Readable.from([pooled, Buffer.from('de')]));
    assert.equal(read.toString(), 'abcde');
    assert.equal(read.buffer.byteLength, 5);
    assert.equal((await readPayload('xy')).toString(), 'xy');
    assert.equal((await readPayload(undefined)).length, 0);
  });
});
