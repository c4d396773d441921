import type { Integration } from '@aws-sdk/client-api-gateway';
import { accountRootArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { requestId as newRequestId } from '../../../core/request-id.ts';
import { restXml } from '../../../protocols/rest-xml.ts';
import type { RawResponse } from '../../../protocols/types.ts';
import type { Invoker } from './lambda.ts';
import { GatewayFailure } from './responses.ts';

/** The S3 operation an object request of each HTTP method is. */
const OBJECT_OPERATIONS: Record<string, string> = { GET: 'GetObject', HEAD: 'HeadObject', PUT: 'PutObject', DELETE: 'DeleteObject' };

export interface S3Request {
  /** The URI's `path/` part with its path parameters filled in: `<bucket>/<key>`. */
  path: string;
  method: string;
  body: Buffer;
  headers: Record<string, string>;
  querystring: Record<string, string>;
}

async function bytesOf(body: RawResponse['body']): Promise<Buffer> {
  if (typeof body === 'string' || Buffer.isBuffer(body)) return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const headerValue = (headers: Record<string, string>, name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

/**
 * An AWS integration with S3 by path (`arn:aws:apigateway:<region>:s3:path/<bucket>/<key>`): the object request the
 * HTTP method makes, through S3's front door as the integration's role, answered as S3 answers it over HTTP (an
 * error is S3's XML error document with its status, which the integration responses then map like any answer).
 */
export async function callS3(invoker: Invoker, integration: Integration, request: S3Request, region: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const [bucket, ...keyParts] = request.path.split('/');
  const key = keyParts.join('/');
  const operation = OBJECT_OPERATIONS[request.method];
  // Bucket-level requests (listing, a bucket's subresources) are not served by this integration.
  if (!bucket || !key || !operation) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  const s3 = await invoker.emulator.loadService('s3');
  if (!s3) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  const input: Record<string, unknown> = { Bucket: bucket, Key: key };
  if (operation === 'PutObject') {
    input.Body = request.body;
    const contentType = headerValue(request.headers, 'content-type');
    if (contentType) input.ContentType = contentType;
  }
  if (operation === 'GetObject' && request.querystring['response-content-type']) input.ResponseContentType = request.querystring['response-content-type'];
  const caller = { accountId: invoker.accountId, arn: integration.credentials ?? accountRootArn(invoker.accountId, region) };
  const requestId = newRequestId();
  let answer: RawResponse;
  try {
    const output = await invoker.emulator.call(s3.name, operation, input, { caller, region });
    answer = restXml.serialize(operation, output, s3.model, requestId, s3);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    answer = restXml.serializeError(error, s3.model, s3, requestId);
  }
  const headers = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { status: answer.status, headers, body: await bytesOf(answer.body) };
}
