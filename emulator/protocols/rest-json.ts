import { AwsError } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { errorStatus } from './errors.ts';
import { decodeJson, encodeJson } from './json-codec.ts';
import { parseRestRequest, restStreamsPayload } from './rest/request.ts';
import { serializeRestOutput } from './rest/response.ts';
import type { ParsedRequest, Protocol, RawRequest, RawResponse } from './types.ts';

const jsonEncoder = {
  contentType: 'application/json',
  encodeStructure: (model: ServiceModel, ref: ShapeRef, value: Record<string, unknown>) => JSON.stringify(encodeJson(model, ref, value) ?? {}),
};

/**
 * The JSON body of an error: the error shape's members, with the message under the member the model names for it
 * (Lambda's `Message`, most services' `message`). Shapes with a `Type` member (Lambda) say who is at fault.
 */
function errorBody(error: AwsError, model: ServiceModel): Record<string, unknown> {
  const members = model.shapes[error.code]?.members ?? {};
  const messageMember = Object.keys(members).find((name) => name.toLowerCase() === 'message');
  // The wire name: API Gateway v2's `Message` member is `message` on the wire.
  const messageKey = (messageMember && members[messageMember].locationName) ?? messageMember ?? 'message';
  const body: Record<string, unknown> = {};
  if (members.Type) body.Type = error.sender ? 'User' : 'Service';
  body[messageKey] = error.message;
  return { ...body, ...error.fields };
}

/** AWS rest-json (Lambda, API Gateway, ...): REST bindings with JSON bodies, errors named by `x-amzn-ErrorType`. */
export const restJson: Protocol = {
  name: 'rest-json',

  parse(req: RawRequest, model: ServiceModel): ParsedRequest {
    return parseRestRequest(req, model, {
      decodeStructure(m, ref, body) {
        let document: unknown;
        try {
          document = JSON.parse(body.toString('utf8'));
        } catch {
          throw new AwsError('SerializationException', 'Could not parse the request body as JSON.', { status: 400 });
        }
        return decodeJson(m, ref, document) as Record<string, unknown> | undefined;
      },
      unknownOperation: (r) => new AwsError('UnknownOperationException', `No operation matches ${r.method} ${r.path}`, { status: 404 }),
    });
  },

  streamsPayload: restStreamsPayload,

  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string): RawResponse {
    return serializeRestOutput(model, operation, output, jsonEncoder, { 'x-amzn-requestid': requestId });
  },

  serializeError(error: AwsError, model: ServiceModel, _service: ServiceDefinition, requestId: string): RawResponse {
    const headers = { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code, ...error.headers };
    return { status: errorStatus(error, model), headers, body: JSON.stringify(errorBody(error, model)) };
  },
};
