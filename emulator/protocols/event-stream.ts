import { crc32 } from 'node:zlib';
import { AwsError } from '../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';

/**
 * The `application/vnd.amazon.eventstream` framing AWS uses for streamed responses (e.g. Kinesis SubscribeToShard):
 * each message is [total length][headers length][prelude CRC32] headers payload [message CRC32], headers being
 * string-valued (`:message-type`, `:event-type`, ...). Knows the model's eventstream traits, nothing about services.
 */
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

const STRING_HEADER = 7;

export function encodeMessage(headers: Record<string, string>, payload: Buffer): Buffer {
  const headerBytes = Buffer.concat(
    Object.entries(headers).map(([name, value]) => {
      const n = Buffer.from(name, 'utf8');
      const v = Buffer.from(value, 'utf8');
      const out = Buffer.alloc(1 + n.length + 1 + 2 + v.length);
      out.writeUInt8(n.length, 0);
      n.copy(out, 1);
      out.writeUInt8(STRING_HEADER, 1 + n.length);
      out.writeUInt16BE(v.length, 2 + n.length);
      v.copy(out, 4 + n.length);
      return out;
    }),
  );
  const total = 12 + headerBytes.length + payload.length + 4;
  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(headerBytes.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  headerBytes.copy(message, 12);
  payload.copy(message, 12 + headerBytes.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - 4)), total - 4);
  return message;
}

/** The output member that is an event stream, if the operation streams events. */
const streamMembers = new WeakMap<ServiceModel, Map<string, string | undefined>>();

/** The output's event stream member, if any (looked up once per output shape). */
export function eventStreamMember(model: ServiceModel, output: ShapeRef | undefined): string | undefined {
  if (!output) return undefined;
  let cache = streamMembers.get(model);
  if (!cache) streamMembers.set(model, (cache = new Map()));
  if (!cache.has(output.shape)) {
    const members = model.shapes[output.shape].members ?? {};
    cache.set(output.shape, Object.keys(members).find((name) => model.shapes[members[name].shape].eventstream));
  }
  return cache.get(output.shape);
}

function exceptionMessage(error: AwsError, contentType: string): Buffer {
  return encodeMessage(
    { ':message-type': 'exception', ':exception-type': error.code, ':content-type': contentType },
    Buffer.from(JSON.stringify({ message: error.message })),
  );
}

/**
 * Frames a REST operation's event-stream payload (Lambda InvokeWithResponseStream, S3 SelectObjectContent): one
 * message per union value the handler yields, no `initial-response` (REST outputs travel in headers). An event's
 * `eventpayload` member is sent as its raw bytes; other events are encoded structures.
 */
export async function* frameRestEvents(
  model: ServiceModel,
  stream: ShapeRef,
  events: AsyncIterable<Record<string, unknown>>,
  encode: (ref: ShapeRef, value: unknown) => Buffer,
  contentType: string,
): AsyncGenerator<Buffer> {
  const union = model.shapes[stream.shape].members!;
  try {
    for await (const item of events) {
      for (const [type, value] of Object.entries(item)) {
        const members = model.shapes[union[type].shape].members ?? {};
        const raw = Object.entries(members).find(([, member]) => member.eventpayload);
        let payload: Buffer;
        let eventContentType = contentType;
        if (raw) {
          const content = (value as Record<string, unknown>)[raw[0]];
          const blob = model.shapes[raw[1].shape].type === 'blob';
          payload = blob ? Buffer.from((content as Uint8Array | undefined) ?? []) : encode(raw[1], content);
          if (blob) eventContentType = 'application/octet-stream';
        } else payload = encode(union[type], value);
        yield encodeMessage({ ':event-type': type, ':content-type': eventContentType, ':message-type': 'event' }, payload);
      }
    }
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    yield exceptionMessage(error, contentType);
  }
}

/**
 * Frames an operation's event stream: an `initial-response` event carrying the output's other members (RPC
 * protocols send it first), then one event per union value the handler yields (`{ EventName: payload }`), and an
 * exception message if the handler's stream fails with an AwsError. `encode` serializes one structure.
 */
export async function* frameEvents(
  model: ServiceModel,
  output: ShapeRef,
  member: string,
  value: Record<string, unknown>,
  encode: (ref: ShapeRef, value: unknown) => Buffer,
  contentType: string,
): AsyncGenerator<Buffer> {
  const { [member]: events, ...initial } = value;
  const event = (type: string, payload: Buffer) =>
    encodeMessage({ ':message-type': 'event', ':event-type': type, ':content-type': contentType }, payload);
  yield event('initial-response', encode(output, initial));
  const union = model.shapes[model.shapes[output.shape].members![member].shape].members!;
  try {
    for await (const item of events as AsyncIterable<Record<string, unknown>>) {
      for (const [type, payload] of Object.entries(item)) yield event(type, encode(union[type], payload));
    }
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    yield exceptionMessage(error, contentType);
  }
}
