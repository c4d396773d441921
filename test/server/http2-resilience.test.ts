import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import http2 from 'node:http2';
import { startCli, stopCli } from '../support/cli-process.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The Kinesis SDK speaks HTTP/2: a client killed or timed out mid-request must not take the emulator down. The
// emulator runs as its own process here, where an unhandled rejection would end it (a test runner would absorb it).
describe('HTTP/2 clients that go away mid-request', () => {
  let server: ChildProcess;
  const twinstack = { endpoint: '' };
  before(async () => {
    ({ child: server, endpoint: twinstack.endpoint } = await startCli('emulator/cli/bin.js', ['--services', 'dynamodb']));
  });
  after(() => stopCli(server));

  function halfSentRequest(session: http2.ClientHttp2Session) {
    const req = session.request({ ':method': 'POST', ':path': '/', 'x-amz-target': 'DynamoDB_20120810.ListTables' });
    req.on('error', () => {});
    req.write('{"Lim');
    return req;
  }

  it('survives stream resets and dropped sessions, then serves the next request', async () => {
    for (const code of [http2.constants.NGHTTP2_CANCEL, http2.constants.NGHTTP2_INTERNAL_ERROR]) {
      const session = http2.connect(twinstack.endpoint);
      session.on('error', () => {});
      const req = halfSentRequest(session);
      await pause(50);
      req.close(code);
      await pause(50);
      session.destroy();
    }
    const dropped = http2.connect(twinstack.endpoint);
    dropped.on('error', () => {});
    halfSentRequest(dropped);
    await pause(50);
    dropped.destroy();
    await pause(100);
    assert.equal(server.exitCode, null, 'the emulator process exited');

    const session = http2.connect(twinstack.endpoint);
    const req = session.request({
      ':method': 'POST',
      ':path': '/',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      'content-type': 'application/x-amz-json-1.0',
    });
    req.end('{}');
    let body = '';
    let status = 0;
    req.on('response', (headers) => (status = Number(headers[':status'])));
    for await (const chunk of req) body += chunk;
    session.close();
    assert.equal(status, 200);
    assert.deepEqual(JSON.parse(body), { TableNames: [] });
  });
});
