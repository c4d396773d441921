import { Readable } from 'node:stream';
import busboy from 'busboy';
import { accountRootArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import type { RawRequest, RawResponse } from '../../protocols/types.ts';
import { escapeXml } from '../../protocols/xml-writer.ts';
import { prepareAccountBlocks } from './request-preparation.ts';
import { S3Errors } from './errors.ts';
import { storeObject } from './operations/put-object.ts';
import { checkPostSignature } from './post-signature.ts';
import { formTagging } from './post-tagging.ts';

/** The form fields before the file (AWS ignores those after it), and the file as it streams in. */
interface Form {
  fields: Map<string, string>;
  file?: { filename?: string; contentType?: string; data: AsyncIterable<Buffer> };
}

/**
 * Reads a `multipart/form-data` body up to its `file` part, which is handed over still streaming (a POST upload may
 * carry up to 5 GiB): field names are compared case-insensitively, as S3 does.
 */
function readForm(req: RawRequest): Promise<Form> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': req.headers['content-type'] ?? '' }, limits: { files: 1 } });
    } catch {
      reject(S3Errors.malformedPost('Bucket POST must be of the enclosure-type multipart/form-data'));
      return;
    }
    const fields = new Map<string, string>();
    let settled = false;
    const settle = (form: Form) => {
      if (!settled) resolve(form);
      settled = true;
    };
    parser.on('field', (name, value) => {
      if (settled) return;
      // A `file` part without a filename arrives as a field: it is still the file.
      if (name.toLowerCase() === 'file') settle({ fields, file: { data: Readable.from([Buffer.from(value, 'utf8')]) } });
      else fields.set(name.toLowerCase(), value);
    });
    parser.on('file', (name, stream, info) => {
      if (settled || name.toLowerCase() !== 'file') {
        stream.resume();
        return;
      }
      // busboy reports a part without a Content-Type as text/plain; S3 stores such a file as binary/octet-stream.
      settle({ fields, file: { filename: info.filename, contentType: declared.typed() ? info.mimeType : undefined, data: stream } });
    });
    parser.on('close', () => settle({ fields }));
    parser.on('error', (error) => {
      if (!settled) reject(S3Errors.malformedPost(error instanceof Error ? error.message : String(error)));
      settled = true;
    });
    const body = req.bodyStream ?? [req.body];
    const declared = partHeaders();
    Readable.from(body)
      .on('error', (error) => parser.destroy(error))
      .on('data', (chunk: Buffer) => declared.see(chunk))
      .pipe(parser);
  });
}

/**
 * Whether the last part header block seen so far declares a Content-Type: the bytes before the file's data are kept
 * (only the tail that can still hold the block) until the file part begins.
 */
function partHeaders() {
  let tail = '';
  let done = false;
  return {
    see(chunk: Buffer) {
      if (!done) tail = (tail + chunk.toString('latin1')).slice(-65_536);
    },
    typed(): boolean {
      done = true;
      const headers = [...tail.matchAll(/content-disposition:[^\r\n]*\bname="file"/gi)].pop();
      if (!headers) return false;
      const block = tail.slice(tail.lastIndexOf('\n--', headers.index) + 1, tail.indexOf('\r\n\r\n', headers.index) >>> 0);
      return /\ncontent-type:/i.test(block);
    },
  };
}

type Condition = Record<string, string> | [string, string | number, string | number];

function policyFailed(condition: unknown[]): AwsError {
  return new AwsError('AccessDenied', `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition).replace(/,/g, ', ')}`, { status: 403 });
}

/**
 * The POST policy's expiration and conditions, against the form fields (names compared case-insensitively); the
 * `content-length-range` condition, if any, is returned to be checked once the file has arrived.
 */
function checkPolicy(policy: string, fields: Map<string, string>, bucket: string, nowMs: number): Condition | undefined {
  let document: { expiration?: string; conditions?: Condition[] };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    throw new AwsError('InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.', { status: 400 });
  }
  if (!document.expiration || !(Date.parse(document.expiration) > nowMs)) {
    throw new AwsError('AccessDenied', 'Invalid according to Policy: Policy expired.', { status: 403 });
  }
  const value = (name: string) => (name.toLowerCase() === 'bucket' ? bucket : (fields.get(name.toLowerCase()) ?? ''));
  const named = new Set<string>();
  let sizeRange: Condition | undefined;
  for (const condition of document.conditions ?? []) {
    if (!Array.isArray(condition)) {
      const entries = Object.entries(condition);
      if (entries.length !== 1) {
        throw new AwsError('InvalidPolicyDocument', 'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.', { status: 400 });
      }
      if (value(entries[0][0]) !== entries[0][1]) throw policyFailed(['eq', `$${entries[0][0]}`, entries[0][1]]);
      named.add(entries[0][0].toLowerCase());
      continue;
    }
    const [operator, field, expected] = condition;
    if (operator.toLowerCase() === 'content-length-range') {
      sizeRange = condition;
      continue;
    }
    const name = String(field);
    if (!name.startsWith('$')) throw policyFailed(condition);
    const actual = value(name.slice(1));
    const ok = operator.toLowerCase() === 'eq' ? actual === expected : operator.toLowerCase() === 'starts-with' ? actual.startsWith(String(expected)) : false;
    if (!ok) throw policyFailed(condition);
    named.add(name.slice(1).toLowerCase());
  }
  const extra = [...fields.keys()].find((name) => !named.has(name) && !UNCONDITIONED.has(name) && !name.startsWith('x-ignore-'));
  if (extra !== undefined) throw new AwsError('AccessDenied', `Invalid according to Policy: Extra input fields: ${extra}`, { status: 403 });
  return sizeRange;
}

