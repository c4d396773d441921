import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArn } from '../../../core/arn.ts';
import type { ResourceRequest, ResourceType } from '../provider.ts';
import { validationError } from '../errors.ts';
import { POLL_MS, presignedPutUrl, responseBucket, takeAnswer } from './response-bucket.ts';

/** How long CloudFormation waits for a custom resource's answer. */
const RESPONSE_TIMEOUT_MS = 60 * 60 * 1000;

interface CustomResponse {
  Status?: string;
  Reason?: string;
  PhysicalResourceId?: string;
  Data?: Record<string, unknown>;
}

/** Sends one request to the custom resource's Lambda function and waits for its answer in the response bucket. */
async function send(request: ResourceRequest, requestType: string, extra: Record<string, unknown>): Promise<CustomResponse> {
  const serviceToken = request.properties.ServiceToken;
  if (typeof serviceToken !== 'string') throw validationError(`Template error: ServiceToken is required for custom resource ${request.logicalId}`);
  const target = parseArn(serviceToken);
  if (target?.service !== 'lambda') throw validationError(`Invalid service token: ${serviceToken}. Only Lambda functions are supported as custom resource service tokens by twinstack`);
  const bucket = await responseBucket(request, 'custom-resource-response');
  const requestId = randomUUID();
  const key = `${request.stackId}|${request.logicalId}|${requestId}`;
  const event = {
    RequestType: requestType,
    ServiceToken: serviceToken,
    ResponseURL: await presignedPutUrl(request, bucket, key),
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
    const text = await takeAnswer(request, bucket, key);
    if (text !== undefined) {
      const answer = JSON.parse(text) as CustomResponse;
      if (answer.Status !== 'SUCCESS') {
        throw validationError(`Received response status [${String(answer.Status)}] from custom resource. Message returned: ${answer.Reason ?? 'See the details in CloudWatch Log Stream'} (RequestId: ${requestId})`);
      }
      return answer;
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
