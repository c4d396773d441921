import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsError } from '../../../core/errors.ts';
import { accountRootArn, parseArn } from '../../../core/arn.ts';
import type { ResourceRequest, ResourceType } from '../provider.ts';
import { validationError } from '../errors.ts';

/**
 * The account that owns the bucket custom resources answer into: on AWS it is one of AWS's own, so the stack's
 * account never sees it.
 */
const RESPONSE_ACCOUNT = '999999999999';
/** How long CloudFormation waits for a custom resource's answer. */
const RESPONSE_TIMEOUT_MS = 60 * 60 * 1000;
const POLL_MS = 100;

interface CustomResponse {
  Status?: string;
  Reason?: string;
  PhysicalResourceId?: string;
  Data?: Record<string, unknown>;
}

function serviceCaller(region: string) {
  return { accountId: RESPONSE_ACCOUNT, arn: accountRootArn(RESPONSE_ACCOUNT, region), accessKeyId: RESPONSE_ACCOUNT };
}

/** A presigned PUT URL for the response object, signed as the bucket's owner (valid for two hours, as AWS's are). */
async function presignedUrl(request: ResourceRequest, bucket: string, key: string): Promise<string> {
  const [{ Hash }, { SignatureV4 }] = await Promise.all([import('@smithy/hash-node'), import('@smithy/signature-v4')]);
  const signer = new SignatureV4({
    service: 's3',
    region: request.region,
    sha256: Hash.bind(null, 'sha256'),
    credentials: { accessKeyId: RESPONSE_ACCOUNT, secretAccessKey: 'cloudformation' },
  });
  const endpoint = new URL(request.emulator.endpoint);
  const path = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const signed = await signer.presign(
    { method: 'PUT', protocol: endpoint.protocol, hostname: endpoint.hostname, port: Number(endpoint.port) || undefined, path, headers: { host: endpoint.host }, query: {} },
    { expiresIn: 7200, signingDate: request.emulator.clock.date() },
  );
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return `${endpoint.protocol}//${endpoint.host}${path}?${query}`;
}

async function readBody(body: unknown): Promise<string> {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends one request to the custom resource's Lambda function and waits for its answer in the response bucket. */
async function send(request: ResourceRequest, requestType: string, extra: Record<string, unknown>): Promise<CustomResponse> {
  const serviceToken = request.properties.ServiceToken;
  if (typeof serviceToken !== 'string') throw validationError(`Template error: ServiceToken is required for custom resource ${request.logicalId}`);
  const target = parseArn(serviceToken);
  if (target?.service !== 'lambda') throw validationError(`Invalid service token: ${serviceToken}. Only Lambda functions are supported as custom resource service tokens by twinstack`);
  const region = request.region;
  const options = { caller: serviceCaller(region), region };
  const bucket = `cloudformation-custom-resource-response-${region.replace(/-/g, '')}`;
  await request.emulator.call('s3', 'CreateBucket', { Bucket: bucket }, options).catch((error: unknown) => {
    if (!(error instanceof AwsError && error.code === 'BucketAlreadyOwnedByYou')) throw error;
  });
  const requestId = randomUUID();
  const key = `${request.stackId}|${request.logicalId}|${requestId}`;
  const event = {
    RequestType: requestType,
    ServiceToken: serviceToken,
    ResponseURL: await presignedUrl(request, bucket, key),
    StackId: request.stackId,
    RequestId: requestId,
    LogicalResourceId: request.logicalId,
    ResourceType: request.resourceType,
    ResourceProperties: request.properties,
    ...extra,
  };
  await request.call('lambda', 'Invoke', { FunctionName: serviceToken, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(event)) });
  const deadline = request.emulator.clock.now() + RESPONSE_TIMEOUT_MS;
  while (request.emulator.clock.now() < deadline) {
    try {
      const object = await request.emulator.call<{ Body: unknown }>('s3', 'GetObject', { Bucket: bucket, Key: key }, options);
      const answer = JSON.parse(await readBody(object.Body)) as CustomResponse;
      await request.emulator.call('s3', 'DeleteObject', { Bucket: bucket, Key: key }, options);
      if (answer.Status !== 'SUCCESS') {
        throw validationError(`Received response status [${String(answer.Status)}] from custom resource. Message returned: ${answer.Reason ?? 'See the details in CloudWatch Log Stream'} (RequestId: ${requestId})`);
      }
      return answer;
    } catch (error) {
      if (!(error instanceof AwsError && error.code === 'NoSuchKey')) throw error;
    }
    await sleep(POLL_MS);
  }
  throw validationError('CloudFormation did not receive a response from your Custom Resource. Please check your logs for requestId [' + requestId + '].');
}

/** `Custom::*` and `AWS::CloudFormation::CustomResource`, backed by Lambda, with AWS's request/response protocol. */
export const customResource: ResourceType = {
  async create(request) {
    const answer = await send(request, 'Create', {});
    return { physicalId: answer.PhysicalResourceId ?? `${request.logicalId}-${randomUUID()}`, attributes: answer.Data ?? {} };
  },
  async update(request) {
    const answer = await send(request, 'Update', { PhysicalResourceId: request.physicalId, OldResourceProperties: request.previous });
    return { physicalId: answer.PhysicalResourceId ?? request.physicalId, attributes: answer.Data ?? {} };
  },
  async delete(request) {
    await send(request, 'Delete', { PhysicalResourceId: request.physicalId });
  },
  createOnly: ['ServiceToken'],
};
