import assert from 'node:assert/strict';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  ListFunctionsCommand,
  SendDurableExecutionCallbackFailureCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { Emulator } from '../../emulator/core/emulator.ts';
import { AwsError } from '../../emulator/core/errors.ts';
import type { RequestContext, ServiceDefinition } from '../../emulator/core/service.ts';
import { loadModel } from '../../emulator/models/load.ts';
import { startServer, type RunningServer } from '../../emulator/server/http.ts';
import { runPython } from './rest-python.ts';

// A service on the real Lambda model whose handlers record what the protocol layer decoded and answer canned,
// AWS-shaped outputs, so that the AWS SDK's own serializers and parsers check both directions of rest-json.
const seen: Record<string, { input: Record<string, unknown>; ctx: RequestContext }> = {};
const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:fn';
const configuration = (name: string) => ({
  FunctionName: name,
  FunctionArn: ARN,
  Runtime: 'python3.12',
  Handler: 'handler.handler',
  CodeSize: 4,
  MemorySize: 128,
  Timeout: 3,
  LastModified: '2026-01-02T03:04:05.000+0000',
  Version: '$LATEST',
  State: 'Pending',
  Architectures: ['x86_64'],
  Environment: { Variables: { A: '1' } },
});
const notFound = (name: string) => new AwsError('ResourceNotFoundException', `Function not found: arn:aws:lambda:us-east-1:000000000000:function:${name}`);

const lambdaEcho: ServiceDefinition = {
  name: 'lambda',
  model: loadModel('lambda'),
  createState: () => ({}),
  handlers: {
    CreateFunction: (input: { FunctionName: string }, ctx) => {
      seen.CreateFunction = { input, ctx };
      return configuration(input.FunctionName);
    },
    GetFunction: (input: { FunctionName: string }) => {
      if (input.FunctionName === 'missing') throw notFound(input.FunctionName);
      return { Configuration: configuration(input.FunctionName), Code: { RepositoryType: 'S3', Location: 'https://x' }, Tags: { t: 'v' } };
    },
    UpdateFunctionConfiguration: () => {
      throw new AwsError('InvalidParameterValueException', 'Unsupported runtime: nope', { status: 400 });
    },
    // The model says 200 but binds a StatusCode member: AWS answers 204 (LocalStack's recorded test_function_lifecycle).
    DeleteFunction: (input, ctx) => {
      seen.DeleteFunction = { input, ctx };
      return { StatusCode: 204 };
    },
    Invoke: (input: { FunctionName: string; Payload?: Buffer; InvocationType?: string; LogType?: string }, ctx) => {
      seen.Invoke = { input, ctx };
      if (input.InvocationType === 'Event') return { StatusCode: 202 };
      return {
        StatusCode: 200,
        FunctionError: input.FunctionName === 'failing' ? 'Unhandled' : undefined,
        LogResult: input.LogType === 'Tail' ? Buffer.from('START RequestId: 1\nEND\n').toString('base64') : undefined,
        ExecutedVersion: '$LATEST',
        Payload: Buffer.from(JSON.stringify({ echo: JSON.parse(input.Payload?.toString() ?? 'null') })),
      };
    },
    ListFunctions: (input: { Marker?: string; MaxItems?: number }, ctx) => {
      seen.ListFunctions = { input, ctx };
      return { Functions: [configuration('a'), configuration('b')], NextMarker: 'next' };
    },
    SendDurableExecutionCallbackFailure: (input, ctx) => {
      seen.SendDurableExecutionCallbackFailure = { input, ctx };
    },
    TagResource: (input, ctx) => {
      seen.TagResource = { input, ctx };
    },
    UntagResource: (input, ctx) => {
      seen.UntagResource = { input, ctx };
    },
  },
};

