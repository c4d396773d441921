import assert from 'node:assert/strict';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { bucketName, failure, s3Fixture } from './support.ts';

/** Two 256-bit keys (the SDK sends them base64-encoded with their MD5). */
const KEY_1 = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: '1234567890abcdef1234567890abcdef' };
const KEY_2 = { SSECustomerAlgorithm: 'AES256', SSECustomerKey: 'abcdef1234567890abcdef1234567890' };

describe('S3 server-side encryption with customer keys (SSE-C), as AWS checks it', function () {
  this.timeout(30_000);
  const fixture = s3Fixture();
  let bucket: string;
  beforeEach(async () => {
    bucket = bucketName('ssec');
    await fixture.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('reads an object back only with the key it was written with', async () => {
    const put = await fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'test_data', ...KEY_1 }));
    assert.equal(put.SSECustomerAlgorithm, 'AES256');
    assert.equal(put.SSECustomerKeyMD5, 'JMwgiexXqwuPqIPjYFmIZQ==');
    const none = await failure(fixture.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k' })));
    assert.deepEqual([none.name, none.status], ['InvalidRequest', 400]);
    assert.equal(none.message, 'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.');
    const other = await failure(fixture.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', ...KEY_2 })));
    assert.deepEqual([other.name, other.status], ['AccessDenied', 403]);
    assert.equal(other.message, 'Requests specifying Server Side Encryption with Customer provided keys must provide the correct secret key.');
    const head = await failure(fixture.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'k', ...KEY_2 })));
    assert.equal(head.status, 403);
    const got = await fixture.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', ...KEY_1 }));
    assert.equal(await got.Body!.transformToString(), 'test_data');
  });

  it('refuses another algorithm, a short key and SSE-C mixed with SSE-S3, naming the SSE header', async () => {
    const algorithm = await failure(fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x', ...KEY_1, SSECustomerAlgorithm: 'KMS' })));
    assert.deepEqual([algorithm.name, algorithm.status, algorithm.message], ['InvalidEncryptionAlgorithmError', 400, 'The Encryption request you specified is not valid. Supported value: AES256.']);
    assert.deepEqual([algorithm.raw.ArgumentName, algorithm.raw.ArgumentValue], ['x-amz-server-side-encryption', 'KMS']);
    const short = await failure(fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x', SSECustomerAlgorithm: 'AES256', SSECustomerKey: '1234567890' })));
    assert.deepEqual([short.name, short.message, short.raw.ArgumentName], ['InvalidArgument', 'The secret key was invalid for the specified algorithm.', 'x-amz-server-side-encryption']);
    const both = await failure(fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'x', ...KEY_1, ServerSideEncryption: 'AES256' })));
    assert.equal(both.message, 'Server Side Encryption with Customer provided key is incompatible with the encryption method specified');
    assert.deepEqual([both.raw.ArgumentName, both.raw.ArgumentValue], ['x-amz-server-side-encryption', 'AES256']);
  });

  it('holds every part of an SSE-C multipart upload to the key it was started with', async () => {
    const plain = await fixture.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu' }));
    const withKey = await failure(fixture.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId: plain.UploadId, PartNumber: 1, Body: 'b', ...KEY_1 })));
    assert.equal(withKey.message, 'The multipart upload initiate requested encryption. Subsequent part requests must include the appropriate encryption parameters.');
    const encrypted = await fixture.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'mpu', ...KEY_1 }));
    const withoutKey = await failure(fixture.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId: encrypted.UploadId, PartNumber: 1, Body: 'b' })));
    assert.equal(withoutKey.name, 'InvalidRequest');
    const otherKey = await failure(fixture.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId: encrypted.UploadId, PartNumber: 1, Body: 'b', ...KEY_2 })));
    assert.deepEqual([otherKey.name, otherKey.message], ['InvalidRequest', 'The provided encryption parameters did not match the ones used originally.']);
    const part = await fixture.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'mpu', UploadId: encrypted.UploadId, PartNumber: 1, Body: 'b', ...KEY_1 }));
    assert.equal(part.SSECustomerKeyMD5, 'JMwgiexXqwuPqIPjYFmIZQ==');
  });

  it('copies an SSE-C object only with the source key, and checks the source algorithm', async () => {
    await fixture.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'src', Body: 'test_data', ...KEY_1 }));
    const source = { Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src` };
    const copy = await fixture.s3.send(
      new CopyObjectCommand({ ...source, CopySourceSSECustomerAlgorithm: 'AES256', CopySourceSSECustomerKey: KEY_1.SSECustomerKey }),
    );
    // The copy is not encrypted with a customer key: its ETag is the MD5 of the data.
    assert.equal(copy.CopyObjectResult?.ETag, '"6af8307c2460f2d208ad254f04be4b0d"');
    const noKey = await failure(fixture.s3.send(new CopyObjectCommand(source)));
    assert.equal(noKey.name, 'InvalidRequest');
    const badAlgorithm = await failure(
      fixture.s3.send(new CopyObjectCommand({ ...source, CopySourceSSECustomerAlgorithm: 'KMS', CopySourceSSECustomerKey: KEY_1.SSECustomerKey })),
    );
    assert.deepEqual([badAlgorithm.name, badAlgorithm.raw.ArgumentValue], ['InvalidEncryptionAlgorithmError', 'KMS']);
  });
});
