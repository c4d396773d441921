import type { AwsError } from '../core/errors.ts';
import type { ServiceModel } from '../models/types.ts';
import type { ServiceDefinition } from '../core/service.ts';

/** An HTTP request as the gateway hands it over: nothing parsed yet but the URL. */
export interface RawRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** An async iterable streams the body (event streams); the server stops iterating when the client goes away. */
  body: Buffer | string | AsyncIterable<Buffer>;
}

export interface ParsedRequest {
  operation: string;
  input: Record<string, unknown>;
}

/** One AWS wire protocol. Knows the model's serialization traits, nothing about any service. */
export interface Protocol {
  readonly name: string;
  /** Finds the operation and decodes its input; throws an AwsError for an unknown operation or malformed input. */
  parse(req: RawRequest, model: ServiceModel): ParsedRequest;
  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string): RawResponse;
  serializeError(error: AwsError, model: ServiceModel, service: ServiceDefinition, requestId: string): RawResponse;
}
