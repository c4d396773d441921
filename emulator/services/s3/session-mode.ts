import { S3Errors } from './errors.ts';
import type { S3Context, S3State } from './registry.ts';

/**
 * What a `ReadOnly` session's credentials may do: the Zonal endpoint operations CreateSession's SessionMode names
 * (S3 API Reference, CreateSession): GetObject, HeadObject, ListObjectsV2, GetObjectAttributes, ListParts and
 * ListMultipartUploads.
 */
const READ_ONLY_OPERATIONS: ReadonlySet<string> = new Set(['GetObject', 'HeadObject', 'ListObjectsV2', 'GetObjectAttributes', 'ListParts', 'ListMultipartUploads']);

/** Refuses, with AWS's AccessDenied, any other request signed with a `ReadOnly` session's credentials. */
export function checkSessionMode(ctx: S3Context): void {
  const readOnly = (ctx.state as S3State | undefined)?.readOnlySessions;
  if (ctx.accessKeyId !== undefined && readOnly?.size && readOnly.has(ctx.accessKeyId) && !READ_ONLY_OPERATIONS.has(ctx.operation)) throw S3Errors.accessDenied();
}
