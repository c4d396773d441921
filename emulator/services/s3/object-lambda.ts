import { randomBytes } from 'node:crypto';
import type { GetObjectRequest, WriteGetObjectResponseRequest } from '@aws-sdk/client-s3';
import { buildArn, parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { hostParts, parseScope } from '../../gateway/route.ts';
import type { RawRequest } from '../../protocols/types.ts';
import { accessDecision } from '../../core/access.ts';
import { requestAction } from './iam-actions.ts';
import { reachedThrough } from './access-point-keys.ts';
import { accessPointNamed, admit, asS3, policyOf, type FoundAccessPoint } from './access-point-lookup.ts';
import { S3Errors } from './errors.ts';
import { answerStatus, requester, type S3Context, type S3State } from './registry.ts';

/**
 * S3 Object Lambda: a GetObject through an Object Lambda access point runs the Lambda function its configuration (in
 * S3 Control) names, and answers with what that function sends to WriteGetObjectResponse — status, headers and body,
 * or an error. Requests for it are signed `s3-object-lambda`, at `<access point>-<account>.s3-object-lambda.<domain>`
 * (or `<access point>-<account>.<endpoint host>` with a custom endpoint); WriteGetObjectResponse goes to
 * `<route>.<the same>`.
 */

/** The headers objects of requests that came through an Object Lambda access point (they are the contexts' `headers`). */
const throughObjectLambda = new WeakSet<object>();

const WRITE_PATH = '/WriteGetObjectResponse';
const LOCALHOST_LABEL = /^([^.]+)\.(localhost(?::\d+)?)$/i;

/**
 * Object Lambda hosts name an access point or a WriteGetObjectResponse route, never a bucket. A request through an
 * access point is addressed as a path-style request to `/<access point>-<account>/<key>`; a WriteGetObjectResponse
 * host loses its route label (the `x-amz-request-route` header carries it).
 */
export function objectLambdaPath(path: string, req: RawRequest): string {
  if (parseScope(req)?.service !== 's3-object-lambda') return path;
  const host = req.headers['host'] ?? '';
  const parts = hostParts(host);
  const write = req.method === 'POST' && path === WRITE_PATH;
  // Without a label the request names no access point and is served as a plain S3 request would be.
  if (!write && (parts.label ?? LOCALHOST_LABEL.exec(host))) throughObjectLambda.add(req.headers);
  if (parts.label && parts.prefix === 's3-object-lambda') return write ? path : `/${parts.label}${path === '/' ? '' : path}`;
  const short = LOCALHOST_LABEL.exec(host);
  if (write && short) req.headers['host'] = short[2];
  return path;
}

export const isThroughObjectLambda = (ctx: S3Context) => throughObjectLambda.has(ctx.headers);

/** A request naming an Object Lambda access point by its alias is served as one through its host would be. */
export const markThroughObjectLambda = (ctx: S3Context) => throughObjectLambda.add(ctx.headers);

/** What S3 serves through an Object Lambda access point: reads and listings (each by the function configured for it, if any). */
export const SERVED = new Set(['GetObject', 'HeadObject', 'ListObjects', 'ListObjectsV2']);

/**
 * The other operations of access points: through an Object Lambda access point they invoke no function and get the
 * standard answer of its supporting access point's bucket ("S3 Object Lambda supports processing only GET, LIST, and
 * HEAD requests. Any other requests ... return standard, non-transformed API responses"; requests through it "work
 * the same as ... through other access points"). AWS's access point compatibility list: the object operations (less
 * what Object Lambda does not take: POST Object, CopyObject from it, SelectObjectContent) and the bucket reads.
 */
export const PASSED_THROUGH = new Set([
  'GetBucketAcl',
  'GetBucketCors',
  'GetBucketLocation',
  'GetBucketNotificationConfiguration',
  'GetBucketPolicy',
  'HeadBucket',
  'AbortMultipartUpload',
  'CompleteMultipartUpload',
  'CopyObject',
  'CreateMultipartUpload',
  'DeleteObject',
  'DeleteObjects',
  'DeleteObjectTagging',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectRetention',
  'GetObjectTagging',
  'ListMultipartUploads',
  'ListObjectVersions',
  'ListParts',
  'PutObject',
  'PutObjectAcl',
  'PutObjectLegalHold',
  'PutObjectRetention',
  'PutObjectTagging',
  'RestoreObject',
  'UploadPart',
  'UploadPartCopy',
]);

/**
 * Operations Object Lambda access points do not take ("You cannot use S3 Object Lambda to perform other Amazon S3
 * operations, such as modifying or deleting buckets"): the 501 an Object Lambda access point answers to what it does
 * not serve (as AWS answered a ranged GetObject its configuration did not allow).
 */
export function refuseThroughObjectLambda(ctx: S3Context): void {
  if (throughObjectLambda.has(ctx.headers) && !SERVED.has(ctx.operation) && !PASSED_THROUGH.has(ctx.operation)) throw notImplemented();
}

export const notImplemented = () => new AwsError('NotImplemented', 'Operation Not Implemented.', { status: 501 });

/**
 * An object operation through an Object Lambda access point, readdressed to its supporting access point's bucket
 * before it is served; undefined (no extra turn) for every other request.
 */
export function routeThroughObjectLambda(input: { Bucket?: string; Key?: string }, ctx: S3Context): Promise<void> | undefined {
  if (!throughObjectLambda.has(ctx.headers) || !PASSED_THROUGH.has(ctx.operation)) return undefined;
  return objectLambdaTarget(ctx, input, ctx.operation).then((target) => {
    input.Bucket = target.bucket;
  });
}

/** What WriteGetObjectResponse hands over: the GetObject answer, less the route and token. */
type Written = Omit<WriteGetObjectResponseRequest, 'Body'> & { Body?: AsyncIterable<Buffer> };

interface Waiting {
  /** Called with the function's answer; resolves when the GetObject caller has read its body. */
  deliver(written: Written): Promise<void>;
}

/** GetObject requests waiting for their function's WriteGetObjectResponse, by token (per emulator). */
const waiting = new WeakMap<object, Map<string, Waiting>>();

function waitingFor(ctx: S3Context): Map<string, Waiting> {
  let map = waiting.get(ctx.emulator);
  if (!map) waiting.set(ctx.emulator, (map = new Map()));
  return map;
}

const notReceived = () => new AwsError('LambdaResponseNotReceived', 'The Lambda exited without successfully calling WriteGetObjectResponse.', { status: 500 });

interface Configuration {
  SupportingAccessPoint?: string;
  AllowedFeatures?: string[];
  TransformationConfigurations?: { Actions?: string[]; ContentTransformation?: { AwsLambda?: { FunctionArn?: string; FunctionPayload?: string } } }[];
}

/** The Object Lambda access point a request's host names: `<name>-<account>`. */
function accessPointOf(label: string): { name: string; accountId: string } {
  const match = /^(.+)-(\d{12})$/.exec(label);
  if (!match) throw new AwsError('InvalidRequest', 'S3 Object Lambda requests must name an Object Lambda access point', { status: 400 });
  return { name: match[1], accountId: match[2] };
}

/** An Object Lambda access point a request names: its configuration, the supporting access point's bucket, and the function for one action. */
export interface ObjectLambdaTarget {
  name: string;
  accountId: string;
  configuration: Configuration;
  bucket: string;
  transformation?: { FunctionArn?: string; FunctionPayload?: string };
}

/**
 * The configuration and the supporting access point come from S3 Control (asked through the core, as S3 itself), as
 * does the function the configuration runs for `action` (GetObject, HeadObject, ListObjects, ListObjectsV2), if any.
 * The request is admitted by the Object Lambda access point's policy and then the supporting access point's before
 * it reaches the bucket, whose policy sees it come through the supporting access point.
 */
export async function objectLambdaTarget(ctx: S3Context, input: { Bucket?: string; Key?: string; VersionId?: string }, action: string): Promise<ObjectLambdaTarget> {
  const { name, accountId } = accessPointOf(input.Bucket ?? '');
  const { Configuration: configuration = {} } = await asS3(ctx, accountId)<{ Configuration?: Configuration }>('GetAccessPointConfigurationForObjectLambda', { Name: name });
  const supportingName = parseArn(configuration.SupportingAccessPoint ?? '')?.resource.replace(/^accesspoint\//, '') ?? '';
  const supporting = await accessPointNamed(ctx, accountId, supportingName);
  await admitThroughObjectLambda(ctx, name, accountId, supporting, input);
  const transformation = configuration.TransformationConfigurations?.find((t) => t.Actions?.includes(action))?.ContentTransformation?.AwsLambda;
  return { name, accountId, configuration, bucket: supporting.accessPoint.Bucket!, transformation: transformation?.FunctionArn ? transformation : undefined };
}

/** What the supporting access point's and the bucket's policies see of a request S3 Object Lambda passes on. */
const CALLED_VIA = { 'aws:CalledVia': ['s3-object-lambda.amazonaws.com'] };

/**
 * The Object Lambda access point's policy ("Configuring IAM policies for Object Lambda access points") judges the
 * request's `s3-object-lambda:` action on its ARN as a resource policy: an explicit Deny refuses, and a caller from
 * another account needs its Allow. The supporting access point's policy then judges the `s3:` action as for any
 * request through it.
 */
async function admitThroughObjectLambda(ctx: S3Context, name: string, accountId: string, supporting: FoundAccessPoint, input: { Key?: string; VersionId?: string }): Promise<void> {
  const action = requestAction(ctx.operation, input);
  const caller = requester(ctx);
  if (ctx.emulator.crossAccount !== 'open' && !caller.servicePrincipal) {
    const policy = await policyOf(ctx, accountId, 'GetAccessPointPolicyForObjectLambda', name);
    const arn = buildArn({ service: 's3-object-lambda', region: ctx.region, accountId, resource: `accesspoint/${name}` });
    if (accessDecision(caller, action.replace(/^s3:/, 's3-object-lambda:'), arn, accountId, policy) !== 'allowed') throw S3Errors.accessDenied();
  }
  await admit(ctx, supporting, input.Key, action, CALLED_VIA);
  reachedThrough(ctx, supporting.accessPoint.Bucket!, { ...supporting.keys, ...CALLED_VIA });
}

/**
 * A Range or partNumber (header or query) in a GetObject or HeadObject through an Object Lambda access point needs its
 * feature (`GetObject-Range`, `HeadObject-PartNumber`...) in the configuration's AllowedFeatures: AWS answers any other
 * such request 501 Not Implemented ("Working with Range and partNumber headers").
 */
export function checkAllowedFeatures(action: 'GetObject' | 'HeadObject', input: { Range?: string; PartNumber?: number }, target: ObjectLambdaTarget): void {
  const features = target.configuration.AllowedFeatures ?? [];
  if (input.Range !== undefined && !features.includes(`${action}-Range`)) throw notImplemented();
  if (input.PartNumber !== undefined && !features.includes(`${action}-PartNumber`)) throw notImplemented();
}

/** The members every Object Lambda event has, besides its action's context (AWS's event context format). */
export function eventBase(ctx: S3Context, target: ObjectLambdaTarget, userPath: string): Record<string, unknown> {
  return {
    xAmzRequestId: ctx.requestId,
    configuration: {
      accessPointArn: buildArn({ service: 's3-object-lambda', region: ctx.region, accountId: target.accountId, resource: `accesspoint/${target.name}` }),
      supportingAccessPointArn: target.configuration.SupportingAccessPoint,
      payload: target.transformation?.FunctionPayload ?? '',
    },
    userRequest: { url: `${ctx.endpoint}${userPath}`, headers: forwardedHeaders(ctx) },
    userIdentity: identityOf(ctx),
    protocolVersion: '1.00',
  };
}

/** A key as a URL path (`/a%20b/c`). */
export const keyPath = (key: string) => `/${key.split('/').map(encodeURIComponent).join('/')}`;

/**
 * GetObject through an Object Lambda access point: the function runs through Lambda's Invoke and the answer is what
 * it writes back; without a GetObject transformation the supporting access point's bucket answers as usual.
 */
export async function getThroughObjectLambda(
  input: GetObjectRequest,
  ctx: S3Context,
  passThrough: (input: GetObjectRequest) => unknown,
): Promise<unknown> {
  const target = await objectLambdaTarget(ctx, input, 'GetObject');
  checkAllowedFeatures('GetObject', input, target);
  const transformation = target.transformation;
  if (!transformation?.FunctionArn) return passThrough({ ...input, Bucket: target.bucket });

  const token = randomBytes(32).toString('base64url');
  const route = `io-${ctx.region.replace(/^(\w\w)-(\w)\w*-(\d)$/, '$1$2$3')}-001`;
  const event = {
    ...eventBase(ctx, target, keyPath(input.Key ?? '')),
    getObjectContext: { inputS3Url: await presignedUrl(ctx, target, 'GET', keyPath(input.Key ?? '')), outputRoute: route, outputToken: token },
  };
  return answerFromFunction(ctx, token, transformation.FunctionArn, event);
}

/** The caller's own headers, as the function sees them: never its signature or session token. */
function forwardedHeaders(ctx: S3Context): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) if (name !== 'authorization' && name !== 'x-amz-security-token') headers[name] = value;
  return headers;
}

