import { randomUUID } from 'node:crypto';
import { buildArn } from '../../../core/arn.ts';
import { loadModel } from '../../../models/load.ts';
import type { OperationModel, ServiceModel, ShapeRef } from '../../../models/types.ts';
import { StatesError } from '../asl/errors.ts';
import type { Json } from '../asl/query.ts';
import type { ExecutionEnv } from '../runtime/env.ts';
import { sdkError } from './errors.ts';

/**
 * The AWS SDK integrations (`arn:aws:states:::aws-sdk:<service>:<apiAction>`): any operation of any service twinstack
 * serves, with the SDK's PascalCase member names on both sides, whatever the service's own casing.
 */
const SERVICE_NAMES: Record<string, string> = { sfn: 'stepfunctions', eventbridge: 'events', cloudwatchlogs: 'logs' };

function twinstackService(sdkName: string): string {
  return SERVICE_NAMES[sdkName] ?? sdkName;
}

/** Renames a value's structure members to the model's names (case-insensitively), recursively through the shapes. */
function toModel(model: ServiceModel, ref: ShapeRef | undefined, value: Json): Json {
  const shape = ref ? model.shapes[ref.shape] : undefined;
  // A streaming body (S3's PutObject Body) is the value's JSON text, a string too (`"text data"`, as AWS stored it).
  if (shape?.type === 'blob' && (shape.streaming || ref?.streaming)) return Buffer.from(JSON.stringify(value), 'utf8');
  // A JSON object or list where the API takes text (StartExecution's Input) goes as its JSON text.
  if (shape?.type === 'string' && value !== null && typeof value === 'object') return JSON.stringify(value);
  if (!shape || value === null || typeof value !== 'object') {
    if (shape?.type === 'blob' && typeof value === 'string') return Buffer.from(value, 'utf8');
    if (shape?.type === 'timestamp' && (typeof value === 'string' || typeof value === 'number')) return new Date(value);
    return value;
  }
  if (shape.type === 'list' && Array.isArray(value)) return value.map((item) => toModel(model, shape.member, item as Json));
  if (shape.type === 'map') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toModel(model, shape.value, v as Json)]));
  if (shape.type !== 'structure') return value;
  const members = shape.members ?? {};
  const byLower = new Map(Object.keys(members).map((name) => [name.toLowerCase(), name]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = byLower.get(key.toLowerCase());
    if (name === undefined) throw new StatesError('States.Runtime', `The field '${key}' is not supported by Step Functions`);
    out[name] = toModel(model, members[name], v as Json);
  }
  return out;
}

/** An operation's output with PascalCase member names, blobs as text and timestamps as ISO text, as the SDK integration returns it. */
function fromModel(model: ServiceModel, ref: ShapeRef | undefined, value: unknown): Json {
  if (value === undefined || value === null) return value as Json;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  const shape = ref ? model.shapes[ref.shape] : undefined;
  if (Array.isArray(value)) return value.map((item) => fromModel(model, shape?.member, item));
  if (typeof value !== 'object') return value as Json;
  if (shape?.type === 'map') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromModel(model, shape.value, v)]));
  const members = shape?.members ?? {};
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), fromModel(model, members[k], v)]),
  );
}

/**
 * What the AWS SDK for Java v2 inside Step Functions adds to a request: a body given as text is `text/plain;
 * charset=UTF-8` unless a ContentType is set, and an operation taking flexible checksums gets the SDK's default CRC32.
 */
function withSdkDefaults(model: ServiceModel, op: OperationModel, input: Record<string, unknown>): Record<string, unknown> {
  const members = (op.input && model.shapes[op.input.shape]?.members) || {};
  const streamed = Object.entries(members).some(([name, ref]) => input[name] !== undefined && (ref.streaming || model.shapes[ref.shape]?.streaming));
  const algorithm = op.httpChecksum?.requestAlgorithmMember;
  return {
    ...(streamed && Object.hasOwn(members, 'ContentType') ? { ContentType: 'text/plain; charset=UTF-8' } : {}),
    ...(algorithm && Object.hasOwn(members, algorithm) ? { [algorithm]: 'CRC32' } : {}),
    ...input,
  };
}

export async function callAwsSdk(env: ExecutionEnv, sdkService: string, action: string, parameters: Json): Promise<Json> {
  const service = twinstackService(sdkService);
  const operation = action.charAt(0).toUpperCase() + action.slice(1);
  const requestId = randomUUID();
  // The message names the resource as the state machine wrote it, in the partition of the execution's region.
  const resource = buildArn({ service: 'states', region: '', accountId: '', resource: `aws-sdk:${sdkService}:${action}`, partitionRegion: env.state.region });
  if (!env.emulator.isEnabled(service)) throw new StatesError('States.Runtime', `The resource provided ${resource} is not recognized. The service ${sdkService} is not enabled in this twinstack.`);
  const model = loadModel(service);
  const op = model.operations[operation];
  if (!op) throw new StatesError('States.Runtime', `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`);
  try {
    const input = withSdkDefaults(model, op, toModel(model, op.input, parameters ?? {}) as Record<string, unknown>);
    const output = await env.emulator.call(service, operation, input, { caller: env.caller, region: env.state.region });
    return fromModel(model, op.output, output) ?? {};
  } catch (error) {
    if (error instanceof StatesError) throw error;
    throw sdkError(sdkService, service, error, requestId);
  }
}
