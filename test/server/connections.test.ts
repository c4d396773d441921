import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import http2 from 'node:http2';
import { Duplex } from 'node:stream';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with how long the server took to close the connection (or rejects after `withinMs`). */
function closedWithin(socket: Socket, withinMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${withinMs} ms`)), withinMs);
    socket.on('error', () => {});
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(performance.now() - started);
    });
  });
}

describe('connections: timeouts, per-client cap, HTTP/2 detection', () => {
  let aws: Twinstack;
  let port: number;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['dynamodb'], connections: { idleTimeoutMs: 400, headersTimeoutMs: 400, maxConnectionsPerClient: 4 } });
    port = aws.port;
  });
  after(() => aws.stop());

  const open = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
    });

  it('closes a connection that never sends a byte', async () => {
    await closedWithin(await open(), 3000);
  });

  it('closes a connection whose headers never end (slowloris)', async () => {
    const socket = await open();
    socket.write('POST / HTTP/1.1\r\nHost: localhost\r\n');
    const drip = setInterval(() => socket.write('x-slow: 1\r\n'), 100);
    try {
      await closedWithin(socket, 4000);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a connection whose body stalls', async () => {
    const socket = await open();
    socket.write(
      'POST / HTTP/1.1\r\nHost: localhost\r\nx-amz-target: DynamoDB_20120810.ListTables\r\ncontent-type: application/x-amz-json-1.0\r\ncontent-length: 100\r\n\r\n{"Li',
    );
    await closedWithin(socket, 3000);
  });

  it('closes an idle keep-alive connection after its response', async () => {
    const socket = await open();
    socket.write('GET /_twinstack/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await new Promise((resolve) => socket.once('data', resolve));
    await closedWithin(socket, 3000);
  });

  it('refuses connections beyond the per-client cap, and accepts again once some close', async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    const refused = await open();
    await closedWithin(refused, 1000);
    held[0].destroy();
    await pause(50);
    const again = await open();
    again.write('GET /_twinstack/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const answer = await new Promise<string>((resolve) => again.once('data', (d: Buffer) => resolve(d.toString())));
    assert.match(answer, /^HTTP\/1.1 200/);
    for (const socket of [...held, again]) socket.destroy();
  });

  it('speaks HTTP/2 when the connection preface arrives split across TCP writes', async () => {
    const raw = await open();
    let first = true;
    // A transport that sends the client's first bytes one at a time, as a slow or fragmenting network might.
    const transport = new Duplex({
      write(chunk: Buffer, _encoding, callback) {
        if (!first) return void raw.write(chunk, callback);
        first = false;
        void (async () => {
          for (const byte of chunk.subarray(0, 3)) {
            raw.write(Buffer.from([byte]));
            await pause(30);
          }
          raw.write(chunk.subarray(3), callback);
        })();
      },
      read() {},
    });
    raw.on('data', (data) => transport.push(data));
    raw.on('close', () => transport.destroy());
    const session = http2.connect(`http://127.0.0.1:${port}`, { createConnection: () => transport });
    session.on('error', () => {});
    const req = session.request({ ':method': 'POST', ':path': '/', 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0' });
    req.end('{}');
    let status = 0;
    let body = '';
    req.on('response', (headers) => (status = Number(headers[':status'])));
    for await (const chunk of req) body += chunk;
    session.destroy();
    assert.equal(status, 200);
    assert.deepEqual(JSON.parse(body), { TableNames: [] });
  });
});
