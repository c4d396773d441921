import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** Services whose AWS request limits exceed the core's default 20 MiB buffered body declare their own. */
describe('per-service request size limits', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let lambda: LambdaClient;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['lambda'] });
    lambda = new LambdaClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  });
  after(async () => {
    lambda.destroy();
    await aws.stop();
  });

  it('Lambda takes a directly uploaded zip beyond 20 MiB of JSON (AWS: 50 MB zipped, 69,905,067-byte requests)', async () => {
    // 18 MiB of incompressible bytes: ~24 MiB of base64 in the request body.
    const ZipFile = zipSync({ 'index.js': new TextEncoder().encode('exports.handler = async () => 1;\n'), 'blob.bin': randomBytes(18 * 1024 * 1024) }, { level: 0 });
    const created = await lambda.send(
      new CreateFunctionCommand({ FunctionName: 'large', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile } }),
    );
    assert.equal(created.CodeSize, ZipFile.length);
  });
});
