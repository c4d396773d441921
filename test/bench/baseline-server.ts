import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './server.ts';

/**
 * A do-nothing Node HTTP server that answers each benchmarked operation with a canned response: the floor any Node
 * server pays per request on this machine, measured with the same client as the real workloads. It does only what
 * the SDK insists on: SendMessage's reply carries the MD5 of the body sent (the SDK checks it), so it reads the JSON.
 * An S3 PutObject (any PUT) has its whole body read, as every request's is, and gets the headers S3 answers it with
 * (the checksum the client sent echoed, as S3 does; a fixed ETag, which the SDK does not check) and no body.
 */
export const BASELINE_SOURCE = `
const http = require('node:http');
const { createHash } = require('node:crypto');
const sts = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
  '<Arn>arn:aws:iam::000000000000:root</Arn><UserId>000000000000</UserId><Account>000000000000</Account>' +
  '</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
const item = JSON.stringify({ Item: { pk: { S: 'p1' }, sk: { N: '1' }, name: { S: 'item 11' }, count: { N: '11' }, tags: { SS: ['a', 'b'] } } });
const putObject = (crc32) => [200, {
  etag: '"ac685d7cdabcf1579f488bdfb1659251"', ...(crc32 && { 'x-amz-checksum-crc32': crc32, 'x-amz-checksum-type': 'FULL_OBJECT' }),
  'x-amz-server-side-encryption': 'AES256', 'x-amz-request-id': 'r', 'x-amz-id-2': 'i', server: 'AmazonS3', 'content-length': '0',
}, ''];
const json = (type, body) => [200, { 'content-type': 'application/x-amz-json-' + type, 'x-amzn-requestid': 'r' }, body];
const replies = {
  'DynamoDB_20120810.PutItem': () => json('1.0', '{}'),
  'DynamoDB_20120810.GetItem': () => json('1.0', item),
  'Kinesis_20131202.PutRecord': () => json('1.1', '{"ShardId":"shardId-000000000000","SequenceNumber":"49590338271490256608559692538361571095921575989136588898"}'),
  'AmazonSQS.SendMessage': (body) => {
    const md5 = createHash('md5').update(JSON.parse(body).MessageBody).digest('hex');
    return json('1.0', JSON.stringify({ MD5OfMessageBody: md5, MessageId: '5fea7756-0ea4-451a-a703-a558b933e274' }));
  },
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
        : [200, { 'content-type': 'text/xml', 'x-amzn-requestid': 'r' }, sts];
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
