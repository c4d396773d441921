import { AwsError } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel } from '../models/types.ts';
import { errorStatus, queryErrorCode } from './errors.ts';
import { convert, quietly, type Leaf } from './json-cbor.ts';
import { decodeJson, encodeJson } from './json-codec.ts';
import { parseTimestamp } from './timestamps.ts';
import type { ParsedRequest, Protocol, RawRequest, RawResponse } from './types.ts';

/**
 * Smithy RPC v2 CBOR (smithy.io, "Smithy RPC v2 CBOR protocol"), the first protocol CloudWatch's model lists:
 * `POST {prefix}/service/<ServiceName>/operation/<Operation>` with `Smithy-Protocol: rpc-v2-cbor`, CBOR bodies
 * (`application/cbor`), timestamps as tag 1 epoch seconds, blobs as byte strings, and errors named by `__type` (an
 * absolute shape id). Values pass through the JSON codec's document form, as the AWS JSON CBOR variant does.
 */
type CborModule = typeof import('@smithy/core/cbor');
let codec: CborModule;

export const RPC_V2_CBOR = 'rpc-v2-cbor';
const CONTENT_TYPE = 'application/cbor';

/** The `serviceName` segment of a Smithy RPC v2 path (routing uses its last four segments), or undefined. */
export function rpcV2ServiceName(path: string): string | undefined {
  const segments = path.split('/');
  const n = segments.length;
  if (n < 5 || segments[n - 4] !== 'service' || segments[n - 2] !== 'operation') return undefined;
  // An absolute shape id may name the service with its namespace, `#` written as `.` (`com.example.TheService`).
  return segments[n - 3].slice(segments[n - 3].lastIndexOf('.') + 1);
}

export const rpcV2Cbor: Protocol = {
  name: RPC_V2_CBOR,

  /** The codec loads on the first CBOR request, not at start. */
  prepare() {
    if (codec) return undefined;
    return import('@smithy/core/cbor').then((module) => void (codec = module));
  },

  parse(req: RawRequest, model: ServiceModel): ParsedRequest {
    const segments = req.path.split('/');
    const operation = segments[segments.length - 1];
    const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
    // The protocol forbids a target header (a request must not name its operation twice, possibly differently).
    const targeted = req.headers['x-amz-target'] !== undefined || req.headers['x-amzn-target'] !== undefined;
    if (!op || req.method !== 'POST' || targeted || rpcV2ServiceName(req.path) !== model.metadata.targetPrefix) {
      throw new AwsError('UnknownOperationException', '', { status: 400 });
    }
    let document: unknown = {};
    if (req.body.length > 0) {
      try {
        document = quietly(() => codec.cbor.deserialize(req.body));
      } catch (error) {
        throw new AwsError('SerializationException', `Malformed CBOR body: ${(error as Error).message}`, { status: 400 });
      }
    }
    const json = op.input ? convert(model, op.input, document, toJsonLeaf) : {};
    const input = op.input ? (decodeJson(model, op.input, json ?? {}) as Record<string, unknown>) : {};
    return { operation, input: input ?? {} };
  },

  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string): RawResponse {
    const ref = model.operations[operation].output;
    // An operation without output answers with no body and no content type.
    if (!ref) return { status: 200, headers: { 'smithy-protocol': RPC_V2_CBOR, 'x-amzn-requestid': requestId }, body: '' };
    const document = convert(model, ref, encodeJson(model, ref, output ?? {}) ?? {}, fromJsonLeaf);
    return cborResponse(200, document, requestId);
  },

  serializeError(error: AwsError, model: ServiceModel, service: ServiceDefinition, requestId: string): RawResponse {
    const type = service.jsonErrorType ? service.jsonErrorType(error.code) : error.code;
    const shape = model.shapes[error.code];
    const fields = error.fields && shape?.type === 'structure' ? convert(model, { shape: error.code }, encodeJson(model, { shape: error.code }, error.fields), fromJsonLeaf) : error.fields;
    const message = fields && typeof fields === 'object' && 'Message' in fields ? {} : { message: error.message };
    const body = { __type: type.includes('#') ? type : `${namespaceOf(model)}#${type}`, ...message, ...(fields as object) };
    const response = cborResponse(errorStatus(error, model), body, requestId);
    // Query-compatible services (CloudWatch) also name the error as their query protocol does, for such clients.
    if (model.metadata.awsQueryCompatible) {
      response.headers['x-amzn-query-error'] = `${queryErrorCode(error, model)};${error.sender ? 'Sender' : 'Receiver'}`;
    }
    Object.assign(response.headers, error.headers);
    return response;
  },
};

/**
 * The Smithy namespace of the model's shapes, which botocore models do not carry: AWS services' namespace is
 * `com.amazonaws.` and the service id in lower case without spaces (`com.amazonaws.cloudwatch`, as the AWS SDKs name it).
 */
function namespaceOf(model: ServiceModel): string {
  return `com.amazonaws.${(model.metadata.serviceId ?? '').replace(/\s+/g, '').toLowerCase()}`;
}

function cborResponse(status: number, document: unknown, requestId: string): RawResponse {
  const body = Buffer.from(codec.cbor.serialize(document));
  return { status, headers: { 'smithy-protocol': RPC_V2_CBOR, 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId }, body };
}

/** CBOR values -> JSON document values: byte strings (blobs only) to base64, tag-1 epoch seconds (or plain numbers) to seconds. */
const toJsonLeaf: Leaf = (type, value) => {
  if (value instanceof Uint8Array) {
    if (type !== 'blob') throw new AwsError('SerializationException', `Unexpected value type: a byte string where a ${type} belongs`, { status: 400 });
    return Buffer.from(value).toString('base64');
  }
  if (type === 'timestamp' && value !== null && typeof value === 'object' && 'tag' in value && 'value' in value) {
    const tagged = value as { tag: unknown; value: unknown };
    if (Number(tagged.tag) !== 1) throw new AwsError('SerializationException', `Unexpected CBOR tag ${String(tagged.tag)} for a timestamp`, { status: 400 });
    return typeof tagged.value === 'bigint' ? Number(tagged.value) : tagged.value;
  }
  return value;
};

/** JSON document values -> CBOR values: blobs to byte strings, timestamps to tag 1 (whatever the model's format). */
const fromJsonLeaf: Leaf = (type, value) => {
  if (type === 'blob' && typeof value === 'string') return Buffer.from(value, 'base64');
  if (type === 'timestamp' && (typeof value === 'number' || typeof value === 'string')) {
    const date = parseTimestamp(value);
    return date ? codec.dateToTag(date) : value;
  }
  return value === undefined ? null : value;
};
