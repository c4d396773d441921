import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Json } from '../asl/query.ts';

/**
 * How a service's answer to an optimized integration looked on the wire, as the AWS SDK for Java inside Step Functions
 * received it: Step Functions reports its headers (SdkHttpMetadata) in the task's result, Content-Length included, so
 * the length is that of the body AWS sends (its JSON, or its query-protocol XML), not of anything twinstack serves.
 */
export interface Answer {
  contentType: string;
  body(shaped: Json, response: unknown, requestId: string): string;
  /** The headers besides Content-Length, Content-Type and Date. */
  headers(body: string, requestId: string, response: unknown, date: Date): Record<string, string>;
}

/** An AWS JSON 1.0 answer (SQS, Step Functions): the result's members as the body. */
export const JSON_ANSWER: Answer = {
  contentType: 'application/x-amz-json-1.0',
  body: (shaped) => JSON.stringify(shaped),
  headers: (_body, requestId) => ({ connection: 'keep-alive', 'x-amzn-RequestId': requestId }),
};

/**
 * DynamoDB's answer: its own Server header, the body's CRC-32, and the request id header spelt in lower case by the
 * fleet answering reads (GetItem, Query) and in mixed case by the one answering writes, as AWS recorded them.
 */
export function dynamodbAnswer(requestIdHeader: 'x-amzn-RequestId' | 'x-amzn-requestid'): Answer {
  return {
    contentType: 'application/x-amz-json-1.0',
    body: (shaped) => JSON.stringify(shaped),
    headers: (body, requestId) => ({ Connection: 'keep-alive', Server: 'Server', 'x-amz-crc32': String(crc32(body)), [requestIdHeader]: requestId }),
  };
}

export const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

/** A query-protocol (XML) answer: `<ActionResponse>` with the result's text members in order, then the request id. */
export function queryAnswer(action: string, namespace: string): Answer {
  return {
    contentType: 'text/xml',
    body: (_shaped, response, requestId) => {
      const members = Object.entries((response ?? {}) as Record<string, unknown>)
        .filter(([, v]) => typeof v === 'string')
        .map(([k, v]) => `    <${k}>${v as string}</${k}>\n`)
        .join('');
      return `<${action}Response xmlns="${namespace}">\n  <${action}Result>\n${members}  </${action}Result>\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</${action}Response>\n`;
    },
    headers: (_body, requestId) => ({ connection: 'keep-alive', 'x-amzn-RequestId': requestId }),
  };
}

/**
 * Lambda's Invoke answer: the function's payload as the body, as it returned it, with the version run, the trace id
 * and, when the caller asked for its log tail, the log.
 */
export const LAMBDA_ANSWER: Answer = {
  contentType: 'application/json',
  body: (_shaped, response) => Buffer.from((response as { Payload?: Uint8Array }).Payload ?? []).toString('utf8'),
  headers: (_body, requestId, response, date) => {
    const { ExecutedVersion, LogResult } = response as { ExecutedVersion?: string; LogResult?: string };
    const root = `1-${Math.floor(date.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
    return {
      Connection: 'keep-alive',
      ...(ExecutedVersion === undefined ? {} : { 'X-Amz-Executed-Version': ExecutedVersion }),
      ...(LogResult === undefined ? {} : { 'X-Amz-Log-Result': LogResult }),
      'X-Amzn-Trace-Id': `Root=${root};Sampled=0`,
      'x-amzn-Remapped-Content-Length': '0',
      'x-amzn-RequestId': requestId,
    };
  },
};
