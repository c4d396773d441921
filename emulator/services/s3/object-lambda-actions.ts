import type { HeadObjectOutput, HeadObjectRequest, ListObjectsRequest, ListObjectsV2Request } from '@aws-sdk/client-s3';
import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import { loadModel } from '../../models/load.ts';
import type { ServiceModel } from '../../models/types.ts';
import { readXmlShape } from '../../core/xml-shape.ts';
import { checkAllowedFeatures, eventBase, keyPath, objectLambdaTarget, presignedUrl, type ObjectLambdaTarget } from './object-lambda.ts';
import type { S3Context } from './registry.ts';

/**
 * HeadObject and listings through an S3 Object Lambda access point (AWS's "Writing Lambda functions for S3 Object
 * Lambda Access Points"): without a transformation for the action, the supporting access point's bucket answers; with
 * one, the function gets a presigned `inputS3Url` in `headObjectContext` / `listObjectsContext` /
 * `listObjectsV2Context` and returns JSON — `statusCode`, `errorCode`/`errorMessage`, and the HeadObject `headers` or
 * the listing as `listResultXml` — which becomes the caller's answer.
 */

interface FunctionAnswer {
  statusCode?: number;
  errorCode?: string;
  errorMessage?: string;
  headers?: Record<string, unknown>;
  listResultXml?: string;
}

/** A function that failed, or returned what S3 cannot use, as S3 Object Lambda's error list names them. */
const runtimeError = () => new AwsError('LambdaRuntimeError', 'The Lambda function failed during execution.', { status: 500 });
const invalidResponse = () => new AwsError('LambdaInvalidResponse', 'The Lambda function returned an invalid response.', { status: 400 });

/** Runs the function synchronously (Lambda's Invoke, through the core) and reads its JSON answer. */
async function invokeForAnswer(ctx: S3Context, target: ObjectLambdaTarget, event: object): Promise<FunctionAnswer> {
  const functionArn = target.transformation!.FunctionArn!;
  const region = parseArn(functionArn)?.region || ctx.region;
  let result: { FunctionError?: string; Payload?: Uint8Array };
  try {
    result = await ctx.emulator.call('lambda', 'Invoke', { FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(event)) }, { caller: ctx.caller, region });
  } catch (error) {
    if (error instanceof AwsError && error.code === 'ResourceNotFoundException') {
      throw new AwsError('LambdaNotFound', 'The requested lambda resource does not exist.', { status: 404 });
    }
    throw error;
  }
  if (result.FunctionError) throw runtimeError();
  let answer: unknown;
  try {
    answer = JSON.parse(Buffer.from(result.Payload ?? []).toString('utf8'));
  } catch {
    throw invalidResponse();
  }
  const typed = answer as FunctionAnswer;
  if (!answer || typeof answer !== 'object' || typeof typed.statusCode !== 'number') throw invalidResponse();
  if (typed.statusCode >= 400) throw new AwsError(typed.errorCode ?? 'Error', typed.errorMessage ?? '', { status: typed.statusCode });
  return typed;
}

/** HeadObjectOutput members by the header that carries them (lower-case), read once from the model. */
let headerMembers: Map<string, { member: string; type: string }> | undefined;

function membersByHeader(model: ServiceModel): Map<string, { member: string; type: string }> {
  if (headerMembers) return headerMembers;
  headerMembers = new Map();
  for (const [member, ref] of Object.entries(model.shapes.HeadObjectOutput.members ?? {})) {
    if (ref.location === 'header' && ref.locationName) headerMembers.set(ref.locationName.toLowerCase(), { member, type: model.shapes[ref.shape].type });
  }
  return headerMembers;
}

/** The function's `headers` as HeadObject's output: each header to its member and type, `x-amz-meta-*` to Metadata. */
function headOutput(headers: Record<string, unknown>): HeadObjectOutput {
  const members = membersByHeader(loadModel('s3'));
  const output: Record<string, unknown> = {};
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-meta-')) {
      metadata[lower.slice('x-amz-meta-'.length)] = String(value);
      continue;
    }
    const found = members.get(lower);
    if (!found || value === '' || value === null || value === undefined) continue;
    if (found.type === 'integer' || found.type === 'long') output[found.member] = Number(value);
    else if (found.type === 'boolean') output[found.member] = value === true || String(value).toLowerCase() === 'true';
    else if (found.type === 'timestamp') output[found.member] = new Date(String(value));
    else output[found.member] = String(value);
  }
  if (Object.keys(metadata).length) output.Metadata = metadata;
  return output as HeadObjectOutput;
}

export async function headThroughObjectLambda(input: HeadObjectRequest, ctx: S3Context, passThrough: (input: HeadObjectRequest) => unknown): Promise<unknown> {
  const target = await objectLambdaTarget(ctx, input, 'HeadObject');
  checkAllowedFeatures('HeadObject', input, target);
  if (!target.transformation) return passThrough({ ...input, Bucket: target.bucket });
  const path = keyPath(input.Key ?? '');
  const event = { ...eventBase(ctx, target, path), headObjectContext: { inputS3Url: await presignedUrl(ctx, target, 'HEAD', path) } };
  const answer = await invokeForAnswer(ctx, target, event);
  return headOutput(answer.headers ?? {});
}

type ListRequest = ListObjectsRequest | ListObjectsV2Request;

/** A listing's parameters as the query of the presigned URL handed to the function (AWS passes them all on). */
function listQuery(action: 'ListObjects' | 'ListObjectsV2', input: ListRequest): Record<string, string> {
  const v2 = input as ListObjectsV2Request;
  const query: Record<string, string | undefined> = {
    ...(action === 'ListObjectsV2' ? { 'list-type': '2', 'continuation-token': v2.ContinuationToken, 'start-after': v2.StartAfter } : {}),
    ...(action === 'ListObjectsV2' && v2.FetchOwner !== undefined ? { 'fetch-owner': String(v2.FetchOwner) } : {}),
    ...(action === 'ListObjects' ? { marker: (input as ListObjectsRequest).Marker } : {}),
    prefix: input.Prefix,
    delimiter: input.Delimiter,
    'max-keys': input.MaxKeys === undefined ? undefined : String(input.MaxKeys),
    'encoding-type': input.EncodingType,
  };
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export async function listThroughObjectLambda(
  input: ListRequest,
  ctx: S3Context,
  action: 'ListObjects' | 'ListObjectsV2',
  passThrough: (input: ListRequest) => unknown,
): Promise<unknown> {
  const target = await objectLambdaTarget(ctx, input, action);
  if (!target.transformation) return passThrough({ ...input, Bucket: target.bucket });
  const query = listQuery(action, input);
  const context = { inputS3Url: await presignedUrl(ctx, target, 'GET', '/', query) };
  const search = new URLSearchParams(query).toString();
  const event = { ...eventBase(ctx, target, `/${search ? `?${search}` : ''}`), [action === 'ListObjects' ? 'listObjectsContext' : 'listObjectsV2Context']: context };
  const answer = await invokeForAnswer(ctx, target, event);
  if (typeof answer.listResultXml !== 'string') throw invalidResponse();
  // The function's ListBucketResult is the caller's answer, read as S3's own listing would be.
  const output = await readXmlShape('s3', `${action}Output`, answer.listResultXml);
  if (output === undefined) throw invalidResponse();
  return output;
}
