import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetBucketAclCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketAclCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  RenameObjectCommand,
  S3Client,
  UploadPartCommand,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Emulator } from '../../emulator/core/emulator.ts';
import { AwsError } from '../../emulator/core/errors.ts';
import { readPayload } from '../../emulator/core/payload.ts';
import type { RequestContext, ServiceDefinition } from '../../emulator/core/service.ts';
import { loadModel } from '../../emulator/models/load.ts';
import { startServer, type RunningServer } from '../../emulator/server/http.ts';
import { runPython } from './rest-python.ts';

// A service on the real S3 model whose handlers record what the protocol layer decoded and answer canned, AWS-shaped
// outputs, so that the AWS SDK's own serializers and parsers check both directions of rest-xml.
const seen: Record<string, { input: Record<string, unknown>; ctx: RequestContext }> = {};
const LAST_MODIFIED = new Date('2026-01-02T03:04:05.000Z');
const record = (op: string) => (input: Record<string, unknown>, ctx: RequestContext) => {
  seen[op] = { input, ctx };
};

const s3Echo: ServiceDefinition = {
  name: 's3',
  model: loadModel('s3'),
  createState: () => ({}),
  handlers: {
    CreateBucket: (input: { Bucket: string }, ctx) => {
      record('CreateBucket')(input, ctx);
      return { Location: `/${input.Bucket}` };
    },
    // Streaming payloads arrive as async iterables; read here so that the tests can look at the bytes.
    PutObject: async (input: { Body?: unknown; ChecksumCRC32?: string }, ctx) => {
      input.Body = await readPayload(input.Body);
      record('PutObject')(input, ctx);
      const md5 = createHash('md5').update(input.Body as Buffer).digest('hex');
      return { ETag: `"${md5}"`, ChecksumCRC32: input.ChecksumCRC32 };
    },
    UploadPart: async (input: { Body?: unknown }, ctx) => {
      input.Body = await readPayload(input.Body);
      record('UploadPart')(input, ctx);
      return { ETag: '"part"' };
    },
    GetObject: (input: { Key: string }, ctx) => {
      record('GetObject')(input, ctx);
      if (input.Key === 'missing') throw new AwsError('NoSuchKey', 'The specified key does not exist.', { fields: { Key: input.Key } });
      const body = Buffer.from('hello, world');
      return {
        Body: body,
        ContentLength: body.length,
        ContentType: 'text/plain',
        ETag: '"e"',
        LastModified: LAST_MODIFIED,
        Metadata: { color: 'blue', 'two-words': 'a b' },
        TagCount: 2,
        DeleteMarker: false,
      };
    },
    RenameObject: record('RenameObject'),
    HeadObject: () => ({ ContentLength: 12, ContentType: 'text/plain', LastModified: LAST_MODIFIED, Metadata: { color: 'blue' } }),
    DeleteObject: record('DeleteObject'),
    ListObjectsV2: (input: { Bucket: string; Prefix?: string; MaxKeys?: number }, ctx) => {
      record('ListObjectsV2')(input, ctx);
      return {
        Name: input.Bucket,
        Prefix: input.Prefix,
        MaxKeys: input.MaxKeys,
        KeyCount: 2,
        IsTruncated: false,
        Contents: [
          { Key: 'a/1.txt', LastModified: LAST_MODIFIED, ETag: '"x"', Size: 3, StorageClass: 'STANDARD', ChecksumAlgorithm: ['CRC32'] },
          { Key: 'a/2 & <3>.txt', LastModified: LAST_MODIFIED, ETag: '"y"', Size: 0, StorageClass: 'STANDARD' },
        ],
        CommonPrefixes: [{ Prefix: 'a/b/' }],
      };
    },
    PutBucketTagging: record('PutBucketTagging'),
    PutBucketAcl: record('PutBucketAcl'),
    GetBucketAcl: () => ({
      Owner: { ID: 'owner-id', DisplayName: 'me' },
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: 'owner-id' }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
      ],
    }),
    GetBucketTagging: () => ({ TagSet: [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: '' }] }),
    GetBucketPolicy: () => ({ Policy: '{"Version":"2012-10-17","Statement":[]}' }),
    CopyObject: (input, ctx) => {
      record('CopyObject')(input, ctx);
      return { CopyObjectResult: { ETag: '"copied"', LastModified: LAST_MODIFIED }, VersionId: 'v2' };
    },
    DeleteObjects: (input: { Delete: { Objects: { Key: string }[] } }, ctx) => {
      record('DeleteObjects')(input, ctx);
      return {
        Deleted: input.Delete.Objects.slice(1).map((o) => ({ Key: o.Key })),
        Errors: [{ Key: input.Delete.Objects[0].Key, Code: 'AccessDenied', Message: 'Access Denied' }],
      };
    },
  },
};

