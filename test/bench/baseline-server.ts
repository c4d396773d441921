import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './server.ts';

/**
 * The queue, stream and bucket the null server is sent requests for: named as the workloads name theirs (`bench-` and
 * 8 characters of a UUID), so that the requests are the same size.
 */
export const NULL_NAME = 'bench-00000000';

/**
 * A receipt handle as long as twinstack's for a queue named like the workloads' (its own id, the queue's ARN, the
 * message id and a time, in base64): what the null server hands out and is sent back to delete.
 */
export const NULL_RECEIPT_HANDLE = Buffer.from(
  `2bb1b0e4-1f53-4a61-9d1c-4e1f3c5e9c11 arn:aws:sqs:us-east-1:000000000000:${NULL_NAME} 5fea7756-0ea4-451a-a703-a558b933e274 1796682995537`,
).toString('base64');

/**
 * A do-nothing Node HTTP server that answers each benchmarked operation with a canned response: the floor any Node
 * server pays per request on this machine, measured with the same client as the real workloads. Each canned answer
 * has the size and headers of twinstack's to the same request (a received message of the workloads' body length,
 * DynamoDB's x-amz-crc32, computed once at start). It does only what the SDK insists on: SendMessage's reply carries
 * the MD5 of the body sent (the SDK checks it), so it reads the JSON.
 * An S3 PutObject (any PUT) has its whole body read, as every request's is, and gets the headers S3 answers it with
 * (the checksum the client sent echoed, as S3 does; a fixed ETag, which the SDK does not check) and no body.
 */
export const BASELINE_SOURCE = `
const http = require('node:http');
const { createHash } = require('node:crypto');
const { crc32 } = require('node:zlib');
// A request id as long as twinstack's.
const rid = '778aad78-c742-4dde-a638-b6f700000000';
const sts = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
  '<Arn>arn:aws:iam::000000000000:root</Arn><UserId>000000000000</UserId><Account>000000000000</Account>' +
  '</GetCallerIdentityResult><ResponseMetadata><RequestId>' + rid + '</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
// An item of the bench table's size (benchItem of a five-digit n, as most random keys are).
const item = JSON.stringify({ Item: { pk: { S: 'p5555' }, sk: { N: '5' }, name: { S: 'item 55555' }, count: { N: '55555' }, tags: { SS: ['a', 'b'] } } });
const putObject = (crc32) => [200, {
  etag: '"ac685d7cdabcf1579f488bdfb1659251"', ...(crc32 && { 'x-amz-checksum-crc32': crc32, 'x-amz-checksum-type': 'FULL_OBJECT' }),
  'x-amz-server-side-encryption': 'AES256', 'x-amz-request-id': rid, 'x-amz-id-2': 'i', server: 'AmazonS3', 'content-length': '0',
}, ''];
const json = (type, body) => [200, { 'content-type': 'application/x-amz-json-' + type, 'x-amzn-requestid': rid }, body];
const withCrc32 = (body) => {
  const crc = String(crc32(body));
  return () => [200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': rid, 'x-amz-crc32': crc }, body];
};
const messageBody = 'message 10000 ' + 'x'.repeat(200);
const received = JSON.stringify({ Messages: [{
  MessageId: '5fea7756-0ea4-451a-a703-a558b933e274', ReceiptHandle: '${NULL_RECEIPT_HANDLE}',
  MD5OfBody: createHash('md5').update(messageBody).digest('hex'), Body: messageBody,
}] });
const replies = {
  'DynamoDB_20120810.PutItem': withCrc32('{}'),
  'DynamoDB_20120810.GetItem': withCrc32(item),
  'Kinesis_20131202.PutRecord': () => json('1.1', '{"ShardId":"shardId-000000000000","SequenceNumber":"49590338271490256608559692538361571095921575989136588898"}'),
  'AmazonSQS.SendMessage': (body) => {
    const md5 = createHash('md5').update(JSON.parse(body).MessageBody).digest('hex');
    return json('1.0', JSON.stringify({ MD5OfMessageBody: md5, MessageId: '5fea7756-0ea4-451a-a703-a558b933e274' }));
  },
  'AmazonSQS.ReceiveMessage': () => json('1.0', received),
  'AmazonSQS.DeleteMessage': () => json('1.0', '{}'),
};
const server = http.createServer({ keepAliveTimeout: 65000 }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const reply = replies[req.headers['x-amz-target']];
    const [status, headers, body] = reply
      ? reply(Buffer.concat(chunks).toString())
      : req.method === 'PUT'
        ? putObject(req.headers['x-amz-checksum-crc32'])
        : [200, { 'content-type': 'text/xml', 'x-amzn-requestid': rid }, sts];
    res.writeHead(status, headers).end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;

export async function startBaselineServer(): Promise<{ process: ChildProcess; pid: number; endpoint: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', BASELINE_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return { process: child, pid: child.pid!, endpoint: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
