import assert from 'node:assert/strict';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListFunctionsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  type LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { unzipSync } from 'fflate';
import { createFunction, CREDENTIALS, decode, ROLE, uniqueName, useLambda, zip } from './support.ts';

const PY_ECHO = { 'handler.py': 'def handler(event, context):\n    return event\n' };

describe('Lambda functions through the AWS SDK v3', function () {
  this.timeout(30_000);
  const context = useLambda(['lambda', 'sts', 's3']);

  it('creates a function Pending, then Active for the waiter; GetFunction serves the zip at Code.Location', async () => {
    const name = uniqueName('life');
    const created = await context.lambda.send(
      new CreateFunctionCommand({ FunctionName: name, Runtime: 'python3.12', Handler: 'handler.handler', Role: ROLE, Code: { ZipFile: zip(PY_ECHO) }, Timeout: 5, MemorySize: 256 }),
    );
    assert.equal(created.$metadata.httpStatusCode, 201);
    assert.equal(created.State, 'Pending');
    assert.equal(created.StateReasonCode, 'Creating');
    assert.equal(created.LastUpdateStatus, undefined);
    assert.deepEqual(created.EphemeralStorage, { Size: 512 });
    assert.deepEqual(created.LoggingConfig, { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` });
    assert.equal(created.FunctionArn, `arn:aws:lambda:us-east-1:000000000000:function:${name}`);
    await waitUntilFunctionActiveV2({ client: context.lambda, maxWaitTime: 10 }, { FunctionName: name });
    const got = await context.lambda.send(new GetFunctionCommand({ FunctionName: name }));
    assert.equal(got.Configuration?.State, 'Active');
    assert.equal(got.Configuration?.LastUpdateStatus, 'Successful');
    assert.notEqual(got.Configuration?.RevisionId, created.RevisionId);
    assert.equal(got.Code?.RepositoryType, 'S3');
    const download = await fetch(got.Code!.Location!);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    assert.equal(Buffer.from(files['handler.py']).toString(), PY_ECHO['handler.py']);

    const updated = await context.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: 'Changed', Environment: { Variables: { ENV_A: 'a' } } }));
    assert.equal(updated.LastUpdateStatus, 'InProgress');
    const config = await context.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    assert.equal(config.LastUpdateStatus, 'Successful');
    assert.deepEqual(config.Environment, { Variables: { ENV_A: 'a' } });

    const deleted = await context.lambda.send(new DeleteFunctionCommand({ FunctionName: name }));
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    await assert.rejects(context.lambda.send(new GetFunctionCommand({ FunctionName: name })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'ResourceNotFoundException');
      assert.equal(e.message, `Function not found: arn:aws:lambda:us-east-1:000000000000:function:${name}`);
      return true;
    });
  });

  it('validates as AWS does: role pattern, runtime names, zip contents, environment size', async () => {
    const base = { FunctionName: uniqueName('bad'), Handler: 'handler.handler', Code: { ZipFile: zip(PY_ECHO) } };
    await assert.rejects(context.lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'python3.12', Role: 'r1' })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'ValidationException');
      assert.equal(
        e.message,
        "1 validation error detected: Value 'r1' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+",
      );
      return true;
    });
    await assert.rejects(context.lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'PYTHON3.9' as never, Role: ROLE })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'InvalidParameterValueException');
      assert.match(e.message, /^Value PYTHON3\.9 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: \[nodejs20\.x, python3\.14, /);
      return true;
    });
    await assert.rejects(
      context.lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'python3.12', Role: ROLE, Code: { ZipFile: Buffer.from('not a zip') } })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message === 'Could not unzip uploaded file. Please check your file, then try to upload again.',
    );
    await assert.rejects(
      context.lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'python3.12', Role: ROLE, Environment: { Variables: { LARGE_VAR: 'x'.repeat(4097) } } })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message.includes('exceeded the 4KB limit. String measured: {"LARGE_VAR":"xxx'),
    );
    await assert.rejects(
      context.lambda.send(new CreateFunctionCommand({ ...base, Runtime: 'python3.12', Role: ROLE, Environment: { Variables: { AWS_REGION: 'x' } } })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message.endsWith('Reserved keys used in this request: AWS_REGION'),
    );
    // Container images: no ECR and no Docker here, so every image is one Lambda cannot reach, answered as AWS does.
    const image = '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest';
    await assert.rejects(
      context.lambda.send(new CreateFunctionCommand({ FunctionName: uniqueName('img'), Role: ROLE, PackageType: 'Image', Code: { ImageUri: image } })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message === `Source image ${image} does not exist. Provide a valid source image.`,
    );
    await assert.rejects(
      context.lambda.send(new CreateFunctionCommand({ FunctionName: uniqueName('img'), Role: ROLE, PackageType: 'Image', Code: { ImageUri: 'app' } })),
      (e: LambdaServiceException) => e.name === 'InvalidParameterValueException' && e.message === 'Source image app is not valid. Provide a valid source image.',
    );
    await assert.rejects(context.lambda.send(new ListFunctionsCommand({ FunctionVersion: 'invalid' as never })), (e: LambdaServiceException) => {
      assert.equal(e.message, "1 validation error detected: Value 'invalid' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]");
      return true;
    });
  });

  it('refuses uploads over AWS size limits: a zip over 50 MB, a request over 70 MB (AWS-recorded wording)', async () => {
    const base = { FunctionName: uniqueName('big'), Runtime: 'python3.12' as const, Role: ROLE, Handler: 'handler.handler' };
    await assert.rejects(context.lambda.send(new CreateFunctionCommand({ ...base, Code: { ZipFile: Buffer.alloc(52_428_801) } })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'RequestEntityTooLargeException');
      assert.equal(e.$metadata.httpStatusCode, 413);
      assert.equal(e.message, 'Zipped size must be smaller than 52428800 bytes');
      return true;
    });
    const oversized = { Variables: { largeKey: 'x'.repeat(70_167_211) } };
    await assert.rejects(context.lambda.send(new CreateFunctionCommand({ ...base, Code: { ZipFile: zip(PY_ECHO) }, Environment: oversized })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'RequestEntityTooLargeException');
      assert.equal(e.$metadata.httpStatusCode, 413);
      assert.equal(e.message, 'Request must be smaller than 70167211 bytes for the CreateFunction operation');
      return true;
    });
  });

  it('finds a function by name, full ARN and partial ARN (account:function:name) for updates', async () => {
    const name = await createFunction(context.lambda, PY_ECHO);
    const { FunctionArn: arn } = await context.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    for (const [i, form] of [arn!, name, arn!.split(':').slice(-3).join(':')].entries()) {
      const updated = await context.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: form, Description: `update ${i}`, MemorySize: 512 + i }));
      assert.equal(updated.FunctionArn, arn);
      assert.equal(updated.MemorySize, 512 + i);
    }
    assert.equal((await context.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))).Description, 'update 2');
  });

  it('invokes a Python echo function, reusing its warm environment', async () => {
    const name = await createFunction(context.lambda, PY_ECHO);
    const first = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"hello":"world"}'), LogType: 'Tail' }));
    assert.equal(first.StatusCode, 200);
    assert.equal(first.ExecutedVersion, '$LATEST');
    assert.equal(first.FunctionError, undefined);
    assert.deepEqual(decode(first.Payload), { hello: 'world' });
    const log = Buffer.from(first.LogResult!, 'base64').toString();
    assert.match(log, /START RequestId: [0-9a-f-]{36} Version: \$LATEST\n/);
    assert.match(log, /END RequestId: [0-9a-f-]{36}\nREPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t\n$/);
    const second = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('[1,2]'), LogType: 'Tail' }));
    assert.deepEqual(decode(second.Payload), [1, 2]);
    assert.doesNotMatch(Buffer.from(second.LogResult!, 'base64').toString(), /Init Duration/);
  });

  it('UpdateFunctionCode replaces the code that runs', async () => {
    const name = await createFunction(context.lambda, PY_ECHO);
    assert.deepEqual(decode((await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('1') }))).Payload), 1);
    await context.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip({ 'handler.py': 'def handler(event, context):\n    return {"v": 2}\n' }) }));
    assert.deepEqual(decode((await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('1') }))).Payload), { v: 2 });
  });

  it('creates a function from a zip in S3, and says what S3 answered when the object is missing', async () => {
    const s3 = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    const bucket = uniqueName('code');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'fn.zip', Body: zip(PY_ECHO) }));
    const name = await createFunction(context.lambda, {}, { Code: { S3Bucket: bucket, S3Key: 'fn.zip' } });
    assert.deepEqual(decode((await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"from":"s3"}') }))).Payload), { from: 's3' });
    await assert.rejects(createFunction(context.lambda, {}, { Code: { S3Bucket: bucket, S3Key: 'missing.zip' } }), (e: LambdaServiceException) => {
      assert.equal(e.name, 'InvalidParameterValueException');
      assert.match(e.message, /^Error occurred while GetObject\. S3 Error Code: NoSuchKey\. S3 Error Message: The specified key does not exist\.?$/);
      return true;
    });
    s3.destroy();
  });
});
