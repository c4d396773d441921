import assert from 'node:assert/strict';
import { request } from 'node:http';
import {
  AddPermissionCommand,
  CreateFunctionUrlConfigCommand,
  DeleteFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  InvokeCommand,
  LambdaClient,
  LambdaServiceException,
  UpdateFunctionUrlConfigCommand,
} from '@aws-sdk/client-lambda';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { createFunction, CREDENTIALS, useLambda } from './support.ts';

interface UrlResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  chunks: number;
}

/** An HTTP request to a function URL; its `*.localhost.localstack.cloud` host name resolves to this machine. */
function urlRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<UrlResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, lookup: (_host, _opts, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A SigV4-signed request (service `lambda`), as AWS_IAM function URLs require. */
async function signedRequest(url: string, credentials: { accessKeyId: string; secretAccessKey: string }, body = ''): Promise<UrlResponse> {
  const parsed = new URL(url);
  const signer = new SignatureV4({ service: 'lambda', region: 'us-east-1', credentials, sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: parsed.hostname, port: Number(parsed.port), path: parsed.pathname, headers: { host: parsed.host, 'content-type': 'text/plain' }, body });
  return urlRequest(url, { method: 'POST', headers: signed.headers, body });
}

const FORBIDDEN = '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}';

describe('Lambda function URLs on the main port (<url-id>.lambda-url.<region>.localhost.localstack.cloud)', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts']);

  const allowUrl = (name: string, Principal = '*', FunctionUrlAuthType: 'NONE' | 'AWS_IAM' = 'NONE') =>
    context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: `url-${Principal.replace('*', 'public')}`, Action: 'lambda:InvokeFunctionUrl', Principal, FunctionUrlAuthType }));
  const allowInvokeViaUrl = (name: string, Principal = '*') =>
    context.lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: `invoke-${Principal.replace('*', 'public')}`, Action: 'lambda:InvokeFunction', Principal, InvokedViaFunctionUrl: true }));
  /** What a public URL needs since October 2025 (Lambda's urls-auth page): both statements. */
  const allowPublic = async (name: string) => {
    await allowUrl(name);
    await allowInvokeViaUrl(name);
  };

  it('AuthType NONE: refused until the resource policy allows lambda:InvokeFunctionUrl and lambda:InvokeFunction; payload format 2.0 event; AWS\'s result mapping', async () => {
    const source = `
import json
def handler(event, context):
    path = event["rawPath"]
    if path == "/string":
        return "hello"
    if path == "/list":
        return ["hello", 3, True]
    if path == "/fail":
        raise ValueError("boom")
    if path == "/binary":
        return {"statusCode": 200, "headers": {"Content-Type": "application/octet-stream"}, "body": "AAEC", "isBase64Encoded": True}
    return {"statusCode": 201, "headers": {"X-Custom": "1"}, "cookies": ["a=1", "b=2; Path=/"], "body": json.dumps(event)}
`;
    const name = await createFunction(context.lambda, { 'handler.py': source });
    const created = await context.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'NONE' }));
    assert.equal(created.$metadata.httpStatusCode, 201);
    const port = new URL(context.aws.endpoint).port;
    assert.match(created.FunctionUrl!, new RegExp(`^http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost\\.localstack\\.cloud:${port}/$`));
    assert.equal((await context.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: name }))).InvokeMode, 'BUFFERED');

    const refused = await urlRequest(created.FunctionUrl!);
    assert.equal(refused.status, 403);
    assert.equal(refused.body, FORBIDDEN);
    assert.equal(refused.headers['x-amzn-errortype'], 'AccessDeniedException');
    await allowUrl(name);
    assert.deepEqual([(await urlRequest(created.FunctionUrl!)).status, (await urlRequest(created.FunctionUrl!)).body], [403, FORBIDDEN]);
    await allowInvokeViaUrl(name);

    const url = created.FunctionUrl!;
    const res = await urlRequest(`${url}pa%2Fth/x?a=1&a=2&b=`, { method: 'POST', body: 'payload', headers: { 'content-type': 'text/plain', cookie: 'c1=v1; c2=v2', 'x-Mixed-Case': 'Yes' } });
    assert.equal(res.status, 201);
    assert.equal(res.headers['x-custom'], '1');
    assert.deepEqual(res.headers['set-cookie'], ['a=1', 'b=2; Path=/']);
    const event = JSON.parse(res.body);
    const id = new URL(url).hostname.split('.')[0];
    assert.equal(event.version, '2.0');
    assert.equal(event.routeKey, '$default');
    assert.equal(event.rawPath, '/pa%2Fth/x');
    assert.equal(event.rawQueryString, 'a=1&a=2&b=');
    assert.deepEqual(event.queryStringParameters, { a: '1,2', b: '' });
    assert.deepEqual(event.cookies, ['c1=v1', 'c2=v2']);
    assert.equal(event.headers['x-mixed-case'], 'Yes');
    assert.equal(event.headers.cookie, undefined);
    assert.ok(event.headers['x-amzn-trace-id'] && event.headers['x-forwarded-proto'] && event.headers['x-forwarded-for']);
    assert.equal(event.body, 'payload');
    assert.equal(event.isBase64Encoded, false);
    assert.equal(event.requestContext.accountId, 'anonymous');
    assert.equal(event.requestContext.apiId, id);
    assert.equal(event.requestContext.domainName, `${id}.lambda-url.us-east-1.on.aws`);
    assert.equal(event.headers.host, event.requestContext.domainName);
    assert.equal(event.requestContext.http.method, 'POST');
    assert.equal(event.requestContext.authorizer, undefined);

    const binary = await urlRequest(url, { method: 'POST', body: Buffer.from([0, 1, 2]), headers: { 'content-type': 'application/octet-stream' } });
    assert.equal(JSON.parse(binary.body).isBase64Encoded, true);
    assert.equal(JSON.parse(binary.body).body, 'AAEC');
    const empty = JSON.parse((await urlRequest(url)).body);
    assert.equal(empty.body, undefined);
    assert.equal(empty.isBase64Encoded, false);

    const string = await urlRequest(`${url}string`);
    assert.deepEqual([string.status, string.headers['content-type'], string.body], [200, 'application/json', 'hello']);
    assert.equal((await urlRequest(`${url}list`)).body, '["hello",3,true]');
    const bytes = await urlRequest(`${url}binary`);
    assert.deepEqual(Buffer.from(bytes.body, 'latin1'), Buffer.from([0, 1, 2]));
    const failed = await urlRequest(`${url}fail`);
    assert.deepEqual([failed.status, failed.body], [502, 'Internal Server Error']);

    const unknown = await urlRequest(`http://0123456789abcdefghijklmnopqrstuv.lambda-url.us-east-1.localhost.localstack.cloud:${port}/`);
    assert.deepEqual([unknown.status, unknown.body, unknown.headers['content-type'], unknown.headers['x-amzn-errortype']], [403, '{"Message":null}', 'application/json', 'AccessDeniedException']);
    await context.lambda.send(new DeleteFunctionUrlConfigCommand({ FunctionName: name }));
    assert.equal((await urlRequest(url)).body, '{"Message":null}');
    await assert.rejects(
      context.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'NONE', InvokeMode: 'UNKNOWN' as never })),
      // AWS lists the enum in its own order, not the model's (AWS-recorded test_lambda_url_invalid_invoke_mode).
      (e: LambdaServiceException) =>
        e.name === 'ValidationException' &&
        e.message === "1 validation error detected: Value 'UNKNOWN' at 'invokeMode' failed to satisfy constraint: Member must satisfy enum value set: [RESPONSE_STREAM, BUFFERED]",
    );
  });

  it('AuthType AWS_IAM: unsigned requests refused; the owner account signs in; another account only where the policy grants it both actions', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return event["requestContext"]\n' });
    const { FunctionUrl } = await context.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'AWS_IAM' }));
    const unsigned = await urlRequest(FunctionUrl!, { method: 'POST', body: 'x' });
    assert.deepEqual([unsigned.status, unsigned.body], [403, FORBIDDEN]);
    const own = await signedRequest(FunctionUrl!, CREDENTIALS, 'x');
    assert.equal(own.status, 200, own.body);
    const requestContext = JSON.parse(own.body);
    assert.equal(requestContext.accountId, '000000000000');
    assert.equal(requestContext.authorizer.iam.accountId, '000000000000');
    assert.equal(requestContext.authorizer.iam.accessKey, 'test');

    const other = { accessKeyId: '111111111111', secretAccessKey: 'test' };
    assert.equal((await signedRequest(FunctionUrl!, other)).status, 403);
    await allowUrl(name, '111111111111', 'AWS_IAM');
    assert.deepEqual([(await signedRequest(FunctionUrl!, other)).status, (await signedRequest(FunctionUrl!, other)).body], [403, FORBIDDEN]);
    await allowInvokeViaUrl(name, '111111111111');
    const allowed = await signedRequest(FunctionUrl!, other);
    assert.equal(allowed.status, 200, allowed.body);
    assert.equal(JSON.parse(allowed.body).authorizer.iam.accountId, '111111111111');
  });

  it('the URL-only lambda:InvokeFunction grant opens no direct Invoke; accounts under AWS\'s temporary exception need lambda:InvokeFunctionUrl alone', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return "ok"\n' });
    const { FunctionUrl } = await context.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'NONE' }));
    await allowPublic(name);
    assert.equal((await urlRequest(FunctionUrl!)).body, 'ok');
    const stranger = new LambdaClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' } });
    const arn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
    await assert.rejects(stranger.send(new InvokeCommand({ FunctionName: arn })), (e: LambdaServiceException) => e.name === 'AccessDeniedException' && e.$metadata.httpStatusCode === 403);
    stranger.destroy();

    const legacy = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return "legacy"\n' });
    const legacyUrl = (await context.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: legacy, AuthType: 'NONE' }))).FunctionUrl!;
    await allowUrl(legacy);
    assert.equal((await urlRequest(legacyUrl)).status, 403);
    process.env.LAMBDA_URL_AUTH_EXCEPTION = '123456789012,000000000000';
    try {
      assert.deepEqual([(await urlRequest(legacyUrl)).status, (await urlRequest(legacyUrl)).body], [200, 'legacy']);
    } finally {
      delete process.env.LAMBDA_URL_AUTH_EXCEPTION;
    }
    assert.equal((await urlRequest(legacyUrl)).status, 403);
  });

  it('CORS: preflights answered from the Cors configuration without invoking; allowed origins get the headers on responses', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return {"statusCode": 200, "body": event["requestContext"]["http"]["method"]}\n' });
    const { FunctionUrl } = await context.lambda.send(
      new CreateFunctionUrlConfigCommand({
        FunctionName: name,
        AuthType: 'NONE',
        Cors: { AllowOrigins: ['http://app.example'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['x-token'], ExposeHeaders: ['x-result'], MaxAge: 300, AllowCredentials: true },
      }),
    );
    await allowPublic(name);
    const preflight = await urlRequest(FunctionUrl!, { method: 'OPTIONS', headers: { origin: 'http://app.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.body, '');
    assert.equal(preflight.headers['access-control-allow-origin'], 'http://app.example');
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET,POST');
    assert.equal(preflight.headers['access-control-allow-headers'], 'x-token');
    assert.equal(preflight.headers['access-control-max-age'], '300');
    assert.equal(preflight.headers['access-control-allow-credentials'], 'true');
    const actual = await urlRequest(FunctionUrl!, { headers: { origin: 'http://app.example' } });
    assert.deepEqual([actual.status, actual.body], [200, 'GET']);
    assert.equal(actual.headers['access-control-allow-origin'], 'http://app.example');
    assert.equal(actual.headers['access-control-expose-headers'], 'x-result');
    const stranger = await urlRequest(FunctionUrl!, { headers: { origin: 'http://evil.example' } });
    assert.equal(stranger.status, 200);
    assert.equal(stranger.headers['access-control-allow-origin'], undefined);
    await context.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: name, Cors: { AllowOrigins: ['*'] } }));
    const any = await urlRequest(FunctionUrl!, { headers: { origin: 'http://evil.example' } });
    assert.equal(any.headers['access-control-allow-origin'], '*');
  });

  it('InvokeMode RESPONSE_STREAM: the prelude of HttpResponseStream.from sets status and headers, the body arrives in chunks', async () => {
    const source = `
export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 203, headers: { 'content-type': 'text/plain', 'x-stream': 'yes' } });
  for (const part of ['Hello', ', ', 'world!']) {
    stream.write(part);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  stream.end();
});
`;
    const name = await createFunction(context.lambda, { 'index.mjs': source }, { Runtime: 'nodejs20.x', Handler: 'index.handler' });
    const { FunctionUrl, InvokeMode } = await context.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'NONE', InvokeMode: 'RESPONSE_STREAM' }));
    assert.equal(InvokeMode, 'RESPONSE_STREAM');
    await allowPublic(name);
    const res = await urlRequest(FunctionUrl!);
    assert.equal(res.status, 203);
    assert.equal(res.headers['content-type'], 'text/plain');
    assert.equal(res.headers['x-stream'], 'yes');
    assert.equal(res.body, 'Hello, world!');
    assert.ok(res.chunks >= 2, `streamed in ${res.chunks} chunks`);
  });
});

