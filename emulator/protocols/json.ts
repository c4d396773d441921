import { crc32 } from 'node:zlib';
import { AwsError } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel } from '../models/types.ts';
import { decodeJson, encodeJson } from './json-codec.ts';
import { errorStatus, queryErrorCode } from './errors.ts';
import { EVENT_STREAM_CONTENT_TYPE, eventStreamMember, frameEvents } from './event-stream.ts';
import type { ParsedRequest, Protocol, RawRequest, RawResponse } from './types.ts';

/** AWS JSON 1.0 / 1.1: `X-Amz-Target: Prefix.Operation`, a JSON body, errors as `{"__type", "message"}`. */
export const awsJson: Protocol = {
  name: 'json',

  parse(req: RawRequest, model: ServiceModel): ParsedRequest {
    const target = req.headers['x-amz-target'] ?? '';
    const dot = target.lastIndexOf('.');
    const operation = target.slice(dot + 1);
    // Own properties only: `constructor` or `__proto__` as a target names no operation.
    const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
    if (!op || target.slice(0, dot) !== model.metadata.targetPrefix) {
      throw new AwsError('UnknownOperationException', '', { status: 400 });
    }
    let document: unknown = {};
    if (req.body.length > 0) {
      try {
        document = JSON.parse(req.body.toString('utf8'));
      } catch {
        throw new AwsError('SerializationException', 'Start of structure or map found where not expected.', { status: 400 });
      }
    }
    const input = op.input ? (decodeJson(model, op.input, document) as Record<string, unknown>) : {};
    return { operation, input: input ?? {} };
  },

  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string, service?: ServiceDefinition): RawResponse {
    const ref = model.operations[operation].output;
    const stream = eventStreamMember(model, ref);
    if (stream) {
      const encode = (r: { shape: string }, value: unknown) => Buffer.from(JSON.stringify(encodeJson(model, r, value) ?? {}));
      const events = frameEvents(model, ref!, stream, output as Record<string, unknown>, encode, 'application/json');
      return { status: 200, headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-requestid': requestId }, body: events };
    }
    const body = JSON.stringify((ref && encodeJson(model, ref, output ?? {})) ?? {});
    return jsonResponse(200, body, model, requestId, service?.responseCrc32);
  },

  serializeError(error: AwsError, model: ServiceModel, service: ServiceDefinition, requestId: string): RawResponse {
    const type = service.jsonErrorType ? service.jsonErrorType(error.code) : error.code;
    // Modelled error members (e.g. DynamoDB's Item with binary values) are encoded like any output.
    const shape = model.shapes[error.code];
    const fields = error.fields && shape?.type === 'structure' ? { ...error.fields, ...(encodeJson(model, { shape: error.code }, error.fields) as object) } : error.fields;
    // Some errors carry their text as a modelled `Message` member (DynamoDB's TransactionCanceledException): not twice.
    const message = fields && 'Message' in fields ? {} : { message: error.message };
    const body = JSON.stringify({ __type: type, ...message, ...fields });
    const response = jsonResponse(errorStatus(error, model), body, model, requestId, service.responseCrc32);
    if (model.metadata.awsQueryCompatible) {
      response.headers['x-amzn-query-error'] = `${queryErrorCode(error, model)};${error.sender ? 'Sender' : 'Receiver'}`;
    }
    Object.assign(response.headers, error.headers);
    return response;
  },
};

/**
 * The body stays a string: Node then writes it in one piece with the response head (a Buffer goes as a second chunk),
 * and the CRC-32 of the services that send one (`ServiceDefinition.responseCrc32`) is taken over its UTF-8 bytes all
 * the same.
 */
function jsonResponse(status: number, body: string, model: ServiceModel, requestId: string, withCrc32 = false): RawResponse {
  const headers: Record<string, string> = { 'content-type': contentTypeOf(model), 'x-amzn-requestid': requestId };
  if (withCrc32) headers['x-amz-crc32'] = String(crc32(body));
  return { status, headers, body };
}

/** `application/x-amz-json-1.0` or `-1.1`, made once per model rather than per response. */
const contentTypes = new WeakMap<ServiceModel, string>();

function contentTypeOf(model: ServiceModel): string {
  let type = contentTypes.get(model);
  if (type === undefined) contentTypes.set(model, (type = `application/x-amz-json-${model.metadata.jsonVersion ?? '1.0'}`));
  return type;
}