function identityOf(ctx: S3Context) {
  const caller = requester(ctx);
  const arn = caller.arn;
  const type = arn.endsWith(':root') ? 'Root' : arn.includes(':assumed-role/') ? 'AssumedRole' : arn.includes(':user/') ? 'IAMUser' : 'AWSAccount';
  return { type, principalId: caller.accountId, arn, accountId: caller.accountId, accessKeyId: caller.accessKeyId };
}

/**
 * A presigned request (`method`, `path` and `query` under the supporting access point's bucket), signed with session
 * credentials issued for the caller (as AWS signs `inputS3Url` with the caller's session), valid an hour.
 */
export async function presignedUrl(ctx: S3Context, target: ObjectLambdaTarget, method: string, path: string, query: Record<string, string> = {}): Promise<string> {
  const [{ Hash }, { SignatureV4 }] = await Promise.all([import('@smithy/hash-node'), import('@smithy/signature-v4')]);
  const caller = requester(ctx);
  const accessKeyId = `ASIA${randomBytes(10).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString('base64');
  const sessionToken = randomBytes(64).toString('base64');
  const expiration = new Date(ctx.emulator.clock.now() + 3600_000);
  ctx.emulator.credentials.register({ accessKeyId, secretAccessKey, sessionToken, accountId: target.accountId, arn: caller.arn, userId: caller.accountId, expiration });
  (ctx.state as S3State).sessionKeys.add(accessKeyId);
  const signer = new SignatureV4({ service: 's3', region: ctx.region, sha256: Hash.bind(null, 'sha256'), credentials: { accessKeyId, secretAccessKey, sessionToken } });
  const endpoint = new URL(ctx.emulator.endpoint);
  const fullPath = `/${target.bucket}${path === '/' ? '' : path}`;
  const signed = await signer.presign(
    { method, protocol: endpoint.protocol, hostname: endpoint.hostname, port: Number(endpoint.port) || undefined, path: fullPath, headers: { host: endpoint.host }, query },
    { expiresIn: 3600, signingDate: ctx.emulator.clock.date() },
  );
  return `${endpoint.protocol}//${endpoint.host}${fullPath}?${new URLSearchParams(signed.query as Record<string, string>).toString()}`;
}

