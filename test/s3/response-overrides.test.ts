import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3Fixture } from './support.ts';

describe('S3 response header overrides', () => {
  const fixture = s3Fixture();

  it('sends overrides back as headers and refuses those outside ISO-8859-1 with InvalidArgument (SDK v3 and a presigned URL)', async () => {
    const { s3 } = fixture;
    const Bucket = bucketName('overrides');
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x' }));
    const ascii = await s3.send(new GetObjectCommand({ Bucket, Key: 'k', ResponseContentDisposition: 'attachment; filename="a.txt"', ResponseCacheControl: 'max-age=74' }));
    assert.equal(ascii.ContentDisposition, 'attachment; filename="a.txt"');
    assert.equal(ascii.CacheControl, 'max-age=74');

    const unicode = 'non-ascii-%E2%80%94_—_é_';
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket, Key: 'k', ResponseCacheControl: unicode })), (error: Error & { ArgumentName?: string; ArgumentValue?: string }) => {
      assert.equal(error.name, 'InvalidArgument');
      assert.equal(error.message, 'Header value cannot be represented using ISO-8859-1.');
      assert.equal(error.ArgumentName, 'response-cache-control');
      assert.equal(error.ArgumentValue, unicode);
      return true;
    });
    // HEAD answers have no body: the status tells.
    await assert.rejects(s3.send(new HeadObjectCommand({ Bucket, Key: 'k', ResponseContentType: 'text/plain; name=—' })), (error: { $metadata: { httpStatusCode?: number } }) => error.$metadata.httpStatusCode === 400);

    // The presigner's own @smithy/smithy-client release differs from the S3 client's: same shapes, other type identity.
    const url = await getSignedUrl(s3 as never, new GetObjectCommand({ Bucket, Key: 'k', ResponseContentDisposition: 'filename="test_—_file.pdf"' }) as never, { expiresIn: 60 });
    const response = await fetch(url);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /<Code>InvalidArgument<\/Code><Message>Header value cannot be represented using ISO-8859-1.<\/Message><ArgumentName>response-content-disposition<\/ArgumentName><ArgumentValue>filename=&quot;test_—_file.pdf&quot;<\/ArgumentValue>/);
  });
});
