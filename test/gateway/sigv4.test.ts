import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Hash } from '@smithy/hash-node';
import { NodeHttp2Handler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { SQSClient, ListQueuesCommand } from '@aws-sdk/client-sqs';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  AssumeRootCommand,
  GetCallerIdentityCommand,
  STSClient,
  type STSClientConfig,
} from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// Expected codes, statuses and messages are AWS's (STS/SQS common errors and the SigV4 troubleshooting messages
// AWS returns, e.g. "Signature expired: ... is now earlier than ... (... - 15 min.)").
const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

type AwsErrorShape = Error & { $metadata: { httpStatusCode: number }; Code?: string };

function expectError(code: string, status: number, message?: string | RegExp) {
  return (e: AwsErrorShape) => {
    assert.equal(e.name, code);
    assert.equal(e.$metadata.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  };
}

describe('strict SigV4 signature checking', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  const sts = (config: Partial<STSClientConfig> = {}) =>
    new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: KEY, maxAttempts: 1, ...config });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sts', 'sqs'], strictSignatures: true, credentials: [{ ...KEY, accountId: '123456789012' }] });
  });
  after(() => aws.stop());

  /** A query-protocol STS call signed by hand, so that tests can change it after signing. */
  async function signedStsRequest(body: string, options: { secret?: string; date?: Date } = {}): Promise<HttpRequest> {
    const url = new URL(aws.endpoint);
    const signer = new SignatureV4({
      credentials: { ...KEY, secretAccessKey: options.secret ?? KEY.secretAccessKey },
      region: 'us-east-1',
      service: 'sts',
      sha256: Hash.bind(null, 'sha256'),
    });
    const request: HttpRequest = {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    };
    return (await signer.sign(request, { signingDate: options.date })) as HttpRequest;
  }

  async function send(request: HttpRequest, body = request.body as string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${aws.endpoint}${request.path}`, { method: request.method, headers: request.headers, body });
    return { status: response.status, text: await response.text() };
  }

  it('accepts a correctly signed request by a configured key, which acts as its account', async () => {
    const identity = await sts().send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, '123456789012');
    assert.equal(identity.Arn, 'arn:aws:iam::123456789012:root');
  });

  it('rejects a wrong secret with SignatureDoesNotMatch (query) and InvalidSignatureException (JSON)', async () => {
    const wrong = { ...KEY, secretAccessKey: 'not-the-secret' };
    await assert.rejects(sts({ credentials: wrong }).send(new GetCallerIdentityCommand({})), expectError('SignatureDoesNotMatch', 403, MISMATCH));
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: wrong, maxAttempts: 1 });
    await assert.rejects(sqs.send(new ListQueuesCommand({})), expectError('InvalidSignatureException', 400, MISMATCH));
  });

  it('verifies signatures of HTTP/2 requests (host from :authority)', async () => {
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: KEY, maxAttempts: 1, requestHandler: new NodeHttp2Handler() });
    try {
      assert.deepEqual((await sqs.send(new ListQueuesCommand({}))).QueueUrls, undefined);
    } finally {
      sqs.destroy();
    }
  });

  it('rejects an unknown access key with InvalidClientTokenId (query) and UnrecognizedClientException (JSON)', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' };
    await assert.rejects(sts({ credentials: unknown }).send(new GetCallerIdentityCommand({})), expectError('InvalidClientTokenId', 403, INVALID_TOKEN));
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: unknown, maxAttempts: 1 });
    await assert.rejects(sqs.send(new ListQueuesCommand({})), expectError('UnrecognizedClientException', 400, INVALID_TOKEN));
  });

  it('reports JSON authentication errors with Coral service types', async () => {
    const response = await fetch(aws.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.ListQueues' },
      body: '{}',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('rejects an unsigned query request with MissingAuthenticationToken', async () => {
    const response = await fetch(aws.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>MissingAuthenticationToken<\/Code>/);
  });

  it('serves operations AWS allows unsigned (AssumeRoleWithWebIdentity) without credentials', async () => {
    const anonymous = new STSClient({
      endpoint: aws.endpoint,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: '', secretAccessKey: '' },
      signer: { sign: async (request) => request },
    });
    const out = await anonymous.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/web', RoleSessionName: 'web', WebIdentityToken: 'opaque-token' }),
    );
    assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:sts::123456789012:assumed-role/web/web');
  });

  it('rejects a request signed more than 15 minutes in the past; the SDK then corrects its clock from the Date header', async () => {
    const skewed = sts({ systemClockOffset: -30 * 60 * 1000 });
    await assert.rejects(
      skewed.send(new GetCallerIdentityCommand({})),
      expectError('SignatureDoesNotMatch', 403, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/),
    );
    // The SDK corrected its clock offset from the error response's Date header, so its next call succeeds.
    const identity = await skewed.send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Account, '123456789012');
  });

  it('rejects a request signed more than 15 minutes in the future', async () => {
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: KEY, maxAttempts: 1, systemClockOffset: 20 * 60 * 1000 });
    await assert.rejects(
      sqs.send(new ListQueuesCommand({})),
      expectError('InvalidSignatureException', 400, /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/),
    );
  });

  it('rejects a body changed after signing', async () => {
    const request = await signedStsRequest('Action=GetCallerIdentity&Version=2011-06-15');
    assert.equal((await send(request)).status, 200);
    const tampered = await send(request, 'Action=GetSessionToken&Version=2011-06-15');
    assert.equal(tampered.status, 403);
    assert.match(tampered.text, /<Code>SignatureDoesNotMatch<\/Code>/);
  });

  it('hashes the body itself rather than trusting x-amz-content-sha256', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const original = await signedStsRequest(body);
    const claimed = (await import('node:crypto')).createHash('sha256').update(body).digest('hex');
    const url = new URL(aws.endpoint);
    const signer = new SignatureV4({ credentials: KEY, region: 'us-east-1', service: 'sts', sha256: Hash.bind(null, 'sha256') });
    const withHash = (await signer.sign({ ...original, headers: { host: url.host, 'content-type': original.headers['content-type'], 'x-amz-content-sha256': claimed } })) as HttpRequest;
    assert.equal((await send(withHash)).status, 200);
    const tampered = await send(withHash, 'Action=GetSessionToken&Version=2011-06-15');
    assert.equal(tampered.status, 403);
    assert.match(tampered.text, /<Message>The request signature we calculated does not match/);
  });

  it('accepts presigned URLs until X-Amz-Expires runs out', async () => {
    const url = new URL(aws.endpoint);
    const signer = new SignatureV4({ credentials: KEY, region: 'us-east-1', service: 'sts', sha256: Hash.bind(null, 'sha256') });
    const request: HttpRequest = {
      method: 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: url.host },
    };
    const open = async (signingDate: Date, expiresIn: number) => {
      const presigned = await signer.presign(request, { signingDate, expiresIn });
      const query = new URLSearchParams(presigned.query as Record<string, string>);
      const response = await fetch(`${aws.endpoint}/?${query}`);
      return { status: response.status, text: await response.text() };
    };
    const fresh = await open(new Date(), 300);
    assert.equal(fresh.status, 200);
    assert.match(fresh.text, /<Account>123456789012<\/Account>/);
    const tooLong = new URLSearchParams((await signer.presign(request, { expiresIn: 600 })).query as Record<string, string>);
    tooLong.set('X-Amz-Expires', '604801');
    const refused = await fetch(`${aws.endpoint}/?${tooLong}`);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /<Code>IncompleteSignature<\/Code>/);
    const expired = await open(new Date(Date.now() - 3600_000), 60);
    assert.equal(expired.status, 403);
    assert.match(expired.text, /<Code>SignatureDoesNotMatch<\/Code><Message>Signature expired: /);
  });

  it('accepts STS temporary credentials only with their session token', async () => {
    const assumed = await sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/ops', RoleSessionName: 'strict' }));
    const creds = assumed.Credentials!;
    const temporary = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! };
    const identity = await sts({ credentials: temporary }).send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, 'arn:aws:sts::111122223333:assumed-role/ops/strict');
    await assert.rejects(
      sts({ credentials: { ...temporary, sessionToken: 'forged' } }).send(new GetCallerIdentityCommand({})),
      expectError('InvalidClientTokenId', 403, INVALID_TOKEN),
    );
    await assert.rejects(
      sts({ credentials: { accessKeyId: temporary.accessKeyId, secretAccessKey: temporary.secretAccessKey } }).send(new GetCallerIdentityCommand({})),
      expectError('InvalidClientTokenId', 403, INVALID_TOKEN),
    );
  });

  it('rejects expired temporary credentials with ExpiredToken', async () => {
    const admin = (await sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/admin', RoleSessionName: 'admin' }))).Credentials!;
    const asAdmin = sts({ credentials: { accessKeyId: admin.AccessKeyId!, secretAccessKey: admin.SecretAccessKey!, sessionToken: admin.SessionToken! } });
    // AssumeRoot accepts a zero duration: the credentials are expired as soon as they are issued.
    const root = (
      await asAdmin.send(
        new AssumeRootCommand({ TargetPrincipal: '444455556666', TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' }, DurationSeconds: 0 }),
      )
    ).Credentials!;
    await assert.rejects(
      sts({ credentials: { accessKeyId: root.AccessKeyId!, secretAccessKey: root.SecretAccessKey!, sessionToken: root.SessionToken! } }).send(new GetCallerIdentityCommand({})),
      expectError('ExpiredToken', 403, 'The security token included in the request is expired'),
    );
  });

  it('checks boto3 signatures too (right and wrong secret)', async () => {
    const script = `
import boto3, sys
from botocore.exceptions import ClientError
def client(secret):
    return boto3.client('sts', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='${KEY.accessKeyId}', aws_secret_access_key=secret)
print(client('${KEY.secretAccessKey}').get_caller_identity()['Account'])
try:
    client('wrong').get_caller_identity()
except ClientError as e:
    print(e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])
`;
    const { stdout } = await promisify(execFile)('python3', ['-c', script, aws.endpoint]);
    assert.deepEqual(stdout.trim().split('\n'), ['123456789012', 'SignatureDoesNotMatch 403']);
  });
});
