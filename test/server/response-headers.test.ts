import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3Fixture } from '../s3/support.ts';

/** The raw bytes of one HTTP/1.1 exchange on a connection of its own (the server closes it: `connection: close`). */
function exchange(port: number, request: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

// Header values are bytes: AWS sends Latin-1 text (`é`) one byte per character (ISO-8859-1), as SDKs read it back.
describe('response headers holding Latin-1 text', () => {
  const fixture = s3Fixture();
  const Bucket = 'latin1-headers';
  const disposition = 'attachment; filename="café.txt"';
  before(async () => {
    await fixture.s3.send(new CreateBucketCommand({ Bucket }));
    await fixture.s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'body' }));
  });

  it('GetObject and HeadObject send an override holding é as it was given (SDK v3)', async () => {
    const got = await fixture.s3.send(new GetObjectCommand({ Bucket, Key: 'k', ResponseContentDisposition: disposition, ResponseContentLanguage: 'fr-é' }));
    assert.equal(got.ContentDisposition, disposition);
    assert.equal(got.ContentLanguage, 'fr-é');
    assert.equal(await got.Body!.transformToString(), 'body');
    const head = await fixture.s3.send(new HeadObjectCommand({ Bucket, Key: 'k', ResponseContentDisposition: disposition }));
    assert.equal(head.ContentDisposition, disposition);
    assert.equal(head.ContentLength, 4);
  });

  it('on the wire: é is the one byte 0xE9, the status line and Content-Length are the answer’s own', async () => {
    const query = `response-content-disposition=${encodeURIComponent(disposition)}`;
    const bytes = await exchange(fixture.aws.port, `GET /${Bucket}/k?${query} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n`);
    const end = bytes.indexOf('\r\n\r\n');
    const head = bytes.subarray(0, end).toString('latin1');
    assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
    assert.ok(bytes.subarray(0, end).includes(Buffer.from('filename="caf\xe9.txt"', 'latin1')), head);
    assert.match(head, /\r\ncontent-length: 4\r\n/i);
    assert.equal(bytes.subarray(end + 4).toString(), 'body');
  });
});
