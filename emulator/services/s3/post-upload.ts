import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import type { RawRequest, RawResponse } from '../../protocols/types.ts';
import { escapeXml } from '../../protocols/xml-writer.ts';
import { S3Errors } from './errors.ts';

interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** A `multipart/form-data` body's parts (browser POST uploads are small enough to be read whole). */
function parseForm(body: Buffer, contentType: string): FormPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw S3Errors.malformedPost('Bucket POST must be of the enclosure-type multipart/form-data');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*?name="([^"]*)"(?:;\s*filename="([^"]*)")?/i.exec(head);
    if (disposition) {
      parts.push({
        name: disposition[1],
        filename: disposition[2],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
        data: part.subarray(split + 4),
      });
    }
    at = next;
  }
  return parts;
}

type Condition = Record<string, string> | [string, string | number, string | number];

function policyFailed(condition: unknown[]): AwsError {
  return new AwsError('AccessDenied', `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition).replace(/,/g, ', ')}`, { status: 403 });
}

/** The POST policy's expiration and conditions, against the form fields (names compared case-insensitively). */
function checkPolicy(policy: string, fields: Map<string, string>, bucket: string, size: number, nowMs: number): void {
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
  for (const condition of document.conditions ?? []) {
    if (!Array.isArray(condition)) {
      const entries = Object.entries(condition);
      if (entries.length !== 1) {
        throw new AwsError('InvalidPolicyDocument', 'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.', { status: 400 });
      }
      if (value(entries[0][0]) !== entries[0][1]) throw policyFailed(['eq', `$${entries[0][0]}`, entries[0][1]]);
      continue;
    }
    const [operator, field, expected] = condition;
    if (operator.toLowerCase() === 'content-length-range') {
      if (!(size >= Number(field) && size <= Number(expected))) throw policyFailed(condition);
      continue;
    }
    const name = String(field);
    if (!name.startsWith('$')) throw policyFailed(condition);
    const actual = value(name.slice(1));
    const ok = operator.toLowerCase() === 'eq' ? actual === expected : operator.toLowerCase() === 'starts-with' ? actual.startsWith(String(expected)) : false;
    if (!ok) throw policyFailed(condition);
  }
}

/**
 * A browser POST upload (`POST /<bucket>` with a form): checks the POST policy, then stores the file with the form's
 * metadata through PutObject, and answers as `success_action_status` / `success_action_redirect` ask.
 */
export async function postUpload(req: RawRequest, bucket: string, ctx: RequestContext, idHeaders: Record<string, string>): Promise<RawResponse> {
  const parts = parseForm(req.body, req.headers['content-type'] ?? '');
  const file = parts.find((p) => p.name.toLowerCase() === 'file');
  const fields = new Map(parts.filter((p) => p !== file).map((p) => [p.name.toLowerCase(), p.data.toString('utf8')]));
  if (!file) throw new AwsError('InvalidArgument', 'POST requires exactly one file upload per request.', { status: 400, fields: { ArgumentName: 'file', ArgumentValue: 0 } });
  const rawKey = fields.get('key');
  if (rawKey === undefined) throw new AwsError('InvalidArgument', "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.", { status: 400, fields: { ArgumentName: 'key', ArgumentValue: '' } });
  const key = rawKey.replace('${filename}', file.filename ?? '');
  fields.set('key', key);
  const policy = fields.get('policy');
  if (policy !== undefined) checkPolicy(policy, fields, bucket, file.data.length, ctx.emulator.clock.now());
  const metadata = Object.fromEntries([...fields].filter(([k]) => k.startsWith('x-amz-meta-')).map(([k, v]) => [k.slice('x-amz-meta-'.length), v]));
  const output = (await ctx.emulator.call(
    's3',
    'PutObject',
    {
      Bucket: bucket,
      Key: key,
      Body: file.data,
      ContentType: fields.get('content-type') ?? file.contentType,
      CacheControl: fields.get('cache-control'),
      ContentDisposition: fields.get('content-disposition'),
      ContentEncoding: fields.get('content-encoding'),
      ACL: fields.get('acl'),
      Tagging: fields.get('tagging'),
      StorageClass: fields.get('x-amz-storage-class'),
      Metadata: metadata,
    },
    { caller: ctx.caller, region: ctx.region, accountId: ctx.accountId },
  )) as { ETag: string; VersionId?: string };
  const headers: Record<string, string> = { ...idHeaders, etag: output.ETag, location: `${ctx.endpoint}/${bucket}/${encodeURIComponent(key)}` };
  if (output.VersionId) headers['x-amz-version-id'] = output.VersionId;
  const redirect = fields.get('success_action_redirect');
  if (redirect) {
    const url = new URL(redirect);
    url.searchParams.set('bucket', bucket);
    url.searchParams.set('key', key);
    url.searchParams.set('etag', output.ETag);
    return { status: 303, headers: { ...headers, location: url.toString() }, body: '' };
  }
  const status = fields.get('success_action_status');
  if (status === '201') {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<PostResponse><Location>${escapeXml(headers.location)}</Location><Bucket>${escapeXml(bucket)}</Bucket>` +
      `<Key>${escapeXml(key)}</Key><ETag>${escapeXml(output.ETag)}</ETag></PostResponse>`;
    return { status: 201, headers: { ...headers, 'content-type': 'application/xml' }, body };
  }
  return { status: status === '200' ? 200 : 204, headers, body: '' };
}
