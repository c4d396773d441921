import { createHmac, randomBytes } from 'node:crypto';
import type { JsonValue, PostForm } from '../contract/types.ts';
import type { Credentials } from './request.ts';
import { render, renderDeep, type Vars } from './template.ts';

/** Python's `json.dumps` with its defaults: `, ` and `: ` separators, non-ASCII as `\uXXXX`. */
export function pythonJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const hmac = (key: string | Buffer, text: string, algorithm = 'sha256') => createHmac(algorithm, key).update(text, 'utf8').digest();

/** `yyyymmddThhmmssZ`, as SigV4 writes times. */
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The fields and policy botocore's `generate_presigned_post` makes, signed with these credentials at `nowMs`. */
export function signedPostFields(form: PostForm, vars: Vars, credentials: Credentials, region: string, nowMs: number): [string, string][] {
  const bucket = render(form.bucket, vars);
  const key = render(form.key, vars);
  const fields: [string, string][] = [...Object.entries(form.fields ?? {}).map(([k, v]): [string, string] => [k, render(v, vars)]), ['key', key]];
  const conditions = [...(renderDeep(form.conditions ?? [], vars) as JsonValue[]), { bucket }];
  conditions.push(key.endsWith('${filename}') ? ['starts-with', '$key', key.slice(0, -'${filename}'.length)] : { key });
  const token = credentials.sessionToken;
  const expiration = new Date(nowMs + (form.expiresIn ?? 3600) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const policyOf = () => Buffer.from(pythonJson({ expiration, conditions }), 'utf8').toString('base64');
  if (form.signature === 'v2') {
    fields.push(['AWSAccessKeyId', credentials.accessKeyId]);
    if (token) {
      fields.push(['x-amz-security-token', token]);
      conditions.push({ 'x-amz-security-token': token });
    }
    const policy = policyOf();
    fields.push(['policy', policy], ['signature', hmac(credentials.secretAccessKey, policy, 'sha1').toString('base64')]);
    return fields;
  }
  const date = amzDate(nowMs);
  const scope = `${date.slice(0, 8)}/${region}/s3/aws4_request`;
  const credential = `${credentials.accessKeyId}/${scope}`;
  fields.push(['x-amz-algorithm', 'AWS4-HMAC-SHA256'], ['x-amz-credential', credential], ['x-amz-date', date]);
  conditions.push({ 'x-amz-algorithm': 'AWS4-HMAC-SHA256' }, { 'x-amz-credential': credential }, { 'x-amz-date': date });
  if (token) {
    fields.push(['x-amz-security-token', token]);
    conditions.push({ 'x-amz-security-token': token });
  }
  const policy = policyOf();
  const signingKey = ['s3', 'aws4_request'].reduce((k, part) => hmac(k, part), hmac(hmac(`AWS4${credentials.secretAccessKey}`, date.slice(0, 8)), region));
  fields.push(['policy', policy], ['x-amz-signature', hmac(signingKey, policy).toString('hex')]);
  return fields;
}

/** What the test did to the signed form: fields taken out, changed (a new one goes last, as in a dict), or cut short. */
function altered(form: PostForm, fields: [string, string][], vars: Vars): [string, string][] {
  const set = Object.entries(form.set ?? {}).map(([name, value]): [string, string] => [name, render(value, vars)]);
  const changed = fields.map(([name, value]): [string, string] => [name, set.find(([n]) => n === name)?.[1] ?? value]);
  changed.push(...set.filter(([name]) => !fields.some(([n]) => n === name)));
  return changed
    .filter(([name]) => !form.omit?.includes(name) && (!form.keep || form.keep.includes(name)))
    .map(([name, value]) => [name, form.cut && Object.hasOwn(form.cut, name) ? value.slice(0, Math.max(0, value.length - form.cut[name])) : value]);
}

/** A `Content-Disposition` parameter as Python's requests (urllib3) writes it: quotes and line breaks escaped. */
const quoted = (text: string) => `"${text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

/**
 * The form as Python's requests sends `data=fields, files={"file": ...}`: a `multipart/form-data` body, the fields
 * then the file part.
 */
export function postFormBody(form: PostForm, vars: Vars, credentials: Credentials, region: string, nowMs: number): { body: Buffer; contentType: string } {
  const boundary = randomBytes(16).toString('hex');
  const fields = altered(form, signedPostFields(form, vars, credentials, region, nowMs), vars);
  const filename = form.file.filename === undefined ? 'file' : form.file.filename;
  const parts = [
    ...fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"${filename === null ? '' : `; filename=${quoted(render(filename, vars))}`}\r\n\r\n${render(form.file.content, vars)}\r\n`,
    `--${boundary}--\r\n`,
  ];
  return { body: Buffer.from(parts.join(''), 'utf8'), contentType: form.contentType ?? `multipart/form-data; boundary=${boundary}` };
}
