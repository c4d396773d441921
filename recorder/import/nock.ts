import type { CapturedExchange } from '../capture/exchange.ts';
import { exchangeFromWire, headerMap } from '../capture/from-wire.ts';

/** One definition of `nock.recorder.play()` with `output_objects: true` (and `enable_reqheaders_recording`). */
export interface NockDefinition {
  scope: string;
  method: string;
  path: string;
  body?: unknown;
  status?: number;
  response?: unknown;
  rawHeaders?: string[] | Record<string, string>;
  reqheaders?: Record<string, string | string[]>;
  responseIsBinary?: boolean;
}

function bodyBuffer(body: unknown, binaryHex = false): Buffer {
  if (body === undefined || body === null || body === '') return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, binaryHex ? 'hex' : 'utf8');
  // nock parses JSON bodies into objects and may split long responses into arrays of hex chunks.
  if (Array.isArray(body) && body.every((chunk) => typeof chunk === 'string' && /^[0-9a-f]*$/.test(chunk))) return Buffer.from(body.join(''), 'hex');
  return Buffer.from(JSON.stringify(body));
}

/** AWS calls of a nock recording (nock keeps no timestamps: the file's order is the call order). */
export function exchangesFromNock(definitions: NockDefinition[], defaultRegion: string, recordedAt: Date): CapturedExchange[] {
  return definitions.flatMap((definition) => {
    const exchange = exchangeFromWire(
      {
        at: recordedAt,
        method: definition.method.toUpperCase(),
        url: new URL(definition.path, definition.scope),
        requestHeaders: headerMap(definition.reqheaders),
        requestBody: bodyBuffer(definition.body),
        status: definition.status ?? 200,
        responseHeaders: headerMap(definition.rawHeaders),
        responseBody: bodyBuffer(definition.response, definition.responseIsBinary),
      },
      defaultRegion,
    );
    return exchange ? [exchange] : [];
  });
}