describe('rest-xml protocol through the AWS SDK v3 S3 client and boto3', () => {
  let server: RunningServer;
  let endpoint: string;
  let s3: S3Client;
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

  before(async () => {
    server = await startServer(new Emulator({ services: [s3Echo] }), { port: 0, host: '127.0.0.1', internalRoutes: {} });
    endpoint = `http://127.0.0.1:${server.port}`;
    s3 = new S3Client({ endpoint, region: 'eu-west-1', credentials, forcePathStyle: true });
  });
  after(async () => {
    s3.destroy();
    await server.close();
  });

  it('PutObject: a body with metadata headers and the default CRC32 checksum arrives decoded and verified', async () => {
    const body = 'x'.repeat(1000);
    const out = await s3.send(
      new PutObjectCommand({ Bucket: 'bkt', Key: 'dir/a b+c.txt', Body: body, ContentType: 'text/plain', Metadata: { color: 'blue' } }),
    );
    const { input, ctx } = seen.PutObject;
    assert.equal(input.Bucket, 'bkt');
    assert.equal(input.Key, 'dir/a b+c.txt');
    assert.equal((input.Body as Buffer).toString(), body);
    assert.equal(input.ContentType, 'text/plain');
    assert.deepEqual({ ...(input.Metadata as object) }, { color: 'blue' });
    assert.equal(input.ChecksumCRC32, Buffer.from(uint32(crc32(body))).toString('base64'));
    assert.equal(ctx.region, 'eu-west-1');
    assert.equal(out.ETag, `"${createHash('md5').update(body).digest('hex')}"`);
    assert.equal(out.ChecksumCRC32, input.ChecksumCRC32);
  });

  it('PutObject: a streamed body is sent aws-chunked with a checksum trailer; the handler sees the plain payload', async () => {
    const chunks = [Buffer.alloc(70_000, 'a'), Buffer.alloc(10_000, 'b')];
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'streamed', Body: Readable.from(chunks), ContentLength: 80_000 }));
    const { input, ctx } = seen.PutObject;
    assert.match(ctx.headers['content-encoding'] ?? ctx.headers['x-amz-content-sha256'] ?? '', /aws-chunked|STREAMING/);
    assert.ok(Buffer.concat(chunks).equals(input.Body as Buffer));
    assert.equal(input.ContentLength, 80_000);
    assert.equal(input.ContentEncoding, undefined, 'the transfer coding is not the object encoding');
    assert.equal(input.ChecksumCRC32, Buffer.from(uint32(crc32(Buffer.concat(chunks)))).toString('base64'));
  });

  it('PutObject: a small aws-chunked body that has arrived with its head is taken whole, framing, trailer and length checked', async () => {
    // Small enough to be taken whole (the emulator's ARRIVED_BODY_BYTES) once arrived; the SDK's stream may still be
    // arriving in pieces (then it streams), the hand-framed bodies below arrive with their heads.
    const chunks = [Buffer.alloc(700, 'a'), Buffer.alloc(300, 'b')];
    await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'small-streamed', Body: Readable.from(chunks), ContentLength: 1000 }));
    const { input, ctx } = seen.PutObject;
    assert.match(ctx.headers['content-encoding'] ?? ctx.headers['x-amz-content-sha256'] ?? '', /aws-chunked|STREAMING/);
    assert.ok(Buffer.concat(chunks).equals(input.Body as Buffer));
    assert.equal(input.ContentLength, 1000);
    assert.equal(input.ChecksumCRC32, Buffer.from(uint32(crc32(Buffer.concat(chunks)))).toString('base64'));
    // The same framing by hand: a trailer that does not match, then a decoded length that does not.
    const framed = (trailer: string) => `3e8\r\n${'c'.repeat(1000)}\r\n0\r\nx-amz-checksum-crc32:${trailer}\r\n\r\n`;
    const put = (body: string, decodedLength: number) =>
      fetch(`${endpoint}/bkt/framed`, {
        method: 'PUT',
        body,
        headers: {
          'content-encoding': 'aws-chunked',
          'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
          'x-amz-trailer': 'x-amz-checksum-crc32',
          'x-amz-decoded-content-length': String(decodedLength),
        },
      });
    const right = Buffer.from(uint32(crc32('c'.repeat(1000)))).toString('base64');
    const ok = await put(framed(right), 1000);
    assert.equal(ok.status, 200);
    assert.equal(seen.PutObject.input.ChecksumCRC32, right);
    const wrongTrailer = await put(framed('AAAAAA=='), 1000);
    assert.equal(wrongTrailer.status, 400);
    assert.match(await wrongTrailer.text(), /<Code>BadDigest<\/Code>/);
    const wrongLength = await put(framed(right), 999);
    assert.equal(wrongLength.status, 400);
    assert.match(await wrongLength.text(), /<Code>IncompleteBody<\/Code>/);
  });

  it('rejects a body whose checksum or Content-MD5 does not match, as S3 does (BadDigest)', async () => {
    await assert.rejects(
      s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'k', Body: 'abc', ChecksumCRC32: 'AAAAAA==' })),
      (e: S3ServiceException) => {
        assert.equal(e.name, 'BadDigest');
        assert.equal(e.message, 'The CRC32 you specified did not match the calculated checksum.');
        assert.equal(e.$metadata.httpStatusCode, 400);
        return true;
      },
    );
    const res = await fetch(`${endpoint}/bkt/k`, { method: 'PUT', body: 'abc', headers: { 'content-md5': createHash('md5').update('abd').digest('base64') } });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<Error><Code>BadDigest<\/Code><Message>The Content-MD5 you specified did not match what we received.<\/Message>/);
  });

  it('GetObject: raw body, content headers, x-amz-meta-* map, typed headers', async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'a/b', Range: 'bytes=0-4', ResponseContentType: 'text/csv' }));
    assert.equal(await out.Body!.transformToString(), 'hello, world');
    assert.equal(out.ContentType, 'text/plain');
    assert.equal(out.ContentLength, 12);
    assert.deepEqual(out.Metadata, { color: 'blue', 'two-words': 'a b' });
    assert.equal(out.LastModified?.toISOString(), LAST_MODIFIED.toISOString());
    assert.equal(out.TagCount, 2);
    assert.equal(out.DeleteMarker, false);
    const { input } = seen.GetObject;
    assert.equal(input.Range, 'bytes=0-4');
    assert.equal(input.ResponseContentType, 'text/csv');
  });

  it('typed request bindings: timestamp headers (RFC 822) and query (explicit format), list headers', async () => {
    const since = new Date('2025-12-24T10:20:30.000Z');
    await s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'k', IfModifiedSince: since, ResponseExpires: since, PartNumber: 2 }));
    const { input, ctx } = seen.GetObject;
    assert.equal(ctx.headers['if-modified-since'], 'Wed, 24 Dec 2025 10:20:30 GMT');
    assert.equal((input.IfModifiedSince as Date).toISOString(), since.toISOString());
    assert.equal((input.ResponseExpires as Date).toISOString(), since.toISOString());
    assert.equal(input.PartNumber, 2);
    await s3.send(new ListObjectsV2Command({ Bucket: 'bkt', OptionalObjectAttributes: ['RestoreStatus'] }));
    assert.deepEqual(seen.ListObjectsV2.input.OptionalObjectAttributes, ['RestoreStatus']);
  });

  it('idempotency tokens: the SDK\'s is passed on, a missing one is generated', async () => {
    await s3.send(new RenameObjectCommand({ Bucket: 'bkt', Key: 'new', RenameSource: 'old', ClientToken: 'token-1' }));
    assert.equal(seen.RenameObject.input.ClientToken, 'token-1');
    assert.equal(seen.RenameObject.input.RenameSource, 'old');
    const res = await fetch(`${endpoint}/bkt/new2?renameObject`, { method: 'PUT', headers: { 'x-amz-rename-source': 'old' } });
    assert.equal(res.status, 200);
    assert.match(String(seen.RenameObject.input.ClientToken), /^[0-9a-f-]{36}$/);
  });

  it('HeadObject: headers only, no body', async () => {
    const out = await s3.send(new HeadObjectCommand({ Bucket: 'bkt', Key: 'a' }));
    assert.equal(out.ContentLength, 12);
    assert.deepEqual(out.Metadata, { color: 'blue' });
  });

  it('errors: S3 <Error> document with Code, Message, extra fields and both request id headers', async () => {
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'missing' })), (e: S3ServiceException & { Key?: string }) => {
      assert.equal(e.name, 'NoSuchKey');
      assert.equal(e.message, 'The specified key does not exist.');
      assert.equal(e.$metadata.httpStatusCode, 404);
      assert.equal(e.Key, 'missing');
      assert.match(e.$metadata.requestId ?? '', /.+/);
      assert.match(e.$metadata.extendedRequestId ?? '', /.+/);
      return true;
    });
    const raw = await fetch(`${endpoint}/bkt/missing`);
    assert.equal(raw.headers.get('content-type'), 'application/xml');
    const xml = await raw.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>missing<\/Key><RequestId>[^<]+<\/RequestId><HostId>[^<]+<\/HostId><\/Error>$/);
    assert.equal(xml.match(/<RequestId>([^<]+)/)![1], raw.headers.get('x-amz-request-id'));
  });

  it('operations without a handler answer NotImplemented (501), unknown methods MethodNotAllowed (405)', async () => {
    const notImplemented = await fetch(`${endpoint}/bkt?cors`);
    assert.equal(notImplemented.status, 501);
    assert.match(await notImplemented.text(), /<Code>NotImplemented<\/Code>/);
    const patch = await fetch(`${endpoint}/bkt/key`, { method: 'PATCH' });
    assert.equal(patch.status, 405);
    assert.match(await patch.text(), /<Code>MethodNotAllowed<\/Code><Message>The specified method is not allowed against this resource.<\/Message><Method>PATCH<\/Method><ResourceType>OBJECT<\/ResourceType>/);
  });

  it('ListObjectsV2: literal ?list-type=2 routing, query params, XML list output with escaping', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: 'bkt', Prefix: 'a/', MaxKeys: 5, Delimiter: '/', FetchOwner: true }));
    const { input } = seen.ListObjectsV2;
    assert.deepEqual({ ...input }, { Bucket: 'bkt', Prefix: 'a/', MaxKeys: 5, Delimiter: '/', FetchOwner: true });
    assert.equal(out.Name, 'bkt');
    assert.equal(out.KeyCount, 2);
    assert.equal(out.IsTruncated, false);
    assert.deepEqual(
      out.Contents?.map((c) => [c.Key, c.Size, c.LastModified?.toISOString(), c.ChecksumAlgorithm]),
      [
        ['a/1.txt', 3, LAST_MODIFIED.toISOString(), ['CRC32']],
        ['a/2 & <3>.txt', 0, LAST_MODIFIED.toISOString(), undefined],
      ],
    );
    assert.deepEqual(out.CommonPrefixes, [{ Prefix: 'a/b/' }]);
    const raw = await (await fetch(`${endpoint}/bkt?list-type=2`)).text();
    assert.match(raw, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ListBucketResult xmlns="http:\/\/s3.amazonaws.com\/doc\/2006-03-01\/">/);
  });

  it('an empty number in the query (?max-keys=) is read as absent, as S3 reads it, not as a SerializationException', async () => {
    const res = await fetch(`${endpoint}/bkt?list-type=2&max-keys=&prefix=a%2F`);
    assert.equal(res.status, 200, await res.text());
    assert.deepEqual({ ...seen.ListObjectsV2.input }, { Bucket: 'bkt', Prefix: 'a/' });
    const bad = await fetch(`${endpoint}/bkt?list-type=2&max-keys=many`);
    assert.equal(bad.status, 400);
  });

  it('PutBucketTagging / GetBucketTagging: XML payload in both directions; Content-MD5 of the body is checked', async () => {
    await s3.send(new PutBucketTaggingCommand({ Bucket: 'bkt', Tagging: { TagSet: [{ Key: 'a&b', Value: '<1>' }, { Key: 'empty', Value: '' }] } }));
    assert.deepEqual(seen.PutBucketTagging.input.Tagging, { TagSet: [{ Key: 'a&b', Value: '<1>' }, { Key: 'empty', Value: '' }] });
    const out = await s3.send(new GetBucketTaggingCommand({ Bucket: 'bkt' }));
    assert.deepEqual(out.TagSet, [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: '' }]);
  });

  it('PutBucketAcl / GetBucketAcl: namespaced xsi:type attributes in both directions', async () => {
    const grants = [
      { Grantee: { Type: 'CanonicalUser' as const, ID: 'owner-id' }, Permission: 'FULL_CONTROL' as const },
      { Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' as const },
    ];
    await s3.send(new PutBucketAclCommand({ Bucket: 'bkt', AccessControlPolicy: { Owner: { ID: 'owner-id' }, Grants: grants } }));
    assert.deepEqual(seen.PutBucketAcl.input.AccessControlPolicy, { Owner: { ID: 'owner-id' }, Grants: grants });
    const out = await s3.send(new GetBucketAclCommand({ Bucket: 'bkt' }));
    assert.deepEqual(out.Grants, grants);
    assert.deepEqual(out.Owner, { ID: 'owner-id', DisplayName: 'me' });
    const xml = await (await fetch(`${endpoint}/bkt?acl`)).text();
    assert.match(xml, /<Grantee xsi:type="CanonicalUser" xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance"><ID>owner-id<\/ID><\/Grantee>/);
  });

  it('GetBucketPolicy: a string payload is the raw body', async () => {
    const out = await s3.send(new GetBucketPolicyCommand({ Bucket: 'bkt' }));
    assert.equal(out.Policy, '{"Version":"2012-10-17","Statement":[]}');
  });

  it('CopyObject and UploadPart share PutObject\'s route and are told apart by their required header and query', async () => {
    const out = await s3.send(new CopyObjectCommand({ Bucket: 'bkt', Key: 'copy', CopySource: 'src/key%20x', MetadataDirective: 'REPLACE' }));
    assert.equal(seen.CopyObject.input.CopySource, 'src/key%20x');
    assert.equal(seen.CopyObject.input.MetadataDirective, 'REPLACE');
    assert.equal(out.CopyObjectResult?.ETag, '"copied"');
    assert.equal(out.CopyObjectResult?.LastModified?.toISOString(), LAST_MODIFIED.toISOString());
    assert.equal(out.VersionId, 'v2');
    const part = await s3.send(new UploadPartCommand({ Bucket: 'bkt', Key: 'big', UploadId: 'u-1', PartNumber: 3, Body: 'part' }));
    assert.equal(part.ETag, '"part"');
    assert.equal(seen.UploadPart.input.PartNumber, 3);
    assert.equal(seen.UploadPart.input.UploadId, 'u-1');
  });

  it('DeleteObjects: XML payload with a flattened list in, flattened Deleted/Error lists out', async () => {
    const out = await s3.send(new DeleteObjectsCommand({ Bucket: 'bkt', Delete: { Objects: [{ Key: 'k1' }, { Key: 'k2' }, { Key: 'k3' }], Quiet: false } }));
    assert.deepEqual(seen.DeleteObjects.input.Delete, { Objects: [{ Key: 'k1' }, { Key: 'k2' }, { Key: 'k3' }], Quiet: false });
    assert.deepEqual(out.Deleted, [{ Key: 'k2' }, { Key: 'k3' }]);
    assert.deepEqual(out.Errors, [{ Key: 'k1', Code: 'AccessDenied', Message: 'Access Denied' }]);
  });

  it('malformed XML bodies are MalformedXML (400)', async () => {
    const res = await fetch(`${endpoint}/bkt?tagging`, { method: 'PUT', body: '<Tagging><TagSet><Tag>' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<Code>MalformedXML<\/Code>/);
  });

  it('DeleteObject: 204 with an empty body', async () => {
    const res = await fetch(`${endpoint}/bkt/k%2Fx`, { method: 'DELETE' });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.equal(seen.DeleteObject.input.Key, 'k/x');
  });

  it('virtual-host addressing: <bucket>.s3.<region>.localhost.localstack.cloud, signed and unsigned', async () => {
    // Resolve the virtual host to this server without DNS.
    const lookup = (_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
      options?.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
    const virtual = new S3Client({
      endpoint: `http://s3.us-west-2.localhost.localstack.cloud:${server.port}`,
      region: 'us-west-2',
      credentials,
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ lookup } as never) }),
    });
    await virtual.send(new PutObjectCommand({ Bucket: 'vbucket', Key: 'deep/key.txt', Body: 'v' }));
    assert.equal(seen.PutObject.input.Bucket, 'vbucket');
    assert.equal(seen.PutObject.input.Key, 'deep/key.txt');
    assert.match(seen.PutObject.ctx.headers.host, /^vbucket\.s3\.us-west-2\.localhost\.localstack\.cloud/);
    await virtual.send(new ListObjectsV2Command({ Bucket: 'vbucket' }));
    assert.equal(seen.ListObjectsV2.input.Bucket, 'vbucket');
    virtual.destroy();

    // No signature: the host alone tells the service, the bucket and the region.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port: server.port, host: '127.0.0.1', path: '/k.txt', headers: { host: `plain.s3.eu-central-1.localhost.localstack.cloud:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject).end();
    });
    assert.equal(status, 200);
    assert.deepEqual([seen.GetObject.input.Bucket, seen.GetObject.input.Key, seen.GetObject.ctx.region], ['plain', 'k.txt', 'eu-central-1']);
  });

  it('unsigned path-style requests are routed to S3 by their path', async () => {
    const res = await fetch(`${endpoint}/pathbucket/some/key`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello, world');
    assert.deepEqual([seen.GetObject.input.Bucket, seen.GetObject.input.Key], ['pathbucket', 'some/key']);
  });

  it('CreateBucket: XML payload with a namespace, Location header', async () => {
    const out = await s3.send(new CreateBucketCommand({ Bucket: 'newb', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    assert.equal(out.Location, '/newb');
    assert.deepEqual(seen.CreateBucket.input.CreateBucketConfiguration, { LocationConstraint: 'eu-west-1' });
  });

  it('boto3: put_object, get_object, list_objects_v2 and an error', async () => {
    const result = await runPython(
      `
import boto3, json
from botocore.config import Config
s3 = boto3.client('s3', endpoint_url=ENDPOINT, region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test',
                  config=Config(s3={'addressing_style': 'path'}))
put = s3.put_object(Bucket='b3', Key='x/y z.txt', Body=b'from boto3', Metadata={'k': 'v'})
got = s3.get_object(Bucket='b3', Key='x/y z.txt')
listed = s3.list_objects_v2(Bucket='b3', Prefix='x/', MaxKeys=7)
try:
    s3.get_object(Bucket='b3', Key='missing')
    err = None
except s3.exceptions.NoSuchKey as e:
    err = [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
print(json.dumps({'etag': put['ETag'], 'body': got['Body'].read().decode(), 'meta': got['Metadata'], 'keys': [c['Key'] for c in listed['Contents']], 'err': err}))
`,
      endpoint,
    );
    assert.equal(result.etag, `"${createHash('md5').update('from boto3').digest('hex')}"`);
    assert.equal(result.body, 'hello, world');
    assert.deepEqual(result.meta, { color: 'blue', 'two-words': 'a b' });
    assert.deepEqual(result.keys, ['a/1.txt', 'a/2 & <3>.txt']);
    assert.deepEqual(result.err, ['NoSuchKey', 'The specified key does not exist.', 404]);
    assert.deepEqual([seen.PutObject.input.Key, { ...(seen.PutObject.input.Metadata as object) }, (seen.PutObject.input.Body as Buffer).toString()], ['x/y z.txt', { k: 'v' }, 'from boto3']);
    assert.equal(seen.ListObjectsV2.input.MaxKeys, 7);
  });
});

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