describe('Lambda function URLs with --enforce-iam: an AWS_IAM URL judges the caller\'s identity policies for both actions', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let lambda: LambdaClient;
  let iam: IAMClient;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['lambda', 'iam', 'sts'], enforceIam: true });
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    lambda = new LambdaClient(options);
    iam = new IAMClient(options);
  });
  after(async () => {
    lambda.destroy();
    iam.destroy();
    await aws.stop();
  });

  it('a user of the owner account allowed lambda:InvokeFunctionUrl alone is refused until it may lambda:InvokeFunction too', async () => {
    const name = await createFunction(lambda, { 'handler.py': 'def handler(event, context):\n    return "signed"\n' });
    const { FunctionUrl } = await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'AWS_IAM' }));
    await iam.send(new CreateUserCommand({ UserName: 'url-caller' }));
    const grant = (actions: string[]) =>
      iam.send(new PutUserPolicyCommand({ UserName: 'url-caller', PolicyName: 'url', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }) }));
    await grant(['lambda:InvokeFunctionUrl']);
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'url-caller' }))).AccessKey!;
    const user = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    assert.deepEqual([(await signedRequest(FunctionUrl!, user)).status, (await signedRequest(FunctionUrl!, user)).body], [403, FORBIDDEN]);
    await grant(['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction']);
    assert.deepEqual([(await signedRequest(FunctionUrl!, user)).status, (await signedRequest(FunctionUrl!, user)).body], [200, 'signed']);
  });
});