/**
 * Form fields a POST policy need not name: the policy and its signature (SigV4's, or SigV2's with its key id), and the
 * file. Every other field must appear in a condition ("Each form field that you specify in a form (except
 * x-amz-signature, file, policy, and field names that have an x-ignore- prefix) must appear in the list of conditions").
 */
const UNCONDITIONED = new Set(['policy', 'x-amz-signature', 'signature', 'awsaccesskeyid', 'file']);

/** The file's bytes as they arrive; at the end, its size against the policy's range (nothing is stored if it fails). */
async function* sized(data: AsyncIterable<Buffer>, range: Condition | undefined): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of data) {
    size += chunk.length;
    yield chunk;
  }
  if (!Array.isArray(range)) return;
  const [min, max] = [Number(range[1]), Number(range[2])];
  if (!Number.isInteger(min) || !Number.isInteger(max) || String(range[1]).trim() === '' || String(range[2]).trim() === '') throw policyFailed(range);
  if (size > max) throw S3Errors.entityTooLarge(size, max);
  if (size < min) throw S3Errors.entityTooSmall(size, min);
}

/**
 * Who uploads: the key that signed the form (`x-amz-credential`, or SigV2's `AWSAccessKeyId`), in its account and
 * region; an unsigned form is the request's own caller (anonymous in strict mode).
 */
function formContext(ctx: RequestContext, fields: Map<string, string>): RequestContext {
  const [sigV4Key, , region] = fields.get('x-amz-credential')?.split('/') ?? [];
  const accessKeyId = sigV4Key || fields.get('awsaccesskeyid');
  if (!accessKeyId) return { ...ctx, operation: 'PutObject' };
  const accountId = ctx.emulator.credentials.accountFor(accessKeyId);
  const signingRegion = region || ctx.region;
  const arn = ctx.emulator.credentials.lookup(accessKeyId)?.arn ?? accountRootArn(accountId, signingRegion);
  return { ...ctx, operation: 'PutObject', accessKeyId, accountId, region: signingRegion, caller: { accountId, arn, accessKeyId } };
}

/**
 * A form's system metadata as S3 keeps it for its headers, which carry Latin-1: a character beyond it becomes a space
 * (AWS answered `non-ascii-%E2%80%94_—_é_` as `non-ascii-%E2%80%94_ _é_`).
 */
function headerText(value: string | undefined): string | undefined {
  return value?.replace(/[^\x00-\xff]/gu, ' ');
}

/**
 * A browser POST upload (`POST /<bucket>` with a form): checks the POST policy, then streams the file into the
 * bucket with the form's metadata, as PutObject would store it (`s3:ObjectCreated:Post` event), and answers as
 * `success_action_status` / `success_action_redirect` ask.
 */
export async function postUpload(req: RawRequest, bucket: string, ctx: RequestContext, idHeaders: Record<string, string>): Promise<RawResponse> {
  const { fields, file } = await readForm(req);
  if (!file) throw new AwsError('InvalidArgument', 'POST requires exactly one file upload per request.', { status: 400, fields: { ArgumentName: 'file', ArgumentValue: 0 } });
  const rawKey = fields.get('key');
  if (rawKey === undefined) throw new AwsError('InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.", { status: 400, fields: { ArgumentName: 'key', ArgumentValue: '' } });
  // A file part without a filename leaves `${filename}` in the key as it is.
  const key = file.filename === undefined ? rawKey : rawKey.replace('${filename}', file.filename);
  fields.set('key', key);
  const policy = fields.get('policy');
  if (policy !== undefined) checkPostSignature(fields, policy, ctx);
  const sizeRange = policy === undefined ? undefined : checkPolicy(policy, fields, bucket, ctx.emulator.clock.now());
  const metadata = Object.fromEntries([...fields].filter(([k]) => k.startsWith('x-amz-meta-')).map(([k, v]) => [k.slice('x-amz-meta-'.length), v]));
  const input = {
    Bucket: bucket,
    Key: key,
    Body: sized(file.data, sizeRange),
    ContentType: fields.get('content-type') ?? file.contentType,
    CacheControl: headerText(fields.get('cache-control')),
    ContentDisposition: headerText(fields.get('content-disposition')),
    ContentEncoding: headerText(fields.get('content-encoding')),
    ACL: fields.get('acl') as never,
    Tagging: fields.has('tagging') ? formTagging(fields.get('tagging')!) : undefined,
    // Stored as the header text, as PutObject's Expires header is (the model types it as a string).
    Expires: fields.get('expires') as never,
    StorageClass: fields.get('x-amz-storage-class') as never,
    Metadata: metadata,
  };
  const formCtx = formContext(ctx, fields);
  await prepareAccountBlocks(input, formCtx);
  const output = await storeObject(input, formCtx, 's3:ObjectCreated:Post');
  const etag = output.ETag!;
  const headers: Record<string, string> = { ...idHeaders, etag, location: `${ctx.endpoint}/${bucket}/${encodeURIComponent(key)}` };
  if (output.VersionId) headers['x-amz-version-id'] = output.VersionId;
  const redirect = fields.get('success_action_redirect');
  if (redirect) {
    const url = new URL(redirect);
    url.searchParams.set('bucket', bucket);
    url.searchParams.set('key', key);
    url.searchParams.set('etag', etag);
    return { status: 303, headers: { ...headers, location: url.toString() }, body: '' };
  }
  const status = fields.get('success_action_status');
  if (status === '201') {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<PostResponse><Location>${escapeXml(headers.location)}</Location><Bucket>${escapeXml(bucket)}</Bucket>` +
      `<Key>${escapeXml(key)}</Key><ETag>${escapeXml(etag)}</ETag></PostResponse>`;
    return { status: 201, headers: { ...headers, 'content-type': 'application/xml' }, body };
  }
  return { status: status === '200' ? 200 : 204, headers, body: '' };
}