describe('rest-json protocol through the AWS SDK v3 Lambda client and boto3', () => {
  let server: RunningServer;
  let endpoint: string;
  let lambda: LambdaClient;

  before(async () => {
    server = await startServer(new Emulator({ services: [lambdaEcho] }), { port: 0, host: '127.0.0.1', internalRoutes: {} });
    endpoint = `http://127.0.0.1:${server.port}`;
    lambda = new LambdaClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    lambda.destroy();
    await server.close();
  });

  it('CreateFunction: JSON body with a base64 blob in, 201 and a JSON document out', async () => {
    const out = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'fn',
        Runtime: 'python3.12',
        Role: 'arn:aws:iam::000000000000:role/r',
        Handler: 'handler.handler',
        Code: { ZipFile: new Uint8Array([0x50, 0x4b, 3, 4]) },
        Environment: { Variables: { A: '1' } },
        Timeout: 3,
        Publish: false,
      }),
    );
    const input = seen.CreateFunction.input as { Code: { ZipFile: Buffer }; Timeout: number; Publish: boolean };
    assert.deepEqual([...input.Code.ZipFile], [0x50, 0x4b, 3, 4]);
    assert.equal(input.Timeout, 3);
    assert.equal(input.Publish, false);
    assert.equal(out.$metadata.httpStatusCode, 201);
    assert.equal(out.FunctionArn, ARN);
    assert.deepEqual(out.Environment, { Variables: { A: '1' } });
    assert.deepEqual(out.Architectures, ['x86_64']);
  });

  it('Invoke: raw payload in and out, invocation headers in, function-error and log headers out', async () => {
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: 'failing', Payload: Buffer.from('{"n":1}'), LogType: 'Tail', Qualifier: '$LATEST', ClientContext: 'eyJhIjoxfQ==' }),
    );
    const { input } = seen.Invoke;
    assert.equal((input.Payload as Buffer).toString(), '{"n":1}');
    assert.equal(input.LogType, 'Tail');
    assert.equal(input.Qualifier, '$LATEST');
    assert.equal(input.ClientContext, 'eyJhIjoxfQ==');
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    assert.equal(Buffer.from(out.LogResult!, 'base64').toString(), 'START RequestId: 1\nEND\n');
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.deepEqual(JSON.parse(Buffer.from(out.Payload!).toString()), { echo: { n: 1 } });
  });

  it('Invoke with InvocationType Event: the statusCode member sets the HTTP status (202)', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'fn', InvocationType: 'Event', Payload: Buffer.from('{}') }));
    assert.equal(out.StatusCode, 202);
    assert.equal(out.$metadata.httpStatusCode, 202);
    assert.equal(seen.Invoke.input.InvocationType, 'Event');
  });

  it('ListFunctions: typed query parameters in, list output', async () => {
    const out = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: 'm 1&x', FunctionVersion: 'ALL' }));
    assert.deepEqual({ ...seen.ListFunctions.input }, { MaxItems: 2, Marker: 'm 1&x', FunctionVersion: 'ALL' });
    assert.deepEqual(out.Functions?.map((f) => f.FunctionName), ['a', 'b']);
    assert.equal(out.NextMarker, 'next');
  });

  it('errors: x-amzn-ErrorType names the error, the body carries the modelled Type and Message', async () => {
    await assert.rejects(lambda.send(new GetFunctionCommand({ FunctionName: 'missing' })), (e: LambdaServiceException & { Type?: string }) => {
      assert.equal(e.name, 'ResourceNotFoundException');
      assert.equal(e.message, 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing');
      assert.equal(e.Type, 'User');
      assert.equal(e.$metadata.httpStatusCode, 404);
      assert.match(e.$metadata.requestId ?? '', /.+/);
      return true;
    });
    const raw = await fetch(`${endpoint}/2015-03-31/functions/missing`);
    assert.equal(raw.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    assert.deepEqual(await raw.json(), { Type: 'User', Message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing' });
    // This error's model spells the member `message`.
    await assert.rejects(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'fn', Runtime: 'nope' as never })), (e: LambdaServiceException) => {
      assert.equal(e.name, 'InvalidParameterValueException');
      assert.equal(e.message, 'Unsupported runtime: nope');
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
  });

  it('DeleteFunction: query parameter in; a statusCode member sets 204, with an empty body', async () => {
    const out = await lambda.send(new DeleteFunctionCommand({ FunctionName: 'fn', Qualifier: '1' }));
    assert.equal(out.$metadata.httpStatusCode, 204);
    assert.deepEqual({ ...seen.DeleteFunction.input }, { FunctionName: 'fn', Qualifier: '1' });
    const raw = await fetch(`${endpoint}/2015-03-31/functions/fn`, { method: 'DELETE' });
    assert.equal(raw.status, 204);
    assert.equal(await raw.text(), '');
  });

  it('TagResource / UntagResource: an ARN in a URI label, a list-valued query parameter', async () => {
    await lambda.send(new TagResourceCommand({ Resource: ARN, Tags: { a: '1', b: '2' } }));
    assert.deepEqual({ ...seen.TagResource.input, Tags: { ...(seen.TagResource.input.Tags as object) } }, { Resource: ARN, Tags: { a: '1', b: '2' } });
    await lambda.send(new UntagResourceCommand({ Resource: ARN, TagKeys: ['a', 'b c'] }));
    assert.deepEqual({ ...seen.UntagResource.input }, { Resource: ARN, TagKeys: ['a', 'b c'] });
  });

  it('a structure payload is the whole JSON body', async () => {
    const error = { ErrorMessage: 'boom', ErrorType: 'Failure', StackTrace: ['a', 'b'] };
    await lambda.send(new SendDurableExecutionCallbackFailureCommand({ CallbackId: 'cb/1', Error: error }));
    const { input, ctx } = seen.SendDurableExecutionCallbackFailure;
    assert.deepEqual({ ...input }, { CallbackId: 'cb/1', Error: error });
    assert.equal(ctx.headers['content-type'], 'application/json');
  });

  it('unknown routes and malformed JSON are client errors, not crashes', async () => {
    const unknown = await fetch(`${endpoint}/2015-03-31/nothing-here`, { headers: { authorization: signedFor('lambda') } });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    const malformed = await fetch(`${endpoint}/2015-03-31/functions`, { method: 'POST', body: '{"FunctionName":', headers: { authorization: signedFor('lambda') } });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.headers.get('x-amzn-errortype'), 'SerializationException');
    const wrongType = await fetch(`${endpoint}/2015-03-31/functions`, { method: 'POST', body: '{"Timeout":"soon"}', headers: { authorization: signedFor('lambda') } });
    assert.equal(wrongType.status, 400);
    const badNumber = await fetch(`${endpoint}/2015-03-31/functions?MaxItems=lots`, { headers: { authorization: signedFor('lambda') } });
    assert.equal(badNumber.status, 400);
  });

  it('boto3: create_function, invoke, list_functions and an error', async () => {
    const result = await runPython(
      `
import boto3, json
lam = boto3.client('lambda', endpoint_url=ENDPOINT, region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')
created = lam.create_function(FunctionName='py', Runtime='python3.12', Role='arn:aws:iam::000000000000:role/r', Handler='h.h', Code={'ZipFile': b'PK'})
inv = lam.invoke(FunctionName='py', Payload=b'{"x": 2}', LogType='Tail')
listed = lam.list_functions(MaxItems=5)
try:
    lam.get_function(FunctionName='missing')
    err = None
except lam.exceptions.ResourceNotFoundException as e:
    err = [e.response['Error']['Code'], e.response['Error']['Message'], e.response.get('Type'), e.response['ResponseMetadata']['HTTPStatusCode']]
print(json.dumps({'status': created['ResponseMetadata']['HTTPStatusCode'], 'arn': created['FunctionArn'], 'payload': json.loads(inv['Payload'].read()),
                  'log': inv.get('LogResult'), 'names': [f['FunctionName'] for f in listed['Functions']], 'err': err}))
`,
      endpoint,
    );
    assert.equal(result.status, 201);
    assert.equal(result.arn, ARN);
    assert.deepEqual(result.payload, { echo: { x: 2 } });
    assert.equal(Buffer.from(result.log as string, 'base64').toString(), 'START RequestId: 1\nEND\n');
    assert.deepEqual(result.names, ['a', 'b']);
    assert.deepEqual(result.err, ['ResourceNotFoundException', 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing', 'User', 404]);
    assert.deepEqual([...(seen.CreateFunction.input.Code as { ZipFile: Buffer }).ZipFile], [0x50, 0x4b]);
    assert.equal(seen.ListFunctions.input.MaxItems, 5);
  });
});

/** A SigV4 Authorization header whose scope names the service (routing reads the scope; signatures are not checked). */
function signedFor(service: string): string {
  return `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
}