/**
 * Runs the function and answers with what it writes back: the first WriteGetObjectResponse wins; a function that
 * ends (or fails) without writing one is AWS's `LambdaResponseNotReceived`.
 */
async function answerFromFunction(ctx: S3Context, token: string, functionArn: string, event: object): Promise<unknown> {
  const pending = waitingFor(ctx);
  let bodyRead!: () => void;
  const read = new Promise<void>((resolve) => (bodyRead = resolve));
  const written = new Promise<Written>((resolve) => {
    pending.set(token, {
      deliver(answer) {
        pending.delete(token);
        resolve(answer);
        return read;
      },
    });
  });
  const region = parseArn(functionArn)?.region || ctx.region;
  const invoked = ctx.emulator
    .call<{ FunctionError?: string }>('lambda', 'Invoke', { FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(event)) }, { caller: ctx.caller, region })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  const first = await Promise.race([written, invoked.then((error) => ({ ended: true as const, error }))]);
  if ('ended' in first) {
    pending.delete(token);
    bodyRead();
    if (first.error instanceof AwsError && first.error.code === 'ResourceNotFoundException') {
      throw new AwsError('LambdaNotFound', 'The requested lambda resource does not exist.', { status: 404 });
    }
    throw notReceived();
  }
  const { RequestRoute: _route, RequestToken: _token, StatusCode, ErrorCode, ErrorMessage, Body, ...headers } = first;
  if (ErrorCode !== undefined || (StatusCode ?? 200) >= 400) {
    bodyRead();
    if (Body) void drain(Body);
    throw new AwsError(ErrorCode ?? 'Error', ErrorMessage ?? '', { status: StatusCode ?? 400 });
  }
  if (StatusCode !== undefined) answerStatus.set(ctx, StatusCode);
  return { ...headers, Body: Body ? signalEnd(Body, bodyRead) : Buffer.alloc(0) };
}

/** Reads a body nobody will see, so that the function's request completes. */
async function drain(body: AsyncIterable<Buffer>): Promise<void> {
  try {
    for await (const _chunk of body);
  } catch {
    // the function went away: nothing to finish
  }
}

async function* signalEnd(body: AsyncIterable<Buffer>, done: () => void): AsyncIterable<Buffer> {
  try {
    yield* body;
  } finally {
    done();
  }
}

/**
 * WriteGetObjectResponse: hands the function's answer to the GetObject waiting on the token, and returns once that
 * caller has read the body (the body streams from the function to the caller, never whole in memory).
 */
export async function writeGetObjectResponse(input: Written, ctx: S3Context): Promise<Record<string, never>> {
  const target = waitingFor(ctx).get(input.RequestToken ?? '');
  if (!target) throw new AwsError('ValidationError', 'Invalid token', { status: 400 });
  await target.deliver(input);
  return {};
}
